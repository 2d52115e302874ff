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
import nl.meedenken.routing.Timeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
    /** Lenient, so proposals stored by an older version still read. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
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
    private final JdbcClient jdbc;
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

    DayPlanner(PlanningBoard board, RouteOptimiser optimiser, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.board = board;
        this.optimiser = optimiser;
        this.settings = optimiser.settings();
        this.jdbc = jdbc;
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
        Optional<Long> underWay = jdbc.sql("""
                        select id from routing_proposal where day = :day and status in ('WAITING', 'SOLVING')
                         order by id desc limit 1
                        """)
                .param("day", request.day()).query(Long.class).optional()
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
        long id = jdbc.sql("""
                        insert into routing_proposal (day, depart, back_by, replan, time_limit_seconds, status, input,
                               created_by, created_at, updated_at)
                        values (:day, :depart, :back, :replan, :limit, 'WAITING', cast(:input as jsonb), :by, :at, :at)
                        returning id
                        """)
                .param("day", request.day()).param("depart", request.depart()).param("back", request.backBy())
                .param("replan", request.replan()).param("limit", (int) Math.max(1, limit.toSeconds()))
                .param("input", JSON.writeValueAsString(input)).param("by", by).param("at", Timestamp.from(now))
                .query(Long.class).single();
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
        jdbc.sql("update routing_proposal set status = 'SOLVING', started_at = :at, updated_at = :at where id = :id and status = 'WAITING'")
                .param("at", Timestamp.from(clock.instant())).param("id", id).update();
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
            Proposal proposal = proposal(id, plan, day, reasons, now);
            jdbc.sql("""
                            update routing_proposal set status = :status, progress_percent = :percent,
                                   result = cast(:result as jsonb), updated_at = :at
                             where id = :id and status in ('WAITING', 'SOLVING')
                            """)
                    .param("status", last ? "READY" : "SOLVING").param("percent", last ? 100 : 0)
                    .param("result", JSON.writeValueAsString(proposal)).param("at", Timestamp.from(now))
                    .param("id", id).update();
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
        jdbc.sql("""
                        update routing_proposal set status = 'FAILED', failure = :failure, updated_at = :at
                         where id = :id and status in ('WAITING', 'SOLVING')
                        """)
                .param("failure", String.valueOf(failure.getMessage()).substring(0,
                        Math.min(480, String.valueOf(failure.getMessage()).length())))
                .param("at", Timestamp.from(clock.instant())).param("id", id).update();
    }

    private Proposal proposal(long id, RoutePlan plan, PlanningBoard.Day day, List<Proposal.Reason> reasons,
                              Instant now) {
        Map<Long, PlanningBoard.Delivery> deliveries = new HashMap<>();
        day.deliveries().forEach(d -> deliveries.put(d.orderId(), d));
        Map<Long, PlanningBoard.Truck> trucks = new HashMap<>();
        day.trucks().forEach(t -> trucks.put(t.vehicleId(), t));
        List<Proposal.Trip> trips = new ArrayList<>();
        long metres = 0;
        for (Route route : plan.getRoutes()) {
            if (!route.used()) {
                continue;
            }
            Timeline timeline = Timelines.of(route);
            PlanningBoard.Truck truck = trucks.get(route.getId());
            List<Proposal.Stop> stops = new ArrayList<>();
            for (Timeline.Leg leg : timeline.legs()) {
                stops.add(new Proposal.Stop(delivery(deliveries.get(leg.id())), leg.arrival(), leg.start(),
                        leg.minutesLate(), leg.breakOnTheWay()));
            }
            metres += timeline.metres();
            trips.add(new Proposal.Trip(truck.vehicleId(), truck.plate(), truck.siteName(), truck.tripId(),
                    Timelines.time(route.getShiftStart()), timeline.finish(), timeline.metres(), route.pallets(),
                    route.getCapacityPallets(), route.kilograms(), route.getCapacityKg(), timeline.breaks(), stops));
        }
        trips.sort(Comparator.comparing(Proposal.Trip::site).thenComparing(Proposal.Trip::plate));
        // read from the routes, so a snapshot of the search (whose visits say nothing) reads the same
        Set<Long> onTrips = new HashSet<>();
        plan.getRoutes().forEach(r -> r.getVisits().forEach(v -> onTrips.add(v.getId())));
        List<Proposal.Delivery> leftOff = day.deliveries().stream().filter(d -> !onTrips.contains(d.orderId()))
                .map(DayPlanner::delivery).toList();
        Instant began = startedAt.get(id);
        boolean feasible = plan.getScore() == null || plan.getScore().hardScore() == 0;
        return new Proposal(trips, leftOff, reasons, metres, began == null ? 0 : Duration.between(began, now).toSeconds(),
                feasible);
    }

    private static Proposal.Delivery delivery(PlanningBoard.Delivery d) {
        return new Proposal.Delivery(d.orderId(), d.reference(), d.customer(), d.city(), d.opens(), d.closes(),
                d.pallets(), d.kg(), d.tripId());
    }

    // ---- reading

    public Optional<Stored> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::stored).optional().map(this::settle);
    }

    public Page<Stored> recent(int page) {
        long total = jdbc.sql("select count(*) from routing_proposal").query(Long.class).single();
        int number = Page.clamp(page, total, PAGE_SIZE);
        List<Stored> items = jdbc.sql(SELECT + " order by created_at desc, id desc limit :limit offset :offset")
                .param("limit", PAGE_SIZE).param("offset", number * PAGE_SIZE).query(this::stored).list()
                .stream().map(this::settle).toList();
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
            jdbc.sql("update routing_proposal set status = 'FAILED', failure = 'interrupted' where id = :id and status in ('WAITING', 'SOLVING')")
                    .param("id", stored.id()).update();
            return jdbc.sql(SELECT + " where id = :id").param("id", stored.id()).query(this::stored).optional()
                    .orElse(stored);
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

    private static final String SELECT = """
            select id, day, depart, back_by, replan, time_limit_seconds, status, progress_percent, input::text as input,
                   result::text as result, failure, created_by, created_at, started_at, decided_by, decided_at
              from routing_proposal
            """;

    private Stored stored(ResultSet rs, int row) throws SQLException {
        String result = rs.getString("result");
        Timestamp decided = rs.getTimestamp("decided_at");
        Timestamp started = rs.getTimestamp("started_at");
        return new Stored(rs.getLong("id"), rs.getObject("day", LocalDate.class),
                rs.getObject("depart", LocalTime.class), rs.getObject("back_by", LocalTime.class),
                rs.getBoolean("replan"), rs.getInt("time_limit_seconds"), Status.valueOf(rs.getString("status")),
                rs.getInt("progress_percent"), JSON.readValue(rs.getString("input"), Input.class),
                result == null ? null : JSON.readValue(result, Proposal.class), rs.getString("failure"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                started == null ? null : started.toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant());
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
        Stored stored = jdbc.sql(SELECT + " where id = :id for update").param("id", id).query(this::stored).optional()
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
        jdbc.sql("update routing_proposal set status = 'APPLIED', decided_by = :by, decided_at = :at, updated_at = :at where id = :id")
                .param("by", by).param("at", Timestamp.from(now)).param("id", id).update();
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
        int changed = jdbc.sql("""
                        update routing_proposal set status = 'DISCARDED', decided_by = :by, decided_at = :at, updated_at = :at
                         where id = :id and status not in ('APPLIED', 'DISCARDED')
                        """)
                .param("by", by).param("at", Timestamp.from(now)).param("id", id).update();
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
