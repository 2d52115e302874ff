package nl.meedenken.evaluations;

/** Identifies one evaluation session of a team. */
public record SessionId(long value) {
}
