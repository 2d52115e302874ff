package nl.meedenken.routing.internal;

import nl.meedenken.routing.Timeline;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** Reads a route of the model (times in seconds since midnight, metres) as a timeline. */
public final class Timelines {

    private static final long DAY = Duration.ofDays(1).toSeconds();

    private Timelines() {
    }

    /** Works the timing out from the route's visits in order, without relying on shadow values. */
    public static Timeline of(Route route) {
        List<Timeline.Leg> legs = new ArrayList<>();
        Timing timing = Timing.leaving(route.getShiftStart());
        int at = route.getOrigin();
        long metres = 0;
        for (Visit visit : route.getVisits()) {
            int breaksBefore = timing.breaks();
            long leg = route.getMatrix().distance(at, visit.getLocation());
            timing = timing.next(route.getMatrix().time(at, visit.getLocation()), visit.getReady(), visit.getService(),
                    route.getBreakAfter(), route.getBreakLength());
            metres += leg;
            long late = Math.max(0, timing.start() - visit.getDue());
            legs.add(new Timeline.Leg(visit.getId(), leg, time(timing.arrival()), time(timing.start()),
                    time(timing.departure()), (late + 59) / 60, timing.breaks() > breaksBefore));
            at = visit.getLocation();
        }
        Timing back = timing.next(route.getMatrix().time(at, route.getDepot()), 0, 0, route.getBreakAfter(),
                route.getBreakLength());
        metres += route.getMatrix().distance(at, route.getDepot());
        return new Timeline(legs, metres, time(back.arrival()), back.breaks());
    }

    public static LocalTime time(long seconds) {
        return LocalTime.ofSecondOfDay(Math.floorMod(seconds, DAY));
    }
}
