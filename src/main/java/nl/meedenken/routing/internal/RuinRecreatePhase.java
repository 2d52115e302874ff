package nl.meedenken.routing.internal;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A solver phase that runs {@link RuinRecreateSearch} on a copy of the working plan until the solver
 * says stop, then puts the best plan it found in place through the score director, which scores it
 * again with the constraints. A plan that is not better than the one it started from is left alone.
 * <p>
 * Keeps no state between calls, so one instance may serve every solver built from a config.
 */
final class RuinRecreatePhase implements PhaseCommand<RoutePlan> {

    private static final Logger LOG = LoggerFactory.getLogger(RuinRecreatePhase.class);
    private static final String VISITS = "visits";

    private final long horizonNanos;

    /** @param horizon the time over which the search cools down; the solver's time limit */
    RuinRecreatePhase(Duration horizon) {
        this.horizonNanos = horizon.toNanos();
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<RoutePlan> scoreDirector, BooleanSupplier isPhaseTerminated) {
        RoutePlan plan = scoreDirector.getWorkingSolution();
        RuinRecreateSearch search = RuinRecreateSearch.of(plan, 0L);
        if (search == null) {
            return;
        }
        search.run(isPhaseTerminated, horizonNanos);
        LOG.debug("Ruin and recreate: {} iterations, best penalties {}.", search.iterations(),
                search.bestPenalties());
        if (search.improved()) {
            apply(scoreDirector, search.routes(), search.bestRoutes());
        }
    }

    /** Replaces the visits of every route that changed, telling the score director about each element. */
    static void apply(ScoreDirector<RoutePlan> scoreDirector, Route[] routes, List<List<Visit>> target) {
        List<Integer> changed = new ArrayList<>();
        for (int r = 0; r < routes.length; r++) {
            if (!routes[r].getVisits().equals(target.get(r))) {
                changed.add(r);
            }
        }
        for (int r : changed) {
            Route route = routes[r];
            List<Visit> old = new ArrayList<>(route.getVisits());
            for (Visit visit : old) {
                scoreDirector.beforeListVariableElementUnassigned(route, VISITS, visit);
            }
            scoreDirector.beforeListVariableChanged(route, VISITS, 0, old.size());
            route.getVisits().clear();
            scoreDirector.afterListVariableChanged(route, VISITS, 0, 0);
            for (Visit visit : old) {
                scoreDirector.afterListVariableElementUnassigned(route, VISITS, visit);
            }
        }
        for (int r : changed) {
            Route route = routes[r];
            List<Visit> fresh = target.get(r);
            for (Visit visit : fresh) {
                scoreDirector.beforeListVariableElementAssigned(route, VISITS, visit);
            }
            scoreDirector.beforeListVariableChanged(route, VISITS, 0, 0);
            route.getVisits().addAll(fresh);
            scoreDirector.afterListVariableChanged(route, VISITS, 0, fresh.size());
            for (Visit visit : fresh) {
                scoreDirector.afterListVariableElementAssigned(route, VISITS, visit);
            }
        }
        scoreDirector.triggerVariableListeners();
    }
}
