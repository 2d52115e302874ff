package nl.meedenken.routing.internal;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListRuinRecreateMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListSwapMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.SubListChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.SubListSwapMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.kopt.KOptListMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchType;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.PreviewFeature;
import ai.timefold.solver.core.config.solver.SolverConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

class SolomonQuickTest {
    @Test
    void quick() throws Exception {
        String variant = System.getProperty("variant", "default");
        long limit = Long.getLong("limit", 10);
        java.util.Map<String, Double> known = new java.util.HashMap<>();
        for (String line : java.nio.file.Files.readAllLines(Path.of("/work/shared/data/vrptw/solomon-bks.csv")).subList(1, 57)) {
            String[] cells = line.split(",");
            known.put(cells[0], Double.parseDouble(cells[5]));
        }
        for (String name : System.getProperty("instances", "C101,R101").split(",")) {
            var instance = SolomonInstance.read(Path.of("/work/shared/data/vrptw/solomon/" + name + ".txt"));
            if (variant.equals("jsprit")) {
                var outcome = JspritSolomon.solve(instance, Duration.ofSeconds(limit));
                System.out.printf("QUICK jsprit %s vehicles=%d km=%.1f gap=%.2f%% feasible=%s%n", name, outcome.vehicles(),
                        outcome.distanceTenths() / 10.0, 100 * (outcome.distanceTenths() / 10.0 / known.get(name) - 1),
                        outcome.feasible());
                continue;
            }
            if (variant.equals("final")) {
                var outcome = TimefoldSolomon.solve(instance, Duration.ofSeconds(limit));
                System.out.printf("QUICK final %s vehicles=%d km=%.1f gap=%.2f%% feasible=%s%n", name, outcome.vehicles(),
                        outcome.distanceTenths() / 10.0, 100 * (outcome.distanceTenths() / 10.0 / known.get(name) - 1),
                        outcome.feasible());
                continue;
            }
            SolverConfig config = Solvers.config(Duration.ofSeconds(limit));
            tune(config, variant);
            var solver = SolverFactory.<RoutePlan>create(config).buildSolver();
            RoutePlan best = solver.solve(TimefoldSolomon.plan(instance));
            long distance = best.getRoutes().stream().mapToLong(Route::distance).sum();
            System.out.printf("QUICK %s %s %s km=%.1f gap=%.2f%% vehicles=%d%n", variant, name, best.getScore(),
                    distance / 10.0, 100 * (distance / 10.0 / known.get(name) - 1),
                    best.getRoutes().stream().filter(Route::used).count());
        }
    }

    static void tune(SolverConfig config, String variant) {
        if (variant.equals("default")) {
            return;
        }
        var moves = new UnionMoveSelectorConfig().withMoveSelectors(
                new ListChangeMoveSelectorConfig(), new ListSwapMoveSelectorConfig(),
                new SubListChangeMoveSelectorConfig().withSelectReversingMoveToo(true),
                new SubListSwapMoveSelectorConfig().withSelectReversingMoveToo(true),
                new KOptListMoveSelectorConfig().withMinimumK(2).withMaximumK(3));
        if (variant.contains("rr")) {
            moves = new UnionMoveSelectorConfig().withMoveSelectors(
                    new ListChangeMoveSelectorConfig(), new ListSwapMoveSelectorConfig(),
                    new SubListChangeMoveSelectorConfig().withSelectReversingMoveToo(true),
                    new SubListSwapMoveSelectorConfig().withSelectReversingMoveToo(true),
                    new KOptListMoveSelectorConfig().withMinimumK(2).withMaximumK(3),
                    new ListRuinRecreateMoveSelectorConfig());
        }
        var ls = variant.startsWith("def") ? new LocalSearchPhaseConfig() : new LocalSearchPhaseConfig().withMoveSelectorConfig(moves);
        variant = variant.replace("def", "");
        int size = Integer.parseInt(variant.replaceAll("\\D", "").isEmpty() ? "400" : variant.replaceAll("\\D", ""));
        if (variant.startsWith("dla")) {
            config.withPreviewFeature(PreviewFeature.DIVERSIFIED_LATE_ACCEPTANCE);
            ls.withLocalSearchType(LocalSearchType.DIVERSIFIED_LATE_ACCEPTANCE);
        } else if (variant.startsWith("la")) {
            ls.withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(size))
                    .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
        } else if (variant.startsWith("tabu")) {
            ls.withAcceptorConfig(new LocalSearchAcceptorConfig().withValueTabuSize(size))
                    .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1000));
        }
        config.withPhases(new ConstructionHeuristicPhaseConfig(), ls);
    }
}
