package nl.meedenken.transport.internal;

import nl.meedenken.routing.Timeline;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What an order of stops means for the day, as the trip pages show it: kilometres, when the
 * truck is back, and which stops would be reached after their window closes. The routing
 * module works it out, with its distances and the legal break.
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

    /** The routing module's timeline in the terms of the trip pages. */
    public static Result of(Timeline timeline) {
        List<Leg> legs = new ArrayList<>();
        for (Timeline.Leg leg : timeline.legs()) {
            legs.add(new Leg(leg.id(), leg.metres() / 1000.0, leg.arrival(), leg.start(), leg.departure(),
                    leg.minutesLate()));
        }
        return new Result(legs, timeline.metres() / 1000.0, timeline.finish(), timeline.lateStops(),
                timeline.minutesLate());
    }
}
