package nl.meedenken.actions;

/**
 * Where an action came from, so it can link back. A typed reference, never a join into
 * another module's tables.
 */
public record Origin(Type type, Long id, String label) {

    public enum Type { SCAN_CAMPAIGN, EVALUATION, MISTAKE_REPORT, CHALLENGE, IDEA, MANUAL }

    public Origin {
        if (type == null) {
            throw new IllegalArgumentException("An origin needs a type");
        }
    }
}
