package nl.meedenken.routing;

/** A point on the map, in degrees (WGS 84). */
public record Place(double latitude, double longitude) {
}
