package nl.meedenken.transport.internal;

public record Vehicle(long id, String plate, long siteId, int capacityPallets, int capacityKg, boolean active) {
}
