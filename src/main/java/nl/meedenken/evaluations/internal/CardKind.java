package nl.meedenken.evaluations.internal;

/** The three columns of the board. */
public enum CardKind {
    WELL("hand-thumbs-up"), BETTER("wrench-adjustable"), IDEA("lightbulb");

    private final String icon;

    CardKind(String icon) {
        this.icon = icon;
    }

    public String icon() {
        return icon;
    }

    public String labelKey() {
        return "evaluations.kind." + name();
    }

    public String hintKey() {
        return "evaluations.kind." + name() + ".hint";
    }
}
