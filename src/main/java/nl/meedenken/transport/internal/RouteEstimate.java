package nl.meedenken.transport.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What an order of stops means for the day: kilometres, when the truck is back, and which
 * stops would be reached after their time window closes. Distances are straight lines
 * (great circle) times a road factor; driving is at an average speed; a truck that arrives
 * before a window opens waits.
 */
public final class RouteEstimate {

    /** A place to visit, with the window in which the customer receives. */
    public record Visit(long id, double latitude, double longitude, LocalTime opens, LocalTime closes) {
    }

    /** One stop as planned: arrival, start of unloading, leaving, and how late, if at all. */
    public record Leg(long id, double kilometres, LocalTime arrival, LocalTime start, LocalTime departure,
                      long minutesLate) {
        public boolean late() {
            return minutesLate > 0;
        }
    }

    public record Result(List<Leg> legs, double kilometres, LocalTime finish, int lateStops, long minutesLate) {
    }

    private RouteEstimate() {
    }

    /** Great-circle distance in km. */
    public static double straightLine(double lat1, double lon1, double lat2, double lon2) {
        double r = 6371.0;
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /**
     * The day for visits in this order, starting and ending at the depot.
     *
     * @param start time the truck leaves the depot
     */
    public static Result of(double depotLat, double depotLon, LocalTime start, List<Visit> visits,
                            TransportSettings settings) {
        List<Leg> legs = new ArrayList<>();
        double total = 0;
        double lat = depotLat;
        double lon = depotLon;
        // minutes since midnight, so a long day past midnight still adds up
        double clock = start.toSecondOfDay() / 60.0;
        int late = 0;
        long lateMinutes = 0;
        for (Visit visit : visits) {
            double km = straightLine(lat, lon, visit.latitude(), visit.longitude()) * settings.roadFactor();
            total += km;
            clock += km / settings.averageSpeed() * 60;
            double arrival = clock;
            double begin = visit.opens() == null ? clock : Math.max(clock, visit.opens().toSecondOfDay() / 60.0);
            long minutesLate = visit.closes() == null ? 0
                    : Math.max(0, Math.round(begin - visit.closes().toSecondOfDay() / 60.0));
            if (minutesLate > 0) {
                late++;
                lateMinutes += minutesLate;
            }
            clock = begin + settings.serviceMinutes();
            legs.add(new Leg(visit.id(), km, time(arrival), time(begin), time(clock), minutesLate));
            lat = visit.latitude();
            lon = visit.longitude();
        }
        double back = straightLine(lat, lon, depotLat, depotLon) * settings.roadFactor();
        total += back;
        clock += back / settings.averageSpeed() * 60;
        return new Result(legs, total, time(clock), late, lateMinutes);
    }

    private static LocalTime time(double minutes) {
        long seconds = Math.round(minutes * 60) % Duration.ofDays(1).toSeconds();
        return LocalTime.ofSecondOfDay(seconds);
    }

    /**
     * A sensible order to start from: nearest first, then improved by reversing stretches
     * (2-opt) while that makes fewer stops late or, equally late, fewer kilometres.
     */
    public static List<Visit> suggest(double depotLat, double depotLon, LocalTime start, List<Visit> visits,
                                      TransportSettings settings) {
        List<Visit> left = new ArrayList<>(visits);
        List<Visit> order = new ArrayList<>();
        double lat = depotLat;
        double lon = depotLon;
        while (!left.isEmpty()) {
            Visit nearest = left.get(0);
            double best = Double.MAX_VALUE;
            for (Visit v : left) {
                double d = straightLine(lat, lon, v.latitude(), v.longitude());
                if (d < best) {
                    best = d;
                    nearest = v;
                }
            }
            order.add(nearest);
            left.remove(nearest);
            lat = nearest.latitude();
            lon = nearest.longitude();
        }
        Result current = of(depotLat, depotLon, start, order, settings);
        boolean improved = true;
        int rounds = 0;
        while (improved && rounds++ < 50) {
            improved = false;
            for (int i = 0; i < order.size() - 1; i++) {
                for (int j = i + 1; j < order.size(); j++) {
                    List<Visit> candidate = new ArrayList<>(order);
                    java.util.Collections.reverse(candidate.subList(i, j + 1));
                    Result tried = of(depotLat, depotLon, start, candidate, settings);
                    if (better(tried, current)) {
                        order = candidate;
                        current = tried;
                        improved = true;
                    }
                }
            }
        }
        return order;
    }

    private static boolean better(Result a, Result b) {
        if (a.minutesLate() != b.minutesLate()) {
            return a.minutesLate() < b.minutesLate();
        }
        return a.kilometres() < b.kilometres() - 1e-6;
    }
}
