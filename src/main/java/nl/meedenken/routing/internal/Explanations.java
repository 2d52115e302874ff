package nl.meedenken.routing.internal;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.RecommendedAssignment;
import ai.timefold.solver.core.api.solver.SolutionManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the solver's score analysis into reasons a planner can read: why a delivery is late, why
 * one was left off (by asking the solver where it would fit best and what that would break),
 * and any truck that is overloaded or back after the shift.
 */
final class Explanations {

    private Explanations() {
    }

    static List<Proposal.Reason> of(RoutePlan plan, SolutionManager<RoutePlan, HardMediumSoftLongScore> manager,
                                    Function<Long, String> reference) {
        List<Proposal.Reason> reasons = new ArrayList<>();
        ScoreAnalysis<HardMediumSoftLongScore> analysis = manager.analyze(plan);
        for (ConstraintAnalysis<HardMediumSoftLongScore> constraint : analysis.constraintAnalyses()) {
            if (constraint.matches() == null) {
                continue;
            }
            for (MatchAnalysis<HardMediumSoftLongScore> match : constraint.matches()) {
                if (match.justification() instanceof RoutingConstraints.Late late) {
                    reasons.add(late(plan, late, reference));
                } else if (match.justification() instanceof RoutingConstraints.Overload overload) {
                    reasons.add(new Proposal.Reason("OVERLOAD", null,
                            RoutingConstraints.PALLETS.equals(constraint.constraintName())
                                    ? "routing.reason.overloadPallets" : "routing.reason.overloadKg",
                            List.of(overload.route(), String.valueOf(overload.load()), String.valueOf(overload.capacity()))));
                } else if (match.justification() instanceof RoutingConstraints.Overtime overtime) {
                    reasons.add(new Proposal.Reason("OVERTIME", null, "routing.reason.overtime",
                            List.of(overtime.route(), clock(overtime.back()), clock(overtime.shiftEnd()))));
                }
            }
        }
        for (Visit visit : plan.getVisits()) {
            if (visit.getRoute() == null) {
                reasons.add(leftOff(plan, visit, manager, reference));
            }
        }
        return reasons;
    }

    private static Proposal.Reason late(RoutePlan plan, RoutingConstraints.Late late, Function<Long, String> reference) {
        Visit visit = plan.getVisits().stream().filter(v -> v.getId() == late.visit()).findFirst().orElseThrow();
        Route route = visit.getRoute();
        long minutes = (late.start() - late.due() + 59) / 60;
        // could any truck have been there in time, driving straight from its depot at the start of its shift?
        long earliest = Long.MAX_VALUE;
        for (Route r : plan.getRoutes()) {
            Timing direct = Timing.leaving(r.getShiftStart()).next(r.getMatrix().time(r.getOrigin(), visit.getLocation()),
                    visit.getReady(), visit.getService(), r.getBreakAfter(), r.getBreakLength());
            earliest = Math.min(earliest, direct.start());
        }
        List<String> args = List.of(reference.apply(visit.getId()), route.getLabel(), clock(late.start()),
                clock(late.due()), String.valueOf(minutes), clock(earliest));
        if (earliest > late.due()) {
            return new Proposal.Reason("LATE", visit.getId(), "routing.reason.lateUnreachable", args);
        }
        if (visit.getTiming().breaks() > (visit.getPrevious() == null ? 0 : visit.getPrevious().getTiming().breaks())) {
            return new Proposal.Reason("LATE", visit.getId(), "routing.reason.lateAfterBreak", args);
        }
        return new Proposal.Reason("LATE", visit.getId(), "routing.reason.lateBusy", args);
    }

    private static Proposal.Reason leftOff(RoutePlan plan, Visit visit,
                                           SolutionManager<RoutePlan, HardMediumSoftLongScore> manager,
                                           Function<Long, String> reference) {
        String ref = reference.apply(visit.getId());
        if (plan.getRoutes().isEmpty()) {
            return new Proposal.Reason("LEFT_OFF", visit.getId(), "routing.reason.noTruck", List.of(ref));
        }
        // the options include leaving it where it is, off every trip: only places on a trip count
        List<RecommendedAssignment<String, HardMediumSoftLongScore>> options =
                manager.recommendAssignment(plan, visit, v -> v.getRoute() == null ? "" : v.getRoute().getLabel())
                        .stream().filter(option -> !option.proposition().isEmpty()).toList();
        if (options.isEmpty()) {
            return new Proposal.Reason("LEFT_OFF", visit.getId(), "routing.reason.noTruck", List.of(ref));
        }
        RecommendedAssignment<String, HardMediumSoftLongScore> best = options.get(0);
        if (best.scoreAnalysisDiff().score().compareTo(HardMediumSoftLongScore.ZERO) > 0) {
            // placing it would have been better: the optimiser was stopped before it got there
            return new Proposal.Reason("LEFT_OFF", visit.getId(), "routing.reason.notReached",
                    List.of(ref, best.proposition()));
        }
        Map<String, Long> worse = new java.util.HashMap<>();
        for (ConstraintAnalysis<HardMediumSoftLongScore> c : best.scoreAnalysisDiff().constraintAnalyses()) {
            HardMediumSoftLongScore s = c.score();
            long amount = s.hardScore() != 0 ? s.hardScore() : s.mediumScore() != 0 ? s.mediumScore() : s.softScore();
            if (amount < 0) {
                worse.put(c.constraintName(), -amount);
            }
        }
        String truck = best.proposition();
        if (worse.containsKey(RoutingConstraints.PALLETS)) {
            return new Proposal.Reason("LEFT_OFF", visit.getId(), "routing.reason.leftOffPallets",
                    List.of(ref, truck, String.valueOf(worse.get(RoutingConstraints.PALLETS))));
        }
        if (worse.containsKey(RoutingConstraints.WEIGHT)) {
            return new Proposal.Reason("LEFT_OFF", visit.getId(), "routing.reason.leftOffKg",
                    List.of(ref, truck, String.valueOf(worse.get(RoutingConstraints.WEIGHT))));
        }
        if (worse.containsKey(RoutingConstraints.SHIFT_END)) {
            return new Proposal.Reason("LEFT_OFF", visit.getId(), "routing.reason.leftOffShift",
                    List.of(ref, truck, String.valueOf((worse.get(RoutingConstraints.SHIFT_END) + 59) / 60)));
        }
        if (worse.containsKey(RoutingConstraints.STRICT_WINDOW) || worse.containsKey(RoutingConstraints.LATE)) {
            long late = worse.getOrDefault(RoutingConstraints.LATE, 0L)
                    + worse.getOrDefault(RoutingConstraints.STRICT_WINDOW, 0L);
            return new Proposal.Reason("LEFT_OFF", visit.getId(), "routing.reason.leftOffLate",
                    List.of(ref, truck, String.valueOf((late + 59) / 60), String.valueOf(visit.getUnassignedCost() / 60)));
        }
        return new Proposal.Reason("LEFT_OFF", visit.getId(), "routing.reason.leftOffCost", List.of(ref, truck));
    }

    static String clock(long seconds) {
        long s = Math.floorMod(seconds, 86_400L);
        return String.format("%02d:%02d", s / 3600, s % 3600 / 60);
    }
}
