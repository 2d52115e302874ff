package nl.meedenken.organisation;

/** A team or department, as other modules may know it. */
public record TeamSummary(TeamId id, String name, SiteId site, boolean active) {
}
