package nl.meedenken.platform;

/** Search text for SQL {@code like}: the wildcards people type are taken literally. */
public final class Like {

    private Like() {
    }

    /** {@code %text%} with {@code \\}, {@code %} and {@code _} escaped. */
    public static String containing(String text) {
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
