package nl.meedenken.organisation;

/** Identifies one team. */
public record TeamId(long value) {
}
