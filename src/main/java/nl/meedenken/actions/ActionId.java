package nl.meedenken.actions;

/** Identifies one follow-up action. */
public record ActionId(long value) {
}
