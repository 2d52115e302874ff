package nl.meedenken.transport.internal;

/** A site's steering mode and depot; a site without a depot uses the centre of the Netherlands. */
public record SiteSettings(long siteId, String siteName, Steering steering, double depotLat, double depotLon,
                           boolean depotKnown, String changedBy) {
}
