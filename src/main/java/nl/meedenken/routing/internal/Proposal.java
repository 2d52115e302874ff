package nl.meedenken.routing.internal;

import nl.meedenken.routing.PlanningBoard;
import nl.meedenken.routing.Timeline;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * The proposal a plan of the solver makes for the planner's day. Left-off deliveries are read
     * from the routes, so a snapshot of the search (whose visits say nothing) reads the same.
     */
    static Proposal of(RoutePlan plan, PlanningBoard.Day day, List<Reason> reasons, long seconds) {
        Map<Long, PlanningBoard.Delivery> deliveries = new HashMap<>();
        day.deliveries().forEach(d -> deliveries.put(d.orderId(), d));
        Map<Long, PlanningBoard.Truck> trucks = new HashMap<>();
        day.trucks().forEach(t -> trucks.put(t.vehicleId(), t));
        List<Trip> trips = new ArrayList<>();
        long metres = 0;
        for (Route route : plan.getRoutes()) {
            if (!route.used()) {
                continue;
            }
            Timeline timeline = Timelines.of(route);
            PlanningBoard.Truck truck = trucks.get(route.getId());
            List<Stop> stops = new ArrayList<>();
            for (Timeline.Leg leg : timeline.legs()) {
                stops.add(new Stop(delivery(deliveries.get(leg.id())), leg.arrival(), leg.start(), leg.minutesLate(),
                        leg.breakOnTheWay()));
            }
            metres += timeline.metres();
            trips.add(new Trip(truck.vehicleId(), truck.plate(), truck.siteName(), truck.tripId(),
                    Timelines.time(route.getShiftStart()), timeline.finish(), timeline.metres(), route.pallets(),
                    route.getCapacityPallets(), route.kilograms(), route.getCapacityKg(), timeline.breaks(), stops));
        }
        trips.sort(Comparator.comparing(Trip::site).thenComparing(Trip::plate));
        Set<Long> onTrips = new HashSet<>();
        plan.getRoutes().forEach(r -> r.getVisits().forEach(v -> onTrips.add(v.getId())));
        List<Delivery> leftOff = day.deliveries().stream().filter(d -> !onTrips.contains(d.orderId()))
                .map(Proposal::delivery).toList();
        boolean feasible = plan.getScore() == null || plan.getScore().hardScore() == 0;
        return new Proposal(trips, leftOff, reasons, metres, seconds, feasible);
    }

    private static Delivery delivery(PlanningBoard.Delivery d) {
        return new Delivery(d.orderId(), d.reference(), d.customer(), d.city(), d.opens(), d.closes(), d.pallets(),
                d.kg(), d.tripId());
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
