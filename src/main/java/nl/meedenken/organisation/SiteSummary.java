package nl.meedenken.organisation;

/** A site (location) of the company. */
public record SiteSummary(SiteId id, String name, String city, boolean active) {
}
