package nl.meedenken.routing.internal;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ruin-and-recreate search must score a plan exactly as the constraints do, on days with
 * everything the model knows: breaks, soft and strict windows, several depots, trips under way,
 * capacities, truck costs and deliveries left off.
 */
class RuinRecreateSearchTest {

    private static final SolutionManager<RoutePlan, HardMediumSoftLongScore> SCORES =
            SolutionManager.create(SolverFactory.create(Solvers.config(Duration.ofSeconds(1))));

    @Test
    void scoresLikeTheConstraints() {
        for (int seed = 0; seed < 40; seed++) {
            RoutePlan plan = day(new Random(seed), 30, 4);
            RuinRecreateSearch search = RuinRecreateSearch.of(plan, seed);
            assertEquals(score(search.penalties()), SCORES.update(plan), "day " + seed);
        }
    }

    @Test
    void bestPlanScoresAsClaimed() {
        for (int seed = 0; seed < 10; seed++) {
            RoutePlan plan = day(new Random(seed), 30, 4);
            RuinRecreateSearch search = RuinRecreateSearch.of(plan, seed);
            for (int i = 0; i < 2000; i++) {
                search.step(i % 2 == 0 ? 0 : 5000);
            }
            List<List<Visit>> best = search.bestRoutes();
            Set<Visit> placed = new HashSet<>();
            for (int r = 0; r < best.size(); r++) {
                plan.getRoutes().get(r).setVisits(new ArrayList<>(best.get(r)));
                placed.addAll(best.get(r));
            }
            assertEquals(best.stream().mapToInt(List::size).sum(), placed.size(), "a visit placed twice");
            assertEquals(score(search.bestPenalties()), SCORES.update(plan), "day " + seed);
        }
    }

    @Test
    void whileSolvingTheDayPlannerHearsOfBetterPlansAsSnapshots() {
        RoutePlan plan = day(new Random(11), 60, 5);
        java.util.List<RoutePlan> heard = new java.util.ArrayList<>();
        RoutePlan solved = RuinRecreatePhase.reporting(heard::add,
                () -> Solvers.factory(java.time.Duration.ofSeconds(4)).buildSolver().solve(plan));
        assertTrue(!heard.isEmpty(), "at least one better plan reported along the way");
        for (RoutePlan snapshot : heard) {
            // a snapshot has every route, with visits the solver knows, and a score no better than the end
            assertEquals(plan.getRoutes().size(), snapshot.getRoutes().size());
            java.util.List<Long> ids = snapshot.getRoutes().stream().flatMap(r -> r.getVisits().stream())
                    .map(Visit::getId).toList();
            assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), "no visit twice");
            assertTrue(plan.getVisits().stream().map(Visit::getId).toList().containsAll(ids));
            assertTrue(snapshot.getScore().compareTo(solved.getScore()) <= 0);
        }
    }

    @Test
    void solverKeepsItsShadowsAndScoreRight() {
        RoutePlan plan = day(new Random(7), 20, 3);
        plan.getRoutes().forEach(route -> route.getVisits().clear());
        var config = Solvers.config(Duration.ofSeconds(3)).withEnvironmentMode(EnvironmentMode.FULL_ASSERT);
        RoutePlan solved = SolverFactory.<RoutePlan>create(config).buildSolver().solve(plan);
        HardMediumSoftLongScore claimed = solved.getScore();
        assertEquals(claimed, SCORES.update(solved));
        assertTrue(claimed.hardScore() == 0, "a feasible day exists: " + claimed);
    }

    @Test
    void singleTripWithinItsLimit() {
        RoutePlan plan = trip(new Random(3), 18);
        var config = Solvers.config(Duration.ofSeconds(1)).withTerminationConfig(
                new ai.timefold.solver.core.config.solver.termination.TerminationConfig()
                        .withSpentLimit(Duration.ofSeconds(1)).withUnimprovedSpentLimit(Duration.ofMillis(250)));
        long began = System.nanoTime();
        RoutePlan solved = SolverFactory.<RoutePlan>create(config).buildSolver().solve(plan);
        long millis = (System.nanoTime() - began) / 1_000_000;
        assertTrue(millis < 1500, "took " + millis + " ms");
        assertEquals(solved.getScore(), SCORES.update(solved));
        assertEquals(0, solved.getScore().hardScore());
    }

    /** A driver's trip as the route optimiser builds it: one truck, soft windows, a long shift. */
    static RoutePlan trip(Random random, int stops) {
        RoutePlan day = day(random, stops, 1);
        Route template = day.getRoutes().get(0);
        Matrix matrix = template.getMatrix();
        Route route = new Route(0, "trip", template.getOrigin(), template.getDepot(), Integer.MAX_VALUE,
                Integer.MAX_VALUE, 7 * 3600, 7 * 3600 + 2 * 86_400, 16_200, 2700, 0, matrix);
        List<Visit> visits = day.getVisits().stream().map(v -> new Visit(v.getId(), v.getLabel(), v.getLocation(), 0, 0,
                v.getReady(), v.getDue(), v.getService(), false, 3600, matrix)).toList();
        return new RoutePlan(List.of(route), visits);
    }

    /** A random day: routes from different depots, some under way, with breaks and mixed windows. */
    static RoutePlan day(Random random, int visitCount, int routeCount) {
        int places = 2 * routeCount + visitCount;
        double[] x = new double[places];
        double[] y = new double[places];
        for (int i = 0; i < places; i++) {
            x[i] = random.nextDouble() * 60_000;
            y[i] = random.nextDouble() * 60_000;
        }
        long[][] metres = new long[places][places];
        long[][] seconds = new long[places][places];
        for (int i = 0; i < places; i++) {
            for (int j = 0; j < places; j++) {
                metres[i][j] = Math.round(Math.hypot(x[i] - x[j], y[i] - y[j]) * 1.3);
                seconds[i][j] = metres[i][j] * 3 / 40;
            }
        }
        Matrix matrix = new Matrix(metres, seconds);
        List<Route> routes = new ArrayList<>();
        for (int r = 0; r < routeCount; r++) {
            int origin = r == 1 ? 2 * r : 2 * r + 1; // route 1 is a trip under way
            routes.add(new Route(r, "T" + r, origin, 2 * r + 1, 12 + random.nextInt(8), 9000 + random.nextInt(4000),
                    6 * 3600 + random.nextInt(3600), 15 * 3600 + random.nextInt(3 * 3600), 3600 + random.nextInt(3600),
                    900, random.nextInt(3) * 5000L, matrix));
        }
        List<Visit> visits = new ArrayList<>();
        for (int v = 0; v < visitCount; v++) {
            long ready = 7 * 3600 + random.nextInt(6 * 3600);
            long due = ready + 1800 + random.nextInt(4 * 3600);
            visits.add(new Visit(100 + v, "D" + v, 2 * routeCount + v, 1 + random.nextInt(3), 200 + random.nextInt(900),
                    ready, due, 300 + random.nextInt(900), random.nextInt(4) == 0, 20_000 + random.nextInt(20_000),
                    matrix));
        }
        // a random start, overloaded, late and with visits left off
        for (Visit visit : visits) {
            int r = random.nextInt(routeCount + 1);
            if (r < routeCount) {
                routes.get(r).getVisits().add(visit);
            }
        }
        return new RoutePlan(routes, visits);
    }

    private static HardMediumSoftLongScore score(long[] penalties) {
        return HardMediumSoftLongScore.of(-penalties[0], -penalties[1], -penalties[2]);
    }
}
