package nl.meedenken.ideas.internal;

/** Where an idea stands. Every status but the first is an answer with a reason. */
public enum IdeaStatus {
    SUBMITTED("send", "badge-waiting"), UNDER_REVIEW("search", "badge-role"), EXPERIMENT("eyedropper", "badge-role"),
    ADOPTED("check-circle-fill", "badge-active"), NOT_ADOPTED("x-circle", "badge-inactive"),
    PARKED("pause-circle", "badge-inactive");

    private final String icon;
    private final String badge;

    IdeaStatus(String icon, String badge) {
        this.icon = icon;
        this.badge = badge;
    }

    public String icon() {
        return icon;
    }

    public String badge() {
        return badge;
    }

    public String labelKey() {
        return "ideas.status." + name();
    }

    /** The statuses a lead can answer with. */
    public static IdeaStatus[] answers() {
        return new IdeaStatus[]{UNDER_REVIEW, EXPERIMENT, ADOPTED, NOT_ADOPTED, PARKED};
    }

    static IdeaStatus parse(String text) {
        try {
            return text == null || text.isBlank() ? null : valueOf(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
