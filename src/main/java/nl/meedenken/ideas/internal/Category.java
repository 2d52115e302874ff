package nl.meedenken.ideas.internal;

/** What an idea is about. */
public enum Category {
    SAFETY("shield-check"), CUSTOMER("person-heart"), EFFICIENCY("speedometer2"),
    WORKING_CONDITIONS("cup-hot"), ICT_TOOLS("phone"), OTHER("three-dots");

    private final String icon;

    Category(String icon) {
        this.icon = icon;
    }

    public String icon() {
        return icon;
    }

    public String labelKey() {
        return "ideas.category." + name();
    }

    static Category parse(String text) {
        try {
            return text == null || text.isBlank() ? null : valueOf(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
