package nl.meedenken.platform;

import java.util.List;

/** One page of a longer list, with what a pager needs to show where you are. */
public record Page<T>(List<T> items, int number, int size, long total) {

    /** The page to show for a requested number: never below the first nor past the last one. */
    public static int clamp(int requested, long total, int size) {
        return Math.max(0, Math.min(requested, (int) ((Math.max(total, 1) - 1) / size)));
    }

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return number > 0;
    }

    public boolean hasNext() {
        return number + 1 < totalPages();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The 1-based position of the first item on this page, for "21–40 of 95". */
    public long firstItem() {
        return total == 0 ? 0 : (long) number * size + 1;
    }

    public long lastItem() {
        return (long) number * size + items.size();
    }
}
