package nl.meedenken.routing;

import nl.meedenken.TestPeople;
import nl.meedenken.platform.AuditEntry;
import nl.meedenken.platform.AuditLog;
import nl.meedenken.platform.Refused;
import nl.meedenken.routing.internal.DayPlanner;
import nl.meedenken.routing.internal.ProposalDecisions;
import nl.meedenken.routing.internal.Proposal;
import nl.meedenken.transport.internal.Address;
import nl.meedenken.transport.internal.Customers;
import nl.meedenken.transport.internal.Fleet;
import nl.meedenken.transport.internal.Order;
import nl.meedenken.transport.internal.Orders;
import nl.meedenken.transport.internal.Stop;
import nl.meedenken.transport.internal.Trip;
import nl.meedenken.transport.internal.Trips;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A planner optimises a day in the background, reads the proposal and its reasons, and applies it
 * in one transaction, or learns that the day changed meanwhile. Each test plans its own day far
 * ahead, so the demo's days and other tests stay as they are.
 */
@SpringBootTest
class DayPlannerTest {

    private static final AtomicInteger DAYS_AHEAD = new AtomicInteger(400);
    private static final LocalTime DEPART = LocalTime.of(6, 30);
    private static final LocalTime BACK = LocalTime.of(18, 0);

    @Autowired
    DayPlanner planner;
    @Autowired
    ProposalDecisions decisions;
    @Autowired
    Customers customers;
    @Autowired
    Orders orders;
    @Autowired
    Trips trips;
    @Autowired
    Fleet fleet;
    @Autowired
    AuditLog audit;

    private LocalDate freshDay() {
        return trips.today().plusDays(DAYS_AHEAD.getAndIncrement());
    }

    private List<Address> utrecht() {
        return customers.allAddresses().stream().filter(a -> a.latitude() > 51.98).toList();
    }

    private long order(Address at, LocalDate day, LocalTime from, LocalTime to, int pallets, int kg) {
        return orders.create(new Orders.OrderForm("RT-" + TestPeople.uniqueNumber(), at.id(), day, from, to, pallets, 0,
                kg, BigDecimal.ONE, null), "test");
    }

    private DayPlanner.Stored ready(long id) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> planner.find(id).orElseThrow().status() == DayPlanner.Status.READY);
        return planner.find(id).orElseThrow();
    }

    private static List<Long> ordersOn(Proposal proposal) {
        return proposal.trips().stream().flatMap(t -> t.stops().stream()).map(s -> s.delivery().orderId()).toList();
    }

    @Test
    void aDayIsOptimisedInTheBackgroundAndAppliedAsOneWhole() {
        LocalDate day = freshDay();
        List<Long> ids = new ArrayList<>();
        List<Address> places = utrecht();
        for (int i = 0; i < 9; i++) {
            // 45 pallets: more than the biggest truck, so at least two trips
            ids.add(order(places.get(i % places.size()), day, LocalTime.of(7, 0), LocalTime.of(17, 0), 5, 1_500));
        }

        long id = planner.start(new DayPlanner.Request(day, DEPART, BACK, false), "Sanne Visser");
        DayPlanner.Stored stored = ready(id);

        Proposal proposal = stored.proposal();
        assertThat(ordersOn(proposal)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(proposal.leftOff()).isEmpty();
        assertThat(proposal.trips()).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(t -> assertThat(t.pallets()).isLessThanOrEqualTo(t.capacityPallets()));
        assertThat(proposal.trips()).allSatisfy(t -> {
            assertThat(t.start()).isEqualTo(DEPART);
            assertThat(t.back()).isBefore(BACK);
        });
        assertThat(proposal.kilometres()).isPositive();

        Map<Long, Long> drivers = decisions.defaultDrivers(stored);
        assertThat(drivers).hasSize(proposal.trips().size());
        assertThat(new java.util.HashSet<>(drivers.values())).as("one trip per driver").hasSize(drivers.size());

        List<Long> created = decisions.apply(id, drivers, "Sanne Visser");

        assertThat(created).hasSize(proposal.trips().size());
        List<Trip> planned = trips.ofDay(day);
        assertThat(planned).extracting(Trip::id).containsExactlyInAnyOrderElementsOf(created);
        for (Proposal.Trip trip : proposal.trips()) {
            Trip made = planned.stream().filter(t -> t.vehicle().id() == trip.vehicleId()).findFirst().orElseThrow();
            assertThat(made.driverId()).isEqualTo(drivers.get(trip.vehicleId()));
            assertThat(trips.stops(made.id())).extracting(s -> s.order().id()).as("the stops in the proposed order")
                    .containsExactlyElementsOf(trip.stops().stream().map(s -> s.delivery().orderId()).toList());
        }
        assertThat(orders.byIds(ids)).allSatisfy(o -> assertThat(o.status()).isEqualTo(Order.Status.PLANNED));
        assertThat(planner.find(id).orElseThrow().status()).isEqualTo(DayPlanner.Status.APPLIED);
        assertThat(audit.count(AuditEntry.Type.ROUTING_PROPOSAL_APPLIED, "proposal " + id, java.time.Instant.EPOCH))
                .isEqualTo(1);

        assertThatThrownBy(() -> decisions.apply(id, drivers, "Sanne Visser"))
                .hasFieldOrPropertyWithValue("messageKey", "routing.error.alreadyApplied");
    }

    @Test
    void whenAnOrderWasPlannedMeanwhileNothingOfTheProposalIsApplied() {
        LocalDate day = freshDay();
        List<Address> places = utrecht();
        for (int i = 0; i < 6; i++) {
            order(places.get(i), day, LocalTime.of(7, 0), LocalTime.of(17, 0), i == 0 ? 10 : 6, 2_000);
        }
        long id = planner.start(new DayPlanner.Request(day, DEPART, BACK, false), "Sanne Visser");
        DayPlanner.Stored stored = ready(id);
        List<Proposal.Trip> proposed = stored.proposal().trips();
        assertThat(proposed).hasSizeGreaterThanOrEqualTo(2);

        // someone plans an order of the last proposed trip by hand before the proposal is applied,
        // so the trips before it would be created first and must be undone
        long taken = proposed.get(proposed.size() - 1).stops().get(0).delivery().orderId();
        Map<Long, Long> drivers = decisions.defaultDrivers(stored);
        long handDriver = stored.input().day().drivers().stream().map(PlanningBoard.Driver::personId)
                .filter(p -> !drivers.containsValue(p)).findFirst().orElseThrow();
        long vehicle = fleet.addVehicle("RT-" + TestPeople.uniqueNumber(), stored.input().day().trucks().get(0).siteId(),
                33, 24_000);
        trips.create(new Trips.TripForm(day, vehicle, handDriver, LocalTime.of(7, 0), List.of(taken)), "Kim");

        assertThatThrownBy(() -> decisions.apply(id, drivers, "Sanne Visser"))
                .hasFieldOrPropertyWithValue("messageKey", "transport.error.orderTaken");

        assertThat(trips.ofDay(day)).as("only the hand-made trip").hasSize(1);
        assertThat(planner.find(id).orElseThrow().status()).isEqualTo(DayPlanner.Status.READY);
        assertThat(audit.count(AuditEntry.Type.ROUTING_PROPOSAL_APPLIED, "proposal " + id, java.time.Instant.EPOCH))
                .as("nothing applied, nothing in the audit log").isZero();
    }

    @Test
    void aSecondRequestForADayUnderWayFollowsTheFirstAndOneThatWaitsCanBeCancelled() {
        LocalDate day = freshDay();
        LocalDate other = freshDay();
        order(utrecht().get(0), day, LocalTime.of(7, 0), LocalTime.of(17, 0), 2, 500);
        order(utrecht().get(1), other, LocalTime.of(7, 0), LocalTime.of(17, 0), 2, 500);
        long first = planner.start(new DayPlanner.Request(day, DEPART, BACK, false, 60), "Sanne Visser");
        assertThat(planner.start(new DayPlanner.Request(day, DEPART, BACK, false), "Kim")).isEqualTo(first);

        // one optimisation at a time: the other day waits its turn, and cancelling it discards it
        long waiting = planner.start(new DayPlanner.Request(other, DEPART, BACK, false), "Kim");
        assertThat(planner.find(waiting).orElseThrow().status()).isEqualTo(DayPlanner.Status.WAITING);
        planner.finishNow(waiting, "Kim");
        assertThat(planner.find(waiting).orElseThrow().status()).isEqualTo(DayPlanner.Status.DISCARDED);

        // stopping the running one early still gives a proposal
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> planner.find(first).orElseThrow().status() == DayPlanner.Status.SOLVING);
        planner.finishNow(first, "Sanne Visser");
        assertThat(ready(first).proposal().trips()).isNotEmpty();
    }

    @Test
    void eachTripNeedsItsOwnDriver() {
        LocalDate day = freshDay();
        List<Address> places = utrecht();
        for (int i = 0; i < 8; i++) {
            order(places.get(i), day, LocalTime.of(7, 0), LocalTime.of(17, 0), 6, 1_000);
        }
        long id = planner.start(new DayPlanner.Request(day, DEPART, BACK, false), "Sanne Visser");
        DayPlanner.Stored stored = ready(id);
        List<Proposal.Trip> proposed = stored.proposal().trips();
        assertThat(proposed).hasSizeGreaterThanOrEqualTo(2);
        long someone = stored.input().day().drivers().get(0).personId();
        Map<Long, Long> same = new HashMap<>();
        proposed.forEach(t -> same.put(t.vehicleId(), someone));
        assertThatThrownBy(() -> decisions.apply(id, same, "Sanne Visser"))
                .hasFieldOrPropertyWithValue("messageKey", "routing.error.driverTwice");
        Map<Long, Long> missing = new HashMap<>(decisions.defaultDrivers(stored));
        missing.remove(proposed.get(0).vehicleId());
        assertThatThrownBy(() -> decisions.apply(id, missing, "Sanne Visser"))
                .hasFieldOrPropertyWithValue("messageKey", "routing.error.driver");
        assertThat(trips.ofDay(day)).isEmpty();
    }

    @Test
    void lateAndLeftOffDeliveriesComeWithTheirReason() {
        LocalDate day = freshDay();
        Address rotterdam = customers.allAddresses().stream().filter(a -> a.latitude() < 51.98).findFirst().orElseThrow();
        // the depots are in Zwolle and Venlo: nobody reaches Rotterdam by a quarter to seven
        long early = order(rotterdam, day, LocalTime.of(6, 0), LocalTime.of(6, 45), 2, 500);
        // more pallets than any truck carries
        long huge = order(utrecht().get(0), day, LocalTime.of(7, 0), LocalTime.of(17, 0), 60, 2_000);

        long id = planner.start(new DayPlanner.Request(day, DEPART, BACK, false), "Sanne Visser");
        Proposal proposal = ready(id).proposal();

        assertThat(proposal.leftOff()).extracting(Proposal.Delivery::orderId).containsExactly(huge);
        assertThat(proposal.reasons()).anySatisfy(r -> {
            assertThat(r.orderId()).isEqualTo(huge);
            assertThat(r.key()).isEqualTo("routing.reason.leftOffPallets");
        });
        assertThat(ordersOn(proposal)).containsExactly(early);
        assertThat(proposal.lateStops()).isEqualTo(1);
        assertThat(proposal.reasons()).anySatisfy(r -> {
            assertThat(r.orderId()).isEqualTo(early);
            assertThat(r.key()).isEqualTo("routing.reason.lateUnreachable");
        });
    }

    @Test
    void tripsThatHaveNotStartedArePlannedAgainWhenAskedAndOthersStay() {
        LocalDate day = freshDay();
        List<Address> places = utrecht();
        var day0 = planner.preview(day, false);
        long vehicle = fleet.addVehicle("RT-" + TestPeople.uniqueNumber(), day0.trucks().get(0).siteId(), 33, 24_000);
        long loadedVehicle = fleet.addVehicle("RT-" + TestPeople.uniqueNumber(), day0.trucks().get(0).siteId(), 33, 24_000);
        long driver = day0.drivers().get(0).personId();
        long otherDriver = day0.drivers().get(1).personId();
        // a clumsy trip that has not started, and one already loading
        long a = order(places.get(0), day, LocalTime.of(7, 0), LocalTime.of(17, 0), 2, 500);
        long b = order(places.get(3), day, LocalTime.of(7, 0), LocalTime.of(17, 0), 2, 500);
        long c = order(places.get(1), day, LocalTime.of(7, 0), LocalTime.of(17, 0), 2, 500);
        long unstarted = trips.create(new Trips.TripForm(day, vehicle, driver, LocalTime.of(7, 0), List.of(a, b, c)), "Kim");
        long loading = trips.create(new Trips.TripForm(day, loadedVehicle, otherDriver, LocalTime.of(7, 0),
                List.of(order(places.get(2), day, LocalTime.of(7, 0), LocalTime.of(17, 0), 2, 500))), "Kim");
        trips.startLoading(loading, "Fatima");
        long open = order(places.get(4), day, LocalTime.of(7, 0), LocalTime.of(17, 0), 2, 500);

        assertThat(planner.preview(day, false).deliveries()).extracting(PlanningBoard.Delivery::orderId).containsExactly(open);
        long id = planner.start(new DayPlanner.Request(day, DEPART, BACK, true), "Sanne Visser");
        DayPlanner.Stored stored = ready(id);

        assertThat(stored.replacedTrips()).isEqualTo(1);
        assertThat(ordersOn(stored.proposal())).containsExactlyInAnyOrder(a, b, c, open);
        assertThat(stored.input().day().trucks()).extracting(PlanningBoard.Truck::vehicleId)
                .contains(vehicle).doesNotContain(loadedVehicle);

        decisions.apply(id, decisions.defaultDrivers(stored), "Sanne Visser");

        assertThat(trips.find(unstarted)).isEmpty();
        assertThat(trips.find(loading)).isPresent();
        List<Long> plannedNow = trips.ofDay(day).stream().flatMap(t -> trips.stops(t.id()).stream())
                .map(Stop::order).map(Order::id).toList();
        assertThat(plannedNow).contains(a, b, c, open);
        // the driver of the replaced trip drives again, now the proposed trip of that truck if it has one
        assertThat(trips.ofDay(day)).extracting(Trip::driverId).contains(otherDriver);
    }

    @Test
    void refusesADayThatPassedAShiftThatEndsBeforeItStartsAndADayWithNothingToPlan() {
        assertThatThrownBy(() -> planner.start(new DayPlanner.Request(trips.today().minusDays(1), DEPART, BACK, false), "x"))
                .hasFieldOrPropertyWithValue("messageKey", "routing.error.dayPassed");
        assertThatThrownBy(() -> planner.start(new DayPlanner.Request(freshDay(), BACK, DEPART, false), "x"))
                .hasFieldOrPropertyWithValue("messageKey", "routing.error.backBeforeDepart");
        if (LocalTime.now(java.time.ZoneId.of("Europe/Amsterdam")).isAfter(LocalTime.of(0, 1))) {
            // trucks cannot leave earlier today than now
            assertThatThrownBy(() -> planner.start(new DayPlanner.Request(trips.today(), LocalTime.MIDNIGHT,
                    LocalTime.of(23, 59), false), "x"))
                    .hasFieldOrPropertyWithValue("messageKey", "routing.error.departPassed");
        }
        assertThatThrownBy(() -> planner.start(new DayPlanner.Request(freshDay(), DEPART, BACK, false), "x"))
                .hasFieldOrPropertyWithValue("messageKey", "routing.error.nothingToPlan");
    }

    @Test
    void aDiscardedProposalCannotBeApplied() {
        LocalDate day = freshDay();
        order(utrecht().get(0), day, LocalTime.of(7, 0), LocalTime.of(17, 0), 2, 500);
        long id = planner.start(new DayPlanner.Request(day, DEPART, BACK, false), "Sanne Visser");
        DayPlanner.Stored stored = ready(id);
        planner.discard(id, "Sanne Visser");
        assertThat(planner.find(id).orElseThrow().status()).isEqualTo(DayPlanner.Status.DISCARDED);
        assertThatThrownBy(() -> decisions.apply(id, decisions.defaultDrivers(stored), "Sanne Visser"))
                .hasFieldOrPropertyWithValue("messageKey", "routing.error.notReady");
        assertThat(trips.ofDay(day)).isEmpty();
    }
}
