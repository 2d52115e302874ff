package nl.meedenken.routing.internal;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import java.util.List;

/**
 * What the solver works on: the routes (one per truck) and the visits to spread over them.
 * Hard: capacities, strict windows, the end of the shift. Medium: deliveries left off and time
 * late. Soft: distance and trucks used.
 */
@PlanningSolution
public class RoutePlan {

    @PlanningEntityCollectionProperty
    private List<Route> routes;

    @PlanningEntityCollectionProperty
    @ValueRangeProvider
    private List<Visit> visits;

    @PlanningScore
    private HardMediumSoftLongScore score;

    public RoutePlan() {
    }

    public RoutePlan(List<Route> routes, List<Visit> visits) {
        this.routes = routes;
        this.visits = visits;
    }

    public List<Route> getRoutes() {
        return routes;
    }

    public List<Visit> getVisits() {
        return visits;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
