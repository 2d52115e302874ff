package nl.meedenken.routing.internal;

import nl.meedenken.TestPeople;
import nl.meedenken.platform.AuditLog;
import nl.meedenken.routing.PlanningBoard;
import nl.meedenken.routing.RouteOptimiser;
import nl.meedenken.transport.internal.Address;
import nl.meedenken.transport.internal.Customers;
import nl.meedenken.transport.internal.Orders;
import nl.meedenken.transport.internal.Trips;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app runs on several nodes: an optimisation whose node is lost keeps its best plan or fails
 * within seconds, a waiting one is taken over, and stopping or discarding reaches the solver from
 * any node. The Spring bean is the node that lives on; other nodes are planners built by hand with
 * a name of their own on the same database.
 */
@SpringBootTest
class NodeLossTest {

    private static final AtomicInteger DAYS_AHEAD = new AtomicInteger(800);
    private static final LocalTime DEPART = LocalTime.of(6, 30);
    private static final LocalTime BACK = LocalTime.of(18, 0);
    /** Long enough that only a stop ends the solver during a test. */
    private static final int LONG = 120;

    @Autowired
    DayPlanner planner;
    @Autowired
    PlanningBoard board;
    @Autowired
    RouteOptimiser optimiser;
    @Autowired
    ProposalStore store;
    @Autowired
    AuditLog audit;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Customers customers;
    @Autowired
    Orders orders;
    @Autowired
    Trips trips;
    @Autowired
    org.springframework.context.MessageSource messages;
    @Autowired
    java.util.List<com.github.kagkarlsson.scheduler.task.helper.RecurringTask<?>> jobs;

    private LocalDate dayWithOrders(int count) {
        LocalDate day = trips.today().plusDays(DAYS_AHEAD.getAndIncrement());
        List<Address> places = customers.allAddresses().stream().filter(a -> a.latitude() > 51.98).toList();
        for (int i = 0; i < count; i++) {
            orders.create(new Orders.OrderForm("NL-" + TestPeople.uniqueNumber(), places.get(i % places.size()).id(), day,
                    LocalTime.of(7, 0), LocalTime.of(17, 0), 3, 0, 900, BigDecimal.ONE, null), "test");
        }
        return day;
    }

    private DayPlanner otherNode(String name) {
        return new DayPlanner(board, optimiser, store, audit, clock, name);
    }

    /** A request for the day as the node would have written it at that moment. */
    private long requestedBy(String node, LocalDate day, Instant at) {
        PlanningBoard.Day read = planner.preview(day, false);
        return store.insert(new DayPlanner.Request(day, DEPART, BACK, false), Duration.ofSeconds(LONG),
                new DayPlanner.Input(read, DayPlanner.trucks(read).stream().map(PlanningBoard.Truck::vehicleId).toList()),
                "Sanne Visser", node, at);
    }

    private Duration lostAfter() {
        return optimiser.settings().nodeLostAfter();
    }

    private DayPlanner.Stored solvingWithABestPlan(long id) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> store.find(id).map(s -> s.status() == DayPlanner.Status.SOLVING && s.proposal() != null)
                        .orElse(false));
        return store.find(id).orElseThrow();
    }

    @Test
    void aNodeStoppedAndStartedAgainOptimisesAsBefore() {
        // Spring stops a cached context when another one is used and starts it again when it comes back
        DayPlanner node = otherNode("test-paused-" + TestPeople.uniqueNumber());
        node.start();
        node.stop();
        node.start();
        LocalDate day = dayWithOrders(2);
        long id = node.start(new DayPlanner.Request(day, DEPART, BACK, false, 10), "Sanne Visser");
        solvingWithABestPlan(id);
        node.finishNow(id, "Sanne Visser");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> store.find(id).orElseThrow().status() == DayPlanner.Status.READY);
        node.stop();
    }

    @Test
    void aSolvingNodeThatIsLostLeavesItsBestPlanAndTheDayFreeWithinSeconds() {
        LocalDate day = dayWithOrders(12);
        Address utrecht = customers.allAddresses().stream().filter(a -> a.latitude() > 51.98).findFirst().orElseThrow();
        // more pallets than any truck carries: left off, with a reason
        long huge = orders.create(new Orders.OrderForm("NL-" + TestPeople.uniqueNumber(), utrecht.id(), day,
                LocalTime.of(7, 0), LocalTime.of(17, 0), 60, 0, 2_000, BigDecimal.ONE, null), "test");
        DayPlanner lost = otherNode("test-lost-" + TestPeople.uniqueNumber());
        lost.start();
        long id = lost.start(new DayPlanner.Request(day, DEPART, BACK, false, LONG), "Sanne Visser");
        solvingWithABestPlan(id);

        lost.halt();
        Proposal atTheEnd = store.find(id).orElseThrow().proposal();
        Instant halted = Instant.now();
        // the page the planner watches asks this node every second
        Awaitility.await().atMost(lostAfter().plusSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> planner.find(id).orElseThrow().status() == DayPlanner.Status.READY);

        DayPlanner.Stored recovered = planner.find(id).orElseThrow();
        assertThat(Duration.between(halted, Instant.now())).as("not before the node could be missed")
                .isGreaterThanOrEqualTo(lostAfter().minusSeconds(2));
        assertThat(recovered.note()).isEqualTo(DayPlanner.Note.RECOVERED);
        assertThat(recovered.proposal().trips()).as("the best plan stored before the node went")
                .isNotEmpty().isEqualTo(atTheEnd.trips());
        assertThat(recovered.proposal().leftOff()).isEqualTo(atTheEnd.leftOff())
                .extracting(Proposal.Delivery::orderId).containsExactly(huge);
        assertThat(recovered.proposal().reasons()).as("worked out by the node that recovered it").anySatisfy(r -> {
            assertThat(r.orderId()).isEqualTo(huge);
            assertThat(r.key()).isEqualTo("routing.reason.leftOffPallets");
        });
        assertThat(recovered.node()).isNull();
        long again = planner.start(new DayPlanner.Request(day, DEPART, BACK, false, 10), "Sanne Visser");
        assertThat(again).as("the day is free for a new request").isNotEqualTo(id);
        planner.finishNow(again, "Sanne Visser");
    }

    @Test
    void aNodeLostBeforeItFoundAnyPlanFailsItsRequestAndFreesTheDay() {
        LocalDate day = dayWithOrders(2);
        String gone = "test-gone-" + TestPeople.uniqueNumber();
        Instant longAgo = Instant.now().minus(lostAfter()).minusSeconds(30);
        long id = requestedBy(gone, day, longAgo);
        assertThat(store.started(id, gone, longAgo)).isTrue();

        assertThat(planner.recoverLost()).isGreaterThanOrEqualTo(1);

        DayPlanner.Stored failed = store.find(id).orElseThrow();
        assertThat(failed.status()).isEqualTo(DayPlanner.Status.FAILED);
        assertThat(failed.failure()).isEqualTo(DayPlanner.LOST);
        assertThat(store.underWay(day)).isEmpty();
    }

    private static <T> void runOnce(com.github.kagkarlsson.scheduler.task.helper.RecurringTask<T> job) {
        job.execute(job.instance(com.github.kagkarlsson.scheduler.task.helper.RecurringTask.INSTANCE), null);
    }

    @Test
    void theRecurringJobSettlesWhatLostNodesLeftAlsoWhenNobodyLooks() {
        LocalDate day = dayWithOrders(2);
        String gone = "test-gone-" + TestPeople.uniqueNumber();
        Instant longAgo = Instant.now().minus(lostAfter()).minusSeconds(30);
        long id = requestedBy(gone, day, longAgo);
        store.started(id, gone, longAgo);
        com.github.kagkarlsson.scheduler.task.helper.RecurringTask<?> job = jobs.stream()
                .filter(t -> t.getName().equals(RoutingJobs.LOST_NODES)).findFirst().orElseThrow();

        runOnce(job);

        assertThat(store.find(id).orElseThrow().status()).isEqualTo(DayPlanner.Status.FAILED);
    }

    @Test
    void aWaitingRequestOfALostNodeIsTakenOverAndSolvedHere() {
        LocalDate day = dayWithOrders(4);
        String gone = "test-gone-" + TestPeople.uniqueNumber();
        PlanningBoard.Day read = planner.preview(day, false);
        long id = store.insert(new DayPlanner.Request(day, DEPART, BACK, false, 10), Duration.ofSeconds(10),
                new DayPlanner.Input(read, DayPlanner.trucks(read).stream().map(PlanningBoard.Truck::vehicleId).toList()),
                "Sanne Visser", gone, Instant.now().minus(lostAfter()).minusSeconds(1));

        planner.recoverLost();

        assertThat(store.find(id).orElseThrow().node()).isEqualTo(planner.node());
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> planner.find(id).orElseThrow().status() == DayPlanner.Status.READY);
        DayPlanner.Stored done = planner.find(id).orElseThrow();
        assertThat(done.proposal().trips()).isNotEmpty();
        assertThat(done.note()).as("solved for its whole time").isNull();
    }

    @Test
    void aStopWrittenInTheDatabaseByAnotherNodeEndsTheSolveEarly() {
        LocalDate day = dayWithOrders(12);
        long id = planner.start(new DayPlanner.Request(day, DEPART, BACK, false, LONG), "Sanne Visser");
        solvingWithABestPlan(id);

        jdbc.sql("update routing_proposal set stop_requested_at = now() where id = :id").param("id", id).update();

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> planner.find(id).orElseThrow().status() == DayPlanner.Status.READY);
        DayPlanner.Stored ready = planner.find(id).orElseThrow();
        assertThat(ready.proposal().seconds()).isLessThan(LONG / 2);
        assertThat(ready.proposal().trips()).isNotEmpty();
        assertThat(ready.note()).as("stopped by a planner, not by a restart").isNull();
    }

    @Test
    void discardingOnAnotherNodeStopsTheSolverHere() {
        LocalDate day = dayWithOrders(12);
        long id = planner.start(new DayPlanner.Request(day, DEPART, BACK, false, LONG), "Sanne Visser");
        solvingWithABestPlan(id);

        otherNode("test-other-" + TestPeople.uniqueNumber()).discard(id, "Kim");

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> !planner.working(id));
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(DayPlanner.Status.DISCARDED);
    }

    @Test
    void theNotesOfAStoppedOptimisationSayHowLongItWorkedInBothLanguages() {
        java.util.Locale en = java.util.Locale.ENGLISH;
        java.util.Locale nl = java.util.Locale.forLanguageTag("nl");
        String restarted = DayPlanner.Note.RESTARTED.messageKey();
        String recovered = DayPlanner.Note.RECOVERED.messageKey();
        assertThat(messages.getMessage(restarted, new Object[]{0L, 60}, en)).contains("after less than a second of its 60 seconds");
        assertThat(messages.getMessage(restarted, new Object[]{1L, 60}, en)).contains("after one second of its 60 seconds");
        assertThat(messages.getMessage(recovered, new Object[]{37L, 120}, en)).contains("after 37 seconds of its 120 seconds");
        assertThat(messages.getMessage(restarted, new Object[]{37L, 120}, nl)).contains("na 37 seconden van haar 120 seconden");
        assertThat(messages.getMessage(recovered, new Object[]{0L, 30}, nl)).contains("na minder dan een seconde van de 30 seconden");
    }
}
