package nl.meedenken.routing.internal;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import java.time.Duration;

/** The one place where the solver is configured, for the app, the driver's suggestion and the benchmark. */
public final class Solvers {

    private Solvers() {
    }

    public static SolverConfig config(Duration limit) {
        return new SolverConfig()
                .withSolutionClass(RoutePlan.class)
                .withEntityClasses(Route.class, Visit.class)
                .withConstraintProviderClass(RoutingConstraints.class)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(limit))
                .withPhases(new ConstructionHeuristicPhaseConfig(),
                        // does nearly all the work; stops when the solver does
                        new CustomPhaseConfig().withCustomPhaseCommands(new RuinRecreatePhase(limit)),
                        // only gets time when the phase before cannot handle the plan
                        new LocalSearchPhaseConfig());
    }

    public static SolverFactory<RoutePlan> factory(Duration limit) {
        return SolverFactory.create(config(limit));
    }
}
