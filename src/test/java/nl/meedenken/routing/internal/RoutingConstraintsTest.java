package nl.meedenken.routing.internal;

import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/**
 * One test per constraint, on a line of places one kilometre (and one minute) apart: the depot
 * at 0, customers at 1, 2, 3.
 */
class RoutingConstraintsTest {

    private static final ConstraintVerifier<RoutingConstraints, RoutePlan> VERIFIER =
            ConstraintVerifier.build(new RoutingConstraints(), RoutePlan.class, Route.class, Visit.class);

    private static final Matrix LINE = line(4);

    private static Matrix line(int places) {
        long[][] metres = new long[places][places];
        long[][] seconds = new long[places][places];
        for (int i = 0; i < places; i++) {
            for (int j = 0; j < places; j++) {
                metres[i][j] = Math.abs(i - j) * 1000L;
                seconds[i][j] = Math.abs(i - j) * 60L;
            }
        }
        return new Matrix(metres, seconds);
    }

    private static Route route(int pallets, int kg, long shiftEnd, long fixedCost) {
        return new Route(1, "82-BLT-4", 0, pallets, kg, 0, shiftEnd, 4 * 3600, 45 * 60, fixedCost, LINE);
    }

    private static Visit visit(long id, int at, int pallets, int kg, long due, boolean strict) {
        return new Visit(id, "DA-" + id, at, pallets, kg, 0, due, 600, strict, 14_400, LINE);
    }

    /** Puts the visits on the route in this order and works out their timing, as the solver would. */
    private static Object[] on(Route route, Visit... visits) {
        route.setVisits(new ArrayList<>(List.of(visits)));
        List<Object> all = new ArrayList<>(List.of(visits));
        all.add(0, route);
        Object[] entities = all.toArray();
        SolutionManager.updateShadowVariables(RoutePlan.class, entities);
        return entities;
    }

    @Test
    void aTruckCarryingMorePalletsThanItHoldsIsPenalisedPerPalletOver() {
        Route truck = route(10, 99_000, 86_400, 0);
        VERIFIER.verifyThat(RoutingConstraints::palletCapacity)
                .given(on(truck, visit(1, 1, 6, 100, 86_400, false), visit(2, 2, 7, 100, 86_400, false)))
                .penalizesBy(3);
        VERIFIER.verifyThat(RoutingConstraints::palletCapacity)
                .given(on(route(13, 99_000, 86_400, 0), visit(1, 1, 6, 100, 86_400, false), visit(2, 2, 7, 100, 86_400, false)))
                .penalizesBy(0);
    }

    @Test
    void aTruckHeavierThanItCarriesIsPenalisedPerKiloOver() {
        VERIFIER.verifyThat(RoutingConstraints::weightCapacity)
                .given(on(route(99, 1_000, 86_400, 0), visit(1, 1, 1, 700, 86_400, false), visit(2, 2, 1, 450, 86_400, false)))
                .penalizesBy(150);
    }

    @Test
    void aStrictWindowMissedIsHardPerSecondAndASoftOneIsNot() {
        // leaves at 0, drives 3 minutes to place 3: service starts at 180 s, 80 s after a due time of 100 s
        VERIFIER.verifyThat(RoutingConstraints::strictWindow)
                .given(on(route(99, 99_000, 86_400, 0), visit(1, 3, 1, 1, 100, true)))
                .penalizesBy(80);
        VERIFIER.verifyThat(RoutingConstraints::strictWindow)
                .given(on(route(99, 99_000, 86_400, 0), visit(1, 3, 1, 1, 100, false)))
                .penalizesBy(0);
    }

    @Test
    void aLateDeliveryCostsItsSecondsLateOnTheMediumLevel() {
        // place 1 at 60 s, unloading 600 s, then place 3 at 60 + 600 + 120 = 780 s; due at 700: 80 s late
        VERIFIER.verifyThat(RoutingConstraints::lateDelivery)
                .given(on(route(99, 99_000, 86_400, 0), visit(1, 1, 1, 1, 86_400, false), visit(2, 3, 1, 1, 700, false)))
                .penalizesBy(80);
    }

    @Test
    void aTruckBackAfterTheShiftIsPenalisedPerSecondOver() {
        // out to place 2 (120 s), unload 600 s, back 120 s: home at 840 s, 40 s after a shift end of 800
        VERIFIER.verifyThat(RoutingConstraints::backBeforeShiftEnds)
                .given(on(route(99, 99_000, 800, 0), visit(1, 2, 1, 1, 86_400, false)))
                .penalizesBy(40);
        VERIFIER.verifyThat(RoutingConstraints::backBeforeShiftEnds)
                .given(on(route(99, 99_000, 800, 0)))
                .penalizesBy(0);
    }

    @Test
    void aDeliveryOnNoTripCostsItsLeftOffPrice() {
        Visit alone = visit(1, 1, 1, 1, 86_400, false);
        VERIFIER.verifyThat(RoutingConstraints::deliveryLeftOff)
                .given(route(99, 99_000, 86_400, 0), alone)
                .penalizesBy(14_400);
    }

    @Test
    void theDistanceDrivenIsCountedInMetresThereAndBack() {
        VERIFIER.verifyThat(RoutingConstraints::distanceDriven)
                .given(on(route(99, 99_000, 86_400, 0), visit(1, 2, 1, 1, 86_400, false), visit(2, 3, 1, 1, 86_400, false)))
                .penalizesBy(6_000);
        VERIFIER.verifyThat(RoutingConstraints::distanceDriven)
                .given(on(route(99, 99_000, 86_400, 0)))
                .penalizesBy(0);
    }

    @Test
    void aTruckOnTheRoadCostsItsFixedPriceOnceAndAnIdleOneNothing() {
        VERIFIER.verifyThat(RoutingConstraints::truckUsed)
                .given(on(route(99, 99_000, 86_400, 30_000), visit(1, 2, 1, 1, 86_400, false), visit(2, 3, 1, 1, 86_400, false)))
                .penalizesBy(30_000);
        VERIFIER.verifyThat(RoutingConstraints::truckUsed)
                .given(on(route(99, 99_000, 86_400, 30_000)))
                .penalizesBy(0);
    }
}
