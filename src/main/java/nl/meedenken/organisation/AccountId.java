package nl.meedenken.organisation;

/** Identifies one account. */
public record AccountId(long value) {
}
