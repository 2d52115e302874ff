package nl.meedenken.routing.internal;

import java.time.LocalTime;
import java.util.List;

/**
 * What the optimiser proposes for a day, in the planner's terms: trips with their stops, the
 * deliveries it left off, and the reasons behind late and left-off deliveries.
 *
 * @param seconds how long the optimiser had worked when this proposal was its best
 */
public record Proposal(List<Trip> trips, List<Delivery> leftOff, List<Reason> reasons, long metres, long seconds,
                       boolean feasible) {

    /** A proposed trip for one truck. */
    public record Trip(long vehicleId, String plate, String site, Long replacesTrip, LocalTime start, LocalTime back,
                       long metres, int pallets, int capacityPallets, int kg, int capacityKg, int breaks,
                       List<Stop> stops) {

        public long kilometres() {
            return Math.round(metres / 1000.0);
        }

        public int lateStops() {
            return (int) stops.stream().filter(s -> s.minutesLate() > 0).count();
        }
    }

    /** A stop on a proposed trip. */
    public record Stop(Delivery delivery, LocalTime arrival, LocalTime start, long minutesLate, boolean breakOnTheWay) {
    }

    /** A delivery as the planner knows it. */
    public record Delivery(long orderId, String reference, String customer, String city, LocalTime opens,
                           LocalTime closes, int pallets, int kg, Long tripId) {
    }

    /**
     * Why something in the proposal is as it is, as a message key with its arguments, so it reads
     * in the language of whoever opens the page.
     */
    public record Reason(String kind, Long orderId, String key, List<String> arguments) {

        /** The arguments for the message, whole numbers as numbers so they are written the reader's way. */
        public Object[] values() {
            return arguments.stream().map(a -> a.matches("-?\\d{1,15}") ? (Object) Long.valueOf(a) : a).toArray();
        }
    }

    public long kilometres() {
        return Math.round(metres / 1000.0);
    }

    public int lateStops() {
        return trips.stream().mapToInt(Trip::lateStops).sum();
    }

    public int trucks() {
        return trips.size();
    }

    public int stops() {
        return trips.stream().mapToInt(t -> t.stops().size()).sum();
    }
}
