package nl.meedenken.routing.internal;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintJustification;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

/**
 * The rules of a good day, one method each. Each match carries a justification that the explain
 * page turns into a sentence.
 */
public class RoutingConstraints implements ConstraintProvider {

    public static final String PALLETS = "Too many pallets";
    public static final String WEIGHT = "Too heavy";
    public static final String STRICT_WINDOW = "Strict window missed";
    public static final String SHIFT_END = "Back after the shift";
    public static final String LATE = "Late delivery";
    public static final String LEFT_OFF = "Delivery left off";
    public static final String DISTANCE = "Distance driven";
    public static final String TRUCK_USED = "Truck used";

    /** A truck loaded beyond what it carries. */
    public record Overload(String route, int load, int capacity) implements ConstraintJustification {
    }

    /** A stop served after its window closed. */
    public record Late(long visit, String route, long start, long due) implements ConstraintJustification {
    }

    /** A truck back at its depot after the shift ends. */
    public record Overtime(String route, long back, long shiftEnd) implements ConstraintJustification {
    }

    /** A delivery on no trip. */
    public record LeftOff(long visit) implements ConstraintJustification {
    }

    /** What a route drives, or costs by being used. */
    public record RouteCost(String route, long amount) implements ConstraintJustification {
    }

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[]{
                palletCapacity(factory),
                weightCapacity(factory),
                strictWindow(factory),
                backBeforeShiftEnds(factory),
                lateDelivery(factory),
                deliveryLeftOff(factory),
                distanceDriven(factory),
                truckUsed(factory)
        };
    }

    Constraint palletCapacity(ConstraintFactory factory) {
        return factory.forEach(Route.class)
                .filter(route -> route.pallets() > route.getCapacityPallets())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, route -> route.pallets() - route.getCapacityPallets())
                .justifyWith((route, score) -> new Overload(route.getLabel(), route.pallets(), route.getCapacityPallets()))
                .asConstraint(PALLETS);
    }

    Constraint weightCapacity(ConstraintFactory factory) {
        return factory.forEach(Route.class)
                .filter(route -> route.kilograms() > route.getCapacityKg())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, route -> route.kilograms() - route.getCapacityKg())
                .justifyWith((route, score) -> new Overload(route.getLabel(), route.kilograms(), route.getCapacityKg()))
                .asConstraint(WEIGHT);
    }

    Constraint strictWindow(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.isStrict() && visit.lateness() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, Visit::lateness)
                .justifyWith((visit, score) -> late(visit))
                .asConstraint(STRICT_WINDOW);
    }

    Constraint backBeforeShiftEnds(ConstraintFactory factory) {
        return factory.forEach(Route.class)
                .filter(route -> route.used() && route.overtime() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, Route::overtime)
                .justifyWith((route, score) -> new Overtime(route.getLabel(), route.returnTime(), route.getShiftEnd()))
                .asConstraint(SHIFT_END);
    }

    Constraint lateDelivery(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> !visit.isStrict() && visit.lateness() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, Visit::lateness)
                .justifyWith((visit, score) -> late(visit))
                .asConstraint(LATE);
    }

    Constraint deliveryLeftOff(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Visit.class)
                .filter(visit -> visit.getRoute() == null)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, Visit::getUnassignedCost)
                .justifyWith((visit, score) -> new LeftOff(visit.getId()))
                .asConstraint(LEFT_OFF);
    }

    Constraint distanceDriven(ConstraintFactory factory) {
        return factory.forEach(Route.class)
                .filter(Route::used)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, Route::distance)
                .justifyWith((route, score) -> new RouteCost(route.getLabel(), route.distance()))
                .asConstraint(DISTANCE);
    }

    Constraint truckUsed(ConstraintFactory factory) {
        return factory.forEach(Route.class)
                .filter(route -> route.used() && route.getFixedCost() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, Route::getFixedCost)
                .justifyWith((route, score) -> new RouteCost(route.getLabel(), route.getFixedCost()))
                .asConstraint(TRUCK_USED);
    }

    private static Late late(Visit visit) {
        return new Late(visit.getId(), visit.getRoute().getLabel(), visit.getTiming().start(), visit.getDue());
    }
}
