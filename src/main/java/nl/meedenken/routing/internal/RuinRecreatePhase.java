package nl.meedenken.routing.internal;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

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

    /** How often a listener hears of a better plan while the phase works. */
    private static final long REPORT_EVERY_NANOS = 1_000_000_000L;
    /** Who wants to hear of better plans while the phase works on this thread; see {@link #reporting}. */
    private static final ThreadLocal<Consumer<RoutePlan>> LISTENER = new ThreadLocal<>();

    private final long horizonNanos;

    /**
     * Runs the work (a solve on this thread) while telling the listener, at most once a second,
     * of a better plan the phase found. The plan is a snapshot: routes copied with their visits,
     * scored by the search; the visits themselves are the solver's and must only be read.
     */
    static <T> T reporting(Consumer<RoutePlan> listener, Supplier<T> work) {
        LISTENER.set(listener);
        try {
            return work.get();
        } finally {
            LISTENER.remove();
        }
    }

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
        Consumer<RoutePlan> listener = LISTENER.get();
        if (listener == null) {
            search.run(isPhaseTerminated, horizonNanos);
        } else {
            long[] reported = search.bestPenalties();
            long[] lastReport = {System.nanoTime()};
            // asked between iterations, when the search's plan is whole
            search.run(() -> {
                long now = System.nanoTime();
                if (now - lastReport[0] >= REPORT_EVERY_NANOS) {
                    lastReport[0] = now;
                    long[] best = search.bestPenalties();
                    if (!java.util.Arrays.equals(best, reported)) {
                        System.arraycopy(best, 0, reported, 0, best.length);
                        listener.accept(snapshot(search, best));
                    }
                }
                return isPhaseTerminated.getAsBoolean();
            }, horizonNanos);
        }
        LOG.debug("Ruin and recreate: {} iterations, best penalties {}.", search.iterations(),
                search.bestPenalties());
        if (search.improved()) {
            apply(scoreDirector, search.routes(), search.bestRoutes());
        }
    }

    private static RoutePlan snapshot(RuinRecreateSearch search, long[] penalties) {
        Route[] routes = search.routes();
        List<List<Visit>> best = search.bestRoutes();
        List<Route> copies = new ArrayList<>();
        List<Visit> visits = new ArrayList<>();
        for (int r = 0; r < routes.length; r++) {
            copies.add(routes[r].withVisits(best.get(r)));
        }
        RoutePlan plan = new RoutePlan(copies, visits);
        plan.setScore(HardMediumSoftLongScore.of(-penalties[0], -penalties[1], -penalties[2]));
        return plan;
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
