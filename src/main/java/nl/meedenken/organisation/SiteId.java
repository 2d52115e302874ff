package nl.meedenken.organisation;

/** Identifies one site. */
public record SiteId(long value) {
}
