package nl.meedenken.transport.internal;

public record Customer(long id, String name, int addresses) {
}
