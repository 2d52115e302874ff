package nl.meedenken.actions;

/**
 * Where an action came from, so it can link back. A typed reference, never a join into
 * another module's tables.
 */
public record Origin(Type type, Long id, String label) {

    public enum Type {
        SCAN_CAMPAIGN("/scan/campaigns/{id}/results"),
        EVALUATION("/evaluations/sessions/{id}"),
        MISTAKE_REPORT("/learning/reports/{id}"),
        CHALLENGE("/challenges/{id}"),
        IDEA("/ideas/{id}"),
        MANUAL(null);

        private final String path;

        Type(String path) {
            this.path = path;
        }

        public String labelKey() {
            return "actions.origin." + name();
        }
    }

    public Origin {
        if (type == null) {
            throw new IllegalArgumentException("An origin needs a type");
        }
    }

    public static Origin manual() {
        return new Origin(Type.MANUAL, null, null);
    }

    /** The page the action came from, or {@code null} when there is none. */
    public String path() {
        return type.path == null || id == null ? null : type.path.replace("{id}", Long.toString(id));
    }
}
