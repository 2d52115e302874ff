package nl.meedenken.learning.internal;

/** What kind of mistake or near miss a report is about. */
public enum Category {
    SAFETY("shield-exclamation"), QUALITY("patch-check"), CUSTOMER("person-badge"), DAMAGE("hammer"),
    NEAR_MISS("exclamation-diamond"), OTHER("three-dots");

    private final String icon;

    Category(String icon) {
        this.icon = icon;
    }

    public String icon() {
        return icon;
    }

    public String labelKey() {
        return "learning.category." + name();
    }
}
