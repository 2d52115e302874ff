package nl.meedenken.driving.internal;

import nl.meedenken.transport.TripHistory;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Smart loading: per trip, the time spent at stops against the planned service time, and whether stops
 * visited in the order the truck was loaded for go quicker than stops visited out of turn.
 */
@Service
public class StopTimes {

    public record Trip(TripHistory.TripTimes trip, int stops, int measured, double plannedMinutes, double actualMinutes,
                       int outOfTurn) {
        public double difference() {
            return actualMinutes - plannedMinutes;
        }
    }

    /** Minutes at a stop, on average, for stops in loading order and out of turn. */
    public record Summary(int trips, int drivers, int inOrderStops, Double inOrderMinutes, int outOfTurnStops,
                          Double outOfTurnMinutes, double plannedPerStop) {
    }

    public record Overview(List<Trip> trips, Summary summary) {
    }

    private final TripHistory history;

    StopTimes(TripHistory history) {
        this.history = history;
    }

    public Overview between(LocalDate from, LocalDate to, Long driverId) {
        List<Trip> trips = new ArrayList<>();
        double inOrderSum = 0;
        int inOrder = 0;
        double outSum = 0;
        int out = 0;
        int planned = 0;
        java.util.Set<Long> drivers = new java.util.HashSet<>();
        for (TripHistory.TripTimes t : history.between(from, to, driverId)) {
            planned = t.plannedServiceMinutes();
            List<TripHistory.StopTimes> arrived = new ArrayList<>(t.stops().stream().filter(s -> s.arrivedAt() != null).toList());
            arrived.sort(Comparator.comparing(TripHistory.StopTimes::arrivedAt));
            int measured = 0;
            double actual = 0;
            int outOfTurn = 0;
            for (int i = 0; i < arrived.size(); i++) {
                TripHistory.StopTimes s = arrived.get(i);
                boolean turn = turn(arrived, i, t.stops());
                Double minutes = s.minutesAtStop();
                if (!turn) {
                    outOfTurn++;
                }
                if (minutes == null) {
                    continue;
                }
                measured++;
                actual += minutes;
                if (turn) {
                    inOrder++;
                    inOrderSum += minutes;
                } else {
                    out++;
                    outSum += minutes;
                }
            }
            if (measured > 0) {
                drivers.add(t.driverId());
                trips.add(new Trip(t, t.stops().size(), measured, (double) measured * t.plannedServiceMinutes(), actual, outOfTurn));
            }
        }
        trips.sort(Comparator.comparing((Trip x) -> x.trip().day()).reversed());
        return new Overview(trips, new Summary(trips.size(), drivers.size(), inOrder, inOrder == 0 ? null : inOrderSum / inOrder,
                out, out == 0 ? null : outSum / out, planned));
    }

    /**
     * A stop is visited in turn when, at the moment the driver arrived, no stop earlier in the loading order was
     * still to be visited later.
     */
    private static boolean turn(List<TripHistory.StopTimes> byArrival, int index, List<TripHistory.StopTimes> all) {
        TripHistory.StopTimes stop = byArrival.get(index);
        Instant at = stop.arrivedAt();
        for (TripHistory.StopTimes other : all) {
            // a stop never reached (skipped, or the tap was missed) does not put the others out of turn
            boolean visitedLater = other.arrivedAt() != null && !other.arrivedAt().isBefore(at);
            if (other.position() < stop.position() && visitedLater) {
                return false;
            }
        }
        return true;
    }
}
