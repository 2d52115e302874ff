package nl.meedenken.scan.internal;

/**
 * A number of answers as a page may show it: below the minimum group size only "fewer than
 * k" (nobody is an exception: "no answers yet" says nothing about anyone's answers), so a
 * count that goes from 2 to 3 while a campaign is open cannot be matched to who just answered.
 */
public record Count(int value, int k) {

    /** Whether the page must say "fewer than k" instead of the number. */
    public boolean hidden() {
        return value > 0 && value < k;
    }
}
