package nl.meedenken.organisation;

/** Identifies one person. */
public record PersonId(long value) {
}
