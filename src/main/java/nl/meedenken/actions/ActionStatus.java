package nl.meedenken.actions;

/** Where an action stands. Dropping needs a reason; done and dropped actions can be reopened. */
public enum ActionStatus {
    OPEN, DOING, DONE, DROPPED;

    /** Still to be done: counts for reminders, overdue lists and evaluation reviews. */
    public boolean isOpen() {
        return this == OPEN || this == DOING;
    }

    public String labelKey() {
        return "actions.status." + name();
    }

    public String icon() {
        return switch (this) {
            case OPEN -> "circle";
            case DOING -> "arrow-repeat";
            case DONE -> "check-circle-fill";
            case DROPPED -> "x-circle";
        };
    }

    public String badge() {
        return switch (this) {
            case OPEN -> "badge-waiting";
            case DOING -> "badge-role";
            case DONE -> "badge-active";
            case DROPPED -> "badge-inactive";
        };
    }
}
