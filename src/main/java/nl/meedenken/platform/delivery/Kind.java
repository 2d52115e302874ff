package nl.meedenken.platform.delivery;

/**
 * The kinds of notification a person chooses channels for. Each notification's message key belongs to one
 * kind by the module it starts with ({@code ideas.notify.comment} is about ideas).
 */
public enum Kind {
    ACTIONS("actions."),
    EVALUATIONS("evaluations."),
    SCAN("scan.", "leadership."),
    LEARNING("learning."),
    IDEAS("ideas."),
    TRIPS("transport.", "routing."),
    CHALLENGES("challenges."),
    AGREEMENTS("driving."),
    OTHER();

    private final String[] prefixes;

    Kind(String... prefixes) {
        this.prefixes = prefixes;
    }

    /** The kind a notification's message key belongs to; {@link #OTHER} when no module claims it. */
    public static Kind of(String messageKey) {
        for (Kind kind : values()) {
            for (String prefix : kind.prefixes) {
                if (messageKey != null && messageKey.startsWith(prefix)) {
                    return kind;
                }
            }
        }
        return OTHER;
    }

    public String labelKey() {
        return "delivery.kind." + name();
    }

    public static java.util.Optional<Kind> named(String name) {
        return java.util.Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }
}
