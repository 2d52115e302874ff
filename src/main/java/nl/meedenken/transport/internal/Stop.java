package nl.meedenken.transport.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/** One order on a trip, in its place in the order of stops, with what happened there. */
public record Stop(long id, long tripId, int position, Order order, Address address, Instant arrivedAt,
                   Instant deliveredAt, Problem problem, String problemText, Instant problemAt, boolean hasPhoto) {

    private static final ZoneId LOCAL = ZoneId.of("Europe/Amsterdam");

    public enum Problem {
        REFUSED, DAMAGED, NOBODY, OTHER;

        public String labelKey() {
            return "transport.problem." + name();
        }
    }

    public boolean done() {
        return deliveredAt != null || problem != null;
    }

    public boolean arrived() {
        return arrivedAt != null;
    }

    public LocalTime deliveredTime() {
        return deliveredAt == null ? null : deliveredAt.atZone(LOCAL).toLocalTime().withNano(0);
    }

    public LocalTime arrivedTime() {
        return arrivedAt == null ? null : arrivedAt.atZone(LOCAL).toLocalTime().withNano(0);
    }

    /** Minutes after the window closed, for a delivered stop; 0 when on time. */
    public long minutesLate() {
        LocalTime at = deliveredTime();
        if (at == null || !at.isAfter(order.windowTo())) {
            return 0;
        }
        return java.time.Duration.between(order.windowTo(), at).toMinutes();
    }

    public RouteEstimate.Visit visit() {
        return new RouteEstimate.Visit(id, address.latitude(), address.longitude(), order.windowFrom(), order.windowTo());
    }
}
