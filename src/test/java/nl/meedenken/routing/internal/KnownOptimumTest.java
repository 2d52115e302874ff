package nl.meedenken.routing.internal;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end on a day small enough to try every plan: seven deliveries, two trucks that cannot
 * carry them all alone, and windows that forbid the obvious tour. Every split and order is
 * scored by hand here; the solver must find the best one.
 */
class KnownOptimumTest {

    // x, y in kilometres; the depot first
    private static final int[][] PLACES = {{0, 0}, {10, 0}, {20, 5}, {10, 10}, {0, 20}, {-10, 10}, {-20, 0}, {-5, -15}};
    private static final int[] PALLETS = {0, 4, 3, 2, 4, 3, 3, 2};
    // due times in minutes after the start; 60 km/h, so a kilometre is a minute
    private static final int[] DUE = {0, 200, 30, 200, 200, 50, 200, 200};
    private static final int UNLOAD = 5;
    private static final int CAPACITY = 12;

    private static long km(int a, int b) {
        return Math.round(Math.hypot(PLACES[a][0] - PLACES[b][0], PLACES[a][1] - PLACES[b][1]) * 1000);
    }

    private static Matrix matrix() {
        int n = PLACES.length;
        long[][] metres = new long[n][n];
        long[][] seconds = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                metres[i][j] = km(i, j);
                seconds[i][j] = km(i, j) * 60 / 1000;
            }
        }
        return new Matrix(metres, seconds);
    }

    /** Hard, medium and soft of one tour, scored by hand: pallets over, seconds late, metres. */
    private static long[] score(List<Integer> tour) {
        long over = Math.max(0, tour.stream().mapToInt(i -> PALLETS[i]).sum() - CAPACITY);
        long clock = 0;
        long late = 0;
        long metres = 0;
        int at = 0;
        for (int stop : tour) {
            metres += km(at, stop);
            clock += km(at, stop) * 60 / 1000;
            late += Math.max(0, clock - DUE[stop] * 60L);
            clock += UNLOAD * 60L;
            at = stop;
        }
        if (!tour.isEmpty()) {
            metres += km(at, 0);
        }
        return new long[]{over, late, metres};
    }

    private static void permutations(List<Integer> left, List<Integer> done, List<List<Integer>> all) {
        if (left.isEmpty()) {
            all.add(new ArrayList<>(done));
            return;
        }
        for (int i = 0; i < left.size(); i++) {
            List<Integer> rest = new ArrayList<>(left);
            done.add(rest.remove(i));
            permutations(rest, done, all);
            done.remove(done.size() - 1);
        }
    }

    private static HardMediumSoftLongScore bestByHand() {
        List<List<Integer>> orders = new ArrayList<>();
        permutations(List.of(1, 2, 3, 4, 5, 6, 7), new ArrayList<>(), orders);
        HardMediumSoftLongScore best = null;
        for (List<Integer> order : orders) {
            for (int cut = 0; cut <= order.size(); cut++) {
                long[] a = score(order.subList(0, cut));
                long[] b = score(order.subList(cut, order.size()));
                HardMediumSoftLongScore s = HardMediumSoftLongScore.of(-(a[0] + b[0]), -(a[1] + b[1]), -(a[2] + b[2]));
                if (best == null || s.compareTo(best) > 0) {
                    best = s;
                }
            }
        }
        return best;
    }

    @Test
    void theSolverFindsTheBestPlanThatTryingEveryPlanFinds() {
        Matrix matrix = matrix();
        List<Route> routes = List.of(
                new Route(1, "A", 0, CAPACITY, 99_000, 0, 86_400, 4 * 3600, 45 * 60, 0, matrix),
                new Route(2, "B", 0, CAPACITY, 99_000, 0, 86_400, 4 * 3600, 45 * 60, 0, matrix));
        List<Visit> visits = new ArrayList<>();
        for (int i = 1; i < PLACES.length; i++) {
            visits.add(new Visit(i, "V" + i, i, PALLETS[i], 0, 0, DUE[i] * 60L, UNLOAD * 60L, false, 14_400, matrix));
        }

        RoutePlan solved = Solvers.factory(Duration.ofSeconds(3)).buildSolver().solve(new RoutePlan(routes, visits));

        HardMediumSoftLongScore optimum = bestByHand();
        assertThat(optimum.hardScore()).as("the instance has a plan within capacity").isZero();
        assertThat(optimum.mediumScore()).as("and one with nothing late").isZero();
        assertThat(solved.getScore()).isEqualTo(optimum);
        assertThat(solved.getVisits()).allSatisfy(v -> assertThat(v.getRoute()).isNotNull());
        // the two tight windows force two trucks on the road
        assertThat(solved.getRoutes()).allSatisfy(r -> assertThat(r.used()).isTrue());
    }
}
