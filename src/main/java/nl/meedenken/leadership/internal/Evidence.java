package nl.meedenken.leadership.internal;

/** What the product can see of an assignment being carried out, if anything. */
public enum Evidence {
    /** Nothing the product can see; the reflection is the only record. */
    NONE,
    /** The leader's team closed an evaluation. */
    EVALUATION,
    /** The leader answered ideas, on time or late. */
    IDEAS,
    /** The leader asked the team for upward feedback. */
    FEEDBACK;

    public String labelKey() {
        return "leadership.evidence." + name();
    }
}
