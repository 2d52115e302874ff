package nl.meedenken.routing.internal;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import jakarta.annotation.PreDestroy;
import nl.meedenken.platform.AuditEntry;
import nl.meedenken.platform.AuditLog;
import nl.meedenken.platform.Page;
import nl.meedenken.platform.Refused;
import nl.meedenken.routing.PlanningBoard;
import nl.meedenken.routing.RouteOptimiser;
import nl.meedenken.routing.RoutingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A planner's day, optimised in the background: the request is stored, the solver works on it
 * on its own thread and stores its best proposal as it improves, so any page (on any server)
 * shows the progress. The planner then applies the proposal, choosing the drivers, or discards it.
 */
@Service
public class DayPlanner {

    public static final int PAGE_SIZE = 20;
    private static final Logger LOG = LoggerFactory.getLogger(DayPlanner.class);
    private static final ZoneId LOCAL = ZoneId.of("Europe/Amsterdam");
    /** What a request that lost its server says instead of an error message. */
    static final String INTERRUPTED = "interrupted";
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(500);

    public enum Status {
        WAITING, SOLVING, READY, FAILED, APPLIED, DISCARDED;

        public String labelKey() {
            return "routing.status." + name();
        }

        public boolean running() {
            return this == WAITING || this == SOLVING;
        }
    }

    /** The times a planner may give the optimiser, in seconds. */
    public static final List<Integer> LIMITS = List.of(10, 30, 60, 120);

    /**
     * What the planner asks for.
     *
     * @param seconds how long the optimiser may work; null for the configured time
     */
    public record Request(LocalDate day, LocalTime depart, LocalTime backBy, boolean replan, Integer seconds) {

        public Request(LocalDate day, LocalTime depart, LocalTime backBy, boolean replan) {
            this(day, depart, backBy, replan, null);
        }
    }

    /** The day as read when optimising started, and the trucks that were offered to the solver. */
    public record Input(PlanningBoard.Day day, List<Long> trucks) {
    }

    /** A stored request with its latest proposal. */
    public record Stored(long id, LocalDate day, LocalTime depart, LocalTime backBy, boolean replan, int limitSeconds,
                         Status status, int percent, Input input, Proposal proposal, String failure, String createdBy,
                         Instant createdAt, Instant startedAt, String decidedBy, Instant decidedAt) {

        public PlanningBoard.Delivery delivery(long orderId) {
            return input.day().deliveries().stream().filter(d -> d.orderId() == orderId).findFirst().orElse(null);
        }

        public java.time.LocalDateTime createdLocal() {
            return createdAt.atZone(LOCAL).toLocalDateTime();
        }

        public java.time.LocalDateTime decidedLocal() {
            return decidedAt == null ? null : decidedAt.atZone(LOCAL).toLocalDateTime();
        }

        /** Orders that were on a trip planned again and that the proposal leaves off. */
        public long unplannedAgain() {
            return proposal == null ? 0 : proposal.leftOff().stream().filter(d -> d.tripId() != null).count();
        }

        public int replacedTrips() {
            return replan ? input.day().replaceable().size() : 0;
        }
    }

    private final PlanningBoard board;
    private final RouteOptimiser optimiser;
    private final RoutingSettings settings;
    private final ProposalStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final SolutionManager<RoutePlan, HardMediumSoftLongScore> analyser;
    /** One optimisation at a time on this node; others wait their turn. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "routing-day-planner");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Duration, SolverFactory<RoutePlan>> factories = new ConcurrentHashMap<>();
    private final Map<Long, Solver<RoutePlan>> running = new ConcurrentHashMap<>();
    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
    private final Map<Long, Instant> lastWrite = new ConcurrentHashMap<>();
    private final Map<Long, Instant> startedAt = new ConcurrentHashMap<>();

    DayPlanner(PlanningBoard board, RouteOptimiser optimiser, ProposalStore store, AuditLog audit, Clock clock) {
        this.board = board;
        this.optimiser = optimiser;
        this.settings = optimiser.settings();
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.analyser = SolutionManager.create(factory(settings.dayTimeLimit()));
    }

    /** A solver set up for this time: the search cools down over the whole of it. */
    private SolverFactory<RoutePlan> factory(Duration limit) {
        return factories.computeIfAbsent(limit, Solvers::factory);
    }

    @PreDestroy
    void stop() {
        running.values().forEach(Solver::terminateEarly);
        worker.shutdownNow();
    }

    public RoutingSettings settings() {
        return settings;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(LOCAL));
    }

    /** The day as it is now, for the start page. */
    public PlanningBoard.Day preview(LocalDate day, boolean replan) {
        return board.day(day, replan);
    }

    // ---- starting

    public long start(Request request, String by) {
        if (request.day() == null) {
            throw new Refused("day", "validation.required");
        }
        if (request.day().isBefore(today())) {
            throw new Refused("day", "routing.error.dayPassed");
        }
        if (request.depart() == null) {
            throw new Refused("depart", "validation.required");
        }
        if (request.backBy() == null) {
            throw new Refused("backBy", "validation.required");
        }
        if (!request.backBy().isAfter(request.depart())) {
            throw new Refused("backBy", "routing.error.backBeforeDepart");
        }
        if (request.day().equals(today())
                && request.depart().isBefore(java.time.LocalTime.now(clock.withZone(LOCAL)).withSecond(0).withNano(0))) {
            throw new Refused("depart", "routing.error.departPassed");
        }
        if (request.seconds() != null && !LIMITS.contains(request.seconds())) {
            throw new Refused("seconds", "routing.error.seconds");
        }
        Duration limit = request.seconds() == null ? settings.dayTimeLimit() : Duration.ofSeconds(request.seconds());
        // a second click, or a colleague asking for the same day: follow the one under way
        Optional<Long> underWay = store.underWay(request.day())
                .filter(existing -> find(existing).map(st -> st.status().running()).orElse(false));
        if (underWay.isPresent()) {
            return underWay.get();
        }
        PlanningBoard.Day day = board.day(request.day(), request.replan());
        if (day.deliveries().isEmpty()) {
            throw new Refused("day", "routing.error.nothingToPlan");
        }
        List<PlanningBoard.Truck> trucks = trucks(day);
        if (trucks.isEmpty()) {
            throw new Refused("day", "routing.error.noTrucks");
        }
        RoutePlan plan = model(request, day, trucks);
        Input input = new Input(day, trucks.stream().map(PlanningBoard.Truck::vehicleId).toList());
        Instant now = clock.instant();
        long id = store.insert(request, limit, input, by, now);
        try {
            Solver<RoutePlan> solver = factory(limit).buildSolver();
            solver.addEventListener(event -> improved(id, day, event.getNewBestSolution(), false));
            running.put(id, solver);
            worker.submit(() -> solve(id, day, plan, solver));
        } catch (RuntimeException e) {
            running.remove(id);
            failed(id, e);
        }
        return id;
    }

    private void solve(long id, PlanningBoard.Day day, RoutePlan plan, Solver<RoutePlan> solver) {
        try {
            if (cancelled.remove(id)) {
                return;
            }
            started(id);
            // better plans found along the way become the page's "best so far"
            RoutePlan best = RuinRecreatePhase.reporting(better -> improved(id, day, better, false),
                    () -> solver.solve(plan));
            improved(id, day, best, true);
        } catch (RuntimeException e) {
            failed(id, e);
        } finally {
            running.remove(id);
            cancelled.remove(id);
            lastWrite.remove(id);
            startedAt.remove(id);
        }
    }

    /** The trucks offered to the solver: no more than there are drivers, trucks of trips planned again first. */
    public static List<PlanningBoard.Truck> trucks(PlanningBoard.Day day) {
        return day.trucks().stream()
                .sorted(Comparator.comparing((PlanningBoard.Truck t) -> t.tripId() == null)
                        .thenComparing(PlanningBoard.Truck::pallets, Comparator.reverseOrder())
                        .thenComparing(PlanningBoard.Truck::plate))
                .limit(day.drivers().size())
                .toList();
    }

    /**
     * The solver's model of the day. A truck whose trip is planned again keeps that trip's start;
     * an order that was on such a trip is ten times as costly to leave off, so planning again
     * hardly ever takes a planned order off the road.
     */
    RoutePlan model(Request request, PlanningBoard.Day day, List<PlanningBoard.Truck> trucks) {
        long end = request.backBy().toSecondOfDay();
        List<Models.TruckSpec> truckSpecs = trucks.stream().map(t -> {
            long start = (t.start() == null ? request.depart() : t.start()).toSecondOfDay();
            return new Models.TruckSpec(t.vehicleId(), t.plate(), t.depot(), t.depot(), t.pallets(), t.kg(), start,
                    Math.max(start, end), settings.truckCost() * 1000L);
        }).toList();
        List<Models.VisitSpec> visits = day.deliveries().stream().map(d -> new Models.VisitSpec(d.orderId(),
                d.reference(), d.place(), d.opens() == null ? 0 : d.opens().toSecondOfDay(),
                d.closes() == null ? Duration.ofDays(2).toSeconds() : d.closes().toSecondOfDay(),
                d.service().toSeconds(), d.pallets(), d.kg(),
                settings.leftOffCost() * 60L * (d.tripId() == null ? 1 : 10))).toList();
        return Models.build(truckSpecs, visits, optimiser.distances(), settings);
    }

    private void started(long id) {
        startedAt.put(id, clock.instant());
        store.started(id, clock.instant());
    }

    private void improved(long id, PlanningBoard.Day day, RoutePlan plan, boolean last) {
        if (!last && plan.getRoutes().stream().noneMatch(Route::used)) {
            // the empty plan the solver starts from is nobody's idea of progress
            return;
        }
        Instant now = clock.instant();
        Instant previous = lastWrite.get(id);
        if (!last && previous != null && Duration.between(previous, now).compareTo(PROGRESS_EVERY) < 0) {
            return;
        }
        lastWrite.put(id, now);
        Map<Long, String> references = new HashMap<>();
        day.deliveries().forEach(d -> references.put(d.orderId(), d.reference()));
        List<Proposal.Reason> reasons = List.of();
        if (last) {
            try {
                reasons = Explanations.of(plan, analyser, orderId -> references.getOrDefault(orderId, "?"));
            } catch (RuntimeException e) {
                // a proposal without reasons is still a proposal
                LOG.warn("Explaining proposal {} failed", id, e);
            }
        }
        try {
            Instant began = startedAt.get(id);
            Proposal proposal = Proposal.of(plan, day, reasons, began == null ? 0 : Duration.between(began, now).toSeconds());
            store.write(id, proposal, last, now);
            if (last) {
                LOG.info("Proposal {} for {} ready: {} trips, {} km, {} late, {} left off ({})", id, day.day(),
                        proposal.trucks(), proposal.kilometres(), proposal.lateStops(), proposal.leftOff().size(),
                        plan.getScore());
            }
        } catch (RuntimeException e) {
            if (last) {
                failed(id, e);
            } else {
                // the next improvement, or the end, writes again
                LOG.warn("Storing progress of proposal {} failed", id, e);
            }
        }
    }

    private void failed(long id, Throwable failure) {
        LOG.warn("Optimising proposal {} failed", id, failure);
        lastWrite.remove(id);
        startedAt.remove(id);
        store.failed(id, String.valueOf(failure.getMessage()), clock.instant());
    }

    // ---- reading

    public Optional<Stored> find(long id) {
        return store.find(id).map(this::settle);
    }

    public Page<Stored> recent(int page) {
        long total = store.count();
        int number = Page.clamp(page, total, PAGE_SIZE);
        List<Stored> items = store.newestFirst(number * PAGE_SIZE, PAGE_SIZE).stream().map(this::settle).toList();
        return new Page<>(items, number, PAGE_SIZE, total);
    }

    /**
     * A request still marked running long after its time was up lost its server (a restart); say
     * so. One this server is working on, or still has in its queue, is left alone.
     */
    private Stored settle(Stored stored) {
        if (!stored.status().running() || running.containsKey(stored.id())) {
            return stored;
        }
        Instant since = stored.startedAt() != null ? stored.startedAt() : stored.createdAt();
        Duration grace = stored.status() == Status.WAITING ? Duration.ofMinutes(30) : Duration.ofMinutes(5);
        if (clock.instant().isAfter(since.plusSeconds(stored.limitSeconds()).plus(grace))) {
            store.failed(stored.id(), INTERRUPTED, clock.instant());
            return store.find(stored.id()).orElse(stored);
        }
        return stored;
    }

    /** How far along a running request is, by the time it has spent. */
    public int percent(Stored stored) {
        if (!stored.status().running()) {
            return 100;
        }
        if (stored.startedAt() == null) {
            return 0;
        }
        long spent = Duration.between(stored.startedAt(), clock.instant()).toMillis();
        return (int) Math.max(0, Math.min(99, spent * 100 / Math.max(1, stored.limitSeconds() * 1000L)));
    }

    // ---- deciding

    /** The driver each proposed trip gets unless the planner chooses another. */
    public Map<Long, Long> defaultDrivers(Stored stored) {
        Map<Long, Long> chosen = new HashMap<>();
        if (stored.proposal() == null) {
            return chosen;
        }
        Set<Long> taken = new HashSet<>();
        List<PlanningBoard.Driver> drivers = stored.input().day().drivers();
        Map<Long, PlanningBoard.Truck> trucks = new HashMap<>();
        stored.input().day().trucks().forEach(t -> trucks.put(t.vehicleId(), t));
        for (Proposal.Trip trip : stored.proposal().trips()) {
            PlanningBoard.Truck truck = trucks.get(trip.vehicleId());
            if (truck != null && truck.driverId() != null && taken.add(truck.driverId())) {
                chosen.put(trip.vehicleId(), truck.driverId());
            }
        }
        for (Proposal.Trip trip : stored.proposal().trips()) {
            if (chosen.containsKey(trip.vehicleId())) {
                continue;
            }
            PlanningBoard.Truck truck = trucks.get(trip.vehicleId());
            Optional<PlanningBoard.Driver> sameSite = drivers.stream()
                    .filter(d -> !taken.contains(d.personId()) && truck != null && Long.valueOf(truck.siteId()).equals(d.siteId()))
                    .findFirst();
            Optional<PlanningBoard.Driver> any = sameSite.isPresent() ? sameSite
                    : drivers.stream().filter(d -> !taken.contains(d.personId())).findFirst();
            any.ifPresent(d -> {
                taken.add(d.personId());
                chosen.put(trip.vehicleId(), d.personId());
            });
        }
        return chosen;
    }

    /**
     * Puts the proposal in place with these drivers, in one transaction with the trips: the
     * proposal is marked applied only if every trip was created.
     */
    @Transactional
    public List<Long> apply(long id, Map<Long, Long> driverPerTruck, String by) {
        Stored stored = store.lock(id)
                .orElseThrow(() -> new Refused("proposal", "routing.error.noProposal"));
        if (stored.status() != Status.READY || stored.proposal() == null) {
            throw new Refused("proposal", stored.status() == Status.APPLIED ? "routing.error.alreadyApplied"
                    : "routing.error.notReady");
        }
        if (stored.day().isBefore(today())) {
            throw new Refused("proposal", "routing.error.dayPassed");
        }
        if (stored.proposal().trips().isEmpty()) {
            throw new Refused("proposal", "routing.error.noTrips");
        }
        Set<Long> allowed = new HashSet<>();
        stored.input().day().drivers().forEach(d -> allowed.add(d.personId()));
        Set<Long> used = new HashSet<>();
        List<PlanningBoard.NewTrip> trips = new ArrayList<>();
        for (Proposal.Trip trip : stored.proposal().trips()) {
            Long driver = driverPerTruck.get(trip.vehicleId());
            if (driver == null || !allowed.contains(driver)) {
                throw new Refused("driver-" + trip.vehicleId(), "routing.error.driver", trip.plate());
            }
            if (!used.add(driver)) {
                throw new Refused("driver-" + trip.vehicleId(), "routing.error.driverTwice", trip.plate());
            }
            trips.add(new PlanningBoard.NewTrip(trip.vehicleId(), driver, trip.start(),
                    trip.stops().stream().map(s -> s.delivery().orderId()).toList()));
        }
        List<PlanningBoard.ReplacedTrip> replaced = stored.replan() ? stored.input().day().replaceable() : List.of();
        List<Long> created;
        try {
            created = board.apply(stored.day(), replaced, trips, by);
        } catch (PlanningBoard.Refused refused) {
            throw new Refused("proposal", refused.messageKey(), refused.arguments());
        }
        Instant now = clock.instant();
        store.decided(id, Status.APPLIED, by, now);
        Map<Long, String> names = new HashMap<>();
        stored.input().day().drivers().forEach(d -> names.put(d.personId(), d.name()));
        StringBuilder detail = new StringBuilder(stored.day().toString());
        for (Proposal.Trip trip : stored.proposal().trips()) {
            detail.append("; ").append(trip.plate()).append(": ").append(names.get(driverPerTruck.get(trip.vehicleId())))
                    .append(" (").append(trip.stops().size()).append(")");
        }
        if (!replaced.isEmpty()) {
            detail.append("; replaced trips ").append(replaced.stream().map(r -> String.valueOf(r.tripId())).toList());
        }
        String entry = detail.substring(0, Math.min(detail.length(), 1000));
        // the audit log writes in a transaction of its own: only once the trips are really there
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                audit.record(AuditEntry.Type.ROUTING_PROPOSAL_APPLIED, by, "proposal " + id, null, entry);
            }
        });
        return created;
    }

    public void discard(long id, String by) {
        Stored stored = find(id).orElseThrow(() -> new Refused("proposal", "routing.error.noProposal"));
        if (stored.status() == Status.APPLIED || stored.status() == Status.DISCARDED) {
            throw new Refused("proposal", "routing.error.alreadyDecided");
        }
        Instant now = clock.instant();
        int changed = store.decided(id, Status.DISCARDED, by, now);
        if (changed == 0) {
            throw new Refused("proposal", "routing.error.alreadyDecided");
        }
        stopSolving(id);
    }

    /**
     * Stops a running optimisation now; its best proposal so far becomes the proposal. One that
     * still waits for its turn has nothing yet, so it is discarded.
     */
    public void finishNow(long id, String by) {
        Stored stored = find(id).orElseThrow(() -> new Refused("proposal", "routing.error.noProposal"));
        if (stored.status() == Status.WAITING) {
            discard(id, by);
        } else if (stored.status() == Status.SOLVING) {
            stopSolving(id);
        }
    }

    private void stopSolving(long id) {
        cancelled.add(id);
        Solver<RoutePlan> solver = running.get(id);
        if (solver != null) {
            solver.terminateEarly();
        }
    }
}
