package nl.meedenken.routing;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import nl.meedenken.routing.internal.Models;
import nl.meedenken.routing.internal.Route;
import nl.meedenken.routing.internal.RoutePlan;
import nl.meedenken.routing.internal.Solvers;
import nl.meedenken.routing.internal.StraightLineDistances;
import nl.meedenken.routing.internal.Timelines;
import nl.meedenken.routing.internal.Visit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes for one trip: what an order of stops means for the day, and the order the optimiser
 * suggests. The same distances, break rule and constraints as the planner's day.
 */
@Service
public class RouteOptimiser {

    private static final long DAY = Duration.ofDays(1).toSeconds();

    private final RoutingSettings settings;
    private final DistanceProvider distances;
    private final SolverFactory<RoutePlan> suggestions;

    RouteOptimiser(RoutingSettings settings, ObjectProvider<DistanceProvider> custom) {
        this.settings = settings;
        this.distances = custom.getIfAvailable(
                () -> new StraightLineDistances(settings.roadFactor(), settings.averageSpeed()));
        // stop early once a small trip cannot be improved any more
        this.suggestions = SolverFactory.create(Solvers.config(settings.suggestionLimit())
                .withTerminationConfig(new TerminationConfig().withSpentLimit(settings.suggestionLimit())
                        .withUnimprovedSpentLimit(Duration.ofMillis(250))));
    }

    public RoutingSettings settings() {
        return settings;
    }

    public DistanceProvider distances() {
        return distances;
    }

    /** The day for these stops in this order, leaving the depot at the given time and coming back. */
    public Timeline timeline(Place depot, LocalTime departure, List<Stop> stops) {
        return timeline(depot, depot, departure, stops);
    }

    /** As {@link #timeline(Place, LocalTime, List)}, setting out from somewhere else than the depot. */
    public Timeline timeline(Place from, Place depot, LocalTime departure, List<Stop> stops) {
        RoutePlan plan = plan(from, depot, departure, stops);
        Route route = plan.getRoutes().get(0);
        route.getVisits().addAll(plan.getVisits());
        return Timelines.of(route);
    }

    /**
     * The order of these stops the optimiser suggests: as few minutes late as it can find, then
     * as few kilometres. Works at most {@link RoutingSettings#suggestionLimit()}.
     */
    public List<Long> suggestOrder(Place from, Place depot, LocalTime departure, List<Stop> stops) {
        if (stops.size() < 2) {
            return stops.stream().map(Stop::id).toList();
        }
        RoutePlan solved = suggestions.buildSolver().solve(plan(from, depot, departure, stops));
        List<Long> order = new ArrayList<>(solved.getRoutes().get(0).getVisits().stream().map(Visit::getId).toList());
        // a stop the solver left off (it never should: one truck, no capacity) goes last rather than missing
        stops.stream().map(Stop::id).filter(id -> !order.contains(id)).forEach(order::add);
        return order;
    }

    private RoutePlan plan(Place from, Place depot, LocalTime departure, List<Stop> stops) {
        long start = departure.toSecondOfDay();
        Models.TruckSpec truck = new Models.TruckSpec(0, "trip", from, depot, Integer.MAX_VALUE, Integer.MAX_VALUE,
                start, start + 2 * DAY, 0);
        List<Models.VisitSpec> visits = stops.stream().map(s -> new Models.VisitSpec(s.id(), String.valueOf(s.id()),
                s.place(), s.opens() == null ? 0 : s.opens().toSecondOfDay(),
                s.closes() == null ? 2 * DAY : s.closes().toSecondOfDay(),
                s.service() == null ? 0 : s.service().toSeconds(), 0, 0,
                // every stop of the trip stays on it, however late
                1_000_000_000L)).toList();
        return Models.build(List.of(truck), visits, distances, settings);
    }
}
