package nl.meedenken.routing.internal;

import ai.timefold.solver.core.api.solver.Solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Solves a Solomon instance with the same model, constraints and solver configuration the app
 * uses: every window strict, no breaks, no cost per truck, distances in truncated tenths.
 */
final class TimefoldSolomon {

    record Outcome(int vehicles, long distanceTenths, int unassigned, boolean feasible, Duration took) {
    }

    private TimefoldSolomon() {
    }

    static RoutePlan plan(SolomonInstance instance) {
        long[][] tenths = instance.matrix();
        Matrix matrix = new Matrix(tenths, tenths);
        SolomonInstance.Node depot = instance.nodes().get(0);
        List<Route> routes = new ArrayList<>();
        for (int v = 0; v < instance.vehicles(); v++) {
            routes.add(new Route(v, "V" + v, 0, instance.capacity(), Integer.MAX_VALUE, depot.ready() * 10L,
                    depot.due() * 10L, Long.MAX_VALUE, 0, 0, matrix));
        }
        List<Visit> visits = new ArrayList<>();
        for (int i = 1; i < instance.nodes().size(); i++) {
            SolomonInstance.Node node = instance.nodes().get(i);
            visits.add(new Visit(node.number(), "C" + node.number(), i, node.demand(), 0, node.ready() * 10L,
                    node.due() * 10L, node.service() * 10L, true, 1, matrix));
        }
        return new RoutePlan(routes, visits);
    }

    static Outcome solve(SolomonInstance instance, Duration limit) {
        Solver<RoutePlan> solver = Solvers.factory(limit).buildSolver();
        long began = System.nanoTime();
        RoutePlan best = solver.solve(plan(instance));
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        int used = (int) best.getRoutes().stream().filter(Route::used).count();
        long distance = best.getRoutes().stream().mapToLong(Route::distance).sum();
        int unassigned = (int) best.getVisits().stream().filter(v -> v.getRoute() == null).count();
        boolean feasible = best.getScore().hardScore() == 0 && unassigned == 0;
        return new Outcome(used, distance, unassigned, feasible, took);
    }
}
