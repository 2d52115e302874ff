package nl.meedenken.routing;

import java.time.LocalTime;
import java.util.List;

/**
 * What an order of stops means for the day: per stop when the truck arrives, starts unloading
 * and leaves, how late that is, and whether the driver takes the legal break on the way there.
 *
 * @param legs        the stops in the order driven
 * @param metres      the whole trip, back to the depot included
 * @param finish      when the truck is back at the depot
 * @param breaks      breaks taken on the trip, the way back included
 */
public record Timeline(List<Leg> legs, long metres, LocalTime finish, int breaks) {

    /** One stop as planned. */
    public record Leg(long id, long metres, LocalTime arrival, LocalTime start, LocalTime departure,
                      long minutesLate, boolean breakOnTheWay) {
    }

    public int lateStops() {
        return (int) legs.stream().filter(l -> l.minutesLate() > 0).count();
    }

    public long minutesLate() {
        return legs.stream().mapToLong(Leg::minutesLate).sum();
    }
}
