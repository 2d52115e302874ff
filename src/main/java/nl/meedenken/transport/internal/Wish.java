package nl.meedenken.transport.internal;

import java.time.Instant;

public record Wish(long id, long addressId, String addressName, String customerName, WishKind kind, String text,
                   Status status, String recordedBy, Instant recordedAt, String decidedBy, Instant decidedAt) {

    public enum Status {
        NEW, CONFIRMED, OUTDATED;

        public String labelKey() {
            return "transport.wish.status." + name();
        }
    }
}
