package nl.meedenken.ideas;

/** An innovation team as other modules may show it. */
public record InnovationTeamSummary(long id, String name) {
}
