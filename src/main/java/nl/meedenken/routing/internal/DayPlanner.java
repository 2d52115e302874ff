package nl.meedenken.routing.internal;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import nl.meedenken.platform.AuditLog;
import nl.meedenken.platform.Page;
import nl.meedenken.platform.Refused;
import nl.meedenken.routing.PlanningBoard;
import nl.meedenken.routing.RouteOptimiser;
import nl.meedenken.routing.RoutingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.UUID;

/**
 * A planner's day, optimised in the background: the request is stored, the solver works on it
 * on its own thread and stores its best proposal as it improves, so any page (on any server)
 * shows the progress. The planner then applies the proposal, choosing the drivers, or discards it.
 * <p>
 * A request belongs to the node that queued it, which shows it is alive with a heartbeat every
 * {@link RoutingSettings#heartbeat()} and with that heartbeat stores the best plan found since and
 * reads whether someone, on any node, asked to stop or discarded it (ADR 0018). When the node shuts
 * down its solvers stop early and their best plans become the proposals; its queue is handed back.
 * A node that is lost (a crash, a pulled plug) stops heartbeating: after
 * {@link RoutingSettings#nodeLostAfter()} any node keeps the best plan stored, or fails the request
 * when there was none, and takes over its queue.
 */
@Service
public class DayPlanner implements SmartLifecycle {

    public static final int PAGE_SIZE = 20;
    private static final Logger LOG = LoggerFactory.getLogger(DayPlanner.class);
    private static final ZoneId LOCAL = ZoneId.of("Europe/Amsterdam");
    /** What a request that lost its server long ago (before heartbeats) says instead of an error message. */
    static final String INTERRUPTED = "interrupted";
    /** What a request says whose node was lost before the solver found any plan. */
    static final String LOST = "lost";
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

    /** Why a proposal is the best the solver had found before its time was up, rather than at the end of it. */
    public enum Note {
        /** Its node shut down (a restart or a deploy) and stored the best plan first. */
        RESTARTED,
        /** Its node was lost; another node kept the best plan it had stored. */
        RECOVERED;

        public String messageKey() {
            return "routing.note." + name();
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

    /**
     * A stored request with its latest proposal.
     *
     * @param note          why a ready proposal is a best-so-far, or null when the solver had its time
     * @param node          the node whose queue or solver has it, while it waits or runs
     * @param heartbeat     when that node last said it was alive
     * @param stopRequested someone asked it to stop early
     */
    public record Stored(long id, LocalDate day, LocalTime depart, LocalTime backBy, boolean replan, int limitSeconds,
                         Status status, int percent, Input input, Proposal proposal, String failure, String createdBy,
                         Instant createdAt, Instant startedAt, String decidedBy, Instant decidedAt, Note note,
                         String node, Instant heartbeat, boolean stopRequested) {

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

        Request request() {
            return new Request(day, depart, backBy, replan, limitSeconds);
        }
    }

    /** A request in this node's queue or solver. */
    private static final class Job {
        final long id;
        final PlanningBoard.Day day;
        final Solver<RoutePlan> solver;
        volatile Instant began;
        /** Discarded, or no longer this node's: whatever the solver finds is dropped. */
        volatile boolean cancelled;
        /** Stopped because this node shuts down. */
        volatile boolean shutdown;
        /** The best proposal found that was not stored yet (the writes are spaced out). */
        volatile Proposal unsaved;
        volatile Instant lastWrite;

        Job(long id, PlanningBoard.Day day, Solver<RoutePlan> solver) {
            this.id = id;
            this.day = day;
            this.solver = solver;
        }

        void stop() {
            if (!solver.isTerminateEarly()) {
                solver.terminateEarly();
            }
        }
    }

    private final PlanningBoard board;
    private final RouteOptimiser optimiser;
    private final RoutingSettings settings;
    private final ProposalStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final SolutionManager<RoutePlan, HardMediumSoftLongScore> analyser;
    /** Who this node is to the other nodes: new with every start of the application. */
    private final String node;
    /** One optimisation at a time on this node; others wait their turn. */
    private volatile ExecutorService worker = newWorker();
    private volatile ScheduledExecutorService heartbeats = newHeartbeats();
    private final Map<Duration, SolverFactory<RoutePlan>> factories = new ConcurrentHashMap<>();
    /** The requests in this node's queue or solver. */
    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    private volatile boolean lifecycleRunning;
    private volatile boolean stopping;
    /** For tests: this node behaves as if its machine was switched off. */
    private volatile boolean halted;

    @Autowired
    DayPlanner(PlanningBoard board, RouteOptimiser optimiser, ProposalStore store, AuditLog audit, Clock clock) {
        this(board, optimiser, store, audit, clock, nodeName());
    }

    DayPlanner(PlanningBoard board, RouteOptimiser optimiser, ProposalStore store, AuditLog audit, Clock clock,
               String node) {
        this.board = board;
        this.optimiser = optimiser;
        this.settings = optimiser.settings();
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.node = node;
        this.analyser = SolutionManager.create(factory(settings.dayTimeLimit()));
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "routing-day-planner");
            thread.setDaemon(true);
            return thread;
        });
    }

    private static ScheduledExecutorService newHeartbeats() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "routing-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
    }

    private static String nodeName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "node");
        String name = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() <= 64 ? name : name.substring(name.length() - 64);
    }

    /** A solver set up for this time: the search cools down over the whole of it. */
    private SolverFactory<RoutePlan> factory(Duration limit) {
        return factories.computeIfAbsent(limit, Solvers::factory);
    }

    String node() {
        return node;
    }

    // ---- this node's life

    /** Starts the heartbeat and takes over what lost nodes left. */
    @Override
    public void start() {
        if (halted) {
            return;
        }
        // a context can be stopped and started again (Spring pauses cached test contexts): fresh threads then
        if (worker.isShutdown()) {
            worker = newWorker();
        }
        if (heartbeats.isShutdown()) {
            heartbeats = newHeartbeats();
        }
        stopping = false;
        lifecycleRunning = true;
        long every = settings.heartbeat().toMillis();
        heartbeats.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        try {
            recoverLost();
        } catch (RuntimeException e) {
            LOG.warn("Looking for optimisations of lost nodes failed; the recurring job tries again", e);
        }
    }

    /**
     * The node shuts down (SIGTERM in a rolling deploy, or the application closes), before the
     * database connections close: running solvers stop early and store their best plan, with a
     * note; waiting requests go back to wait for any node.
     */
    @Override
    public void stop() {
        stopping = true;
        lifecycleRunning = false;
        jobs.values().forEach(job -> {
            if (job.began != null) {
                job.shutdown = true;
                job.stop();
            }
        });
        worker.shutdown();
        try {
            if (!worker.awaitTermination(settings.shutdownWait().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Optimisations still busy after {}; other nodes take them over", settings.shutdownWait());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        heartbeats.shutdownNow();
        if (!halted) {
            jobs.values().forEach(job -> {
                if (job.began == null) {
                    handBack(job);
                }
            });
        }
    }

    @Override
    public boolean isRunning() {
        return lifecycleRunning;
    }

    /** Before the web server stops taking requests, and long before the database connections close. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    /**
     * For tests: this node goes quiet as if its machine was switched off: no more heartbeats and no
     * more writes; its solver is stopped only so that its thread ends.
     */
    void halt() {
        halted = true;
        heartbeats.shutdownNow();
        jobs.values().forEach(job -> {
            job.cancelled = true;
            job.stop();
        });
        worker.shutdownNow();
        try {
            // a write under way when the machine went off is the last one
            heartbeats.awaitTermination(10, TimeUnit.SECONDS);
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether this node has the request in its queue or solver. */
    boolean working(long id) {
        return jobs.containsKey(id);
    }

    /**
     * Every few seconds: this node is alive, stores the best plans not stored yet, and stops a
     * solver someone (on any node) asked to stop or discarded.
     */
    void heartbeat() {
        if (halted || jobs.isEmpty()) {
            return;
        }
        try {
            // only the requests asked about: one queued meanwhile is not in the answer, and not lost
            List<Long> ids = new ArrayList<>(jobs.keySet());
            Map<Long, Boolean> alive = store.heartbeat(node, ids, clock.instant());
            for (long id : ids) {
                Job job = jobs.get(id);
                if (job == null) {
                    continue;
                }
                Boolean stopAsked = alive.get(id);
                if (stopAsked == null) {
                    // discarded, or taken over by another node after a long pause of this one
                    job.cancelled = true;
                    job.stop();
                } else if (stopAsked && job.began != null) {
                    job.stop();
                } else if (stopping && job.began != null) {
                    // began just as this node started to shut down
                    job.shutdown = true;
                    job.stop();
                }
                Proposal unsaved = job.unsaved;
                if (unsaved != null && !job.cancelled) {
                    job.unsaved = null;
                    job.lastWrite = clock.instant();
                    store.write(job.id, node, unsaved, false, null, job.lastWrite);
                }
            }
        } catch (RuntimeException e) {
            // the next beat tries again; after nodeLostAfter the others take over
            LOG.warn("Routing heartbeat failed", e);
        }
    }

    /**
     * What the recurring job, every page that shows a request and every node that starts do: settles
     * the requests of lost nodes: a solving one keeps its best plan so far, or fails when it had
     * none, and a waiting one joins the queue of this node.
     *
     * @return how many were settled or taken over
     */
    public int recoverLost() {
        if (halted || stopping) {
            return 0;
        }
        Instant now = clock.instant();
        int settled = 0;
        for (long id : store.lost(now, now.minus(settings.nodeLostAfter()))) {
            settled += recover(id, now) ? 1 : 0;
        }
        return settled;
    }

    private boolean recover(long id, Instant now) {
        Instant cutoff = now.minus(settings.nodeLostAfter());
        Optional<Status> settled = store.settleLost(id, LOST, now, cutoff);
        if (settled.isPresent()) {
            LOG.warn("Proposal {}: its node was lost; {}", id, settled.get() == Status.READY
                    ? "its best plan so far is the proposal" : "it had no plan yet and failed");
            if (settled.get() == Status.READY) {
                store.find(id).ifPresent(this::explainRecovered);
            }
            return true;
        }
        Optional<Stored> waiting = store.find(id).filter(stored -> stored.status() == Status.WAITING);
        if (waiting.isEmpty() || !store.claim(id, node, now, cutoff)) {
            return false;
        }
        Stored stored = waiting.get();
        try {
            Map<Long, PlanningBoard.Truck> byId = new HashMap<>();
            stored.input().day().trucks().forEach(t -> byId.put(t.vehicleId(), t));
            List<PlanningBoard.Truck> trucks = stored.input().trucks().stream().map(byId::get)
                    .filter(java.util.Objects::nonNull).toList();
            RoutePlan plan = model(stored.request(), stored.input().day(), trucks);
            queue(id, stored.input().day(), plan, Duration.ofSeconds(stored.limitSeconds()));
            LOG.info("Proposal {} for {} taken over from a node that is gone", id, stored.day());
        } catch (RuntimeException e) {
            failed(id, e);
        }
        return true;
    }

    /**
     * A best-so-far snapshot has no reasons yet (they are worked out when solving ends): works them
     * out here, from the day as read and the trips of the proposal. Without them it is still a proposal.
     */
    private void explainRecovered(Stored stored) {
        Proposal proposal = stored.proposal();
        if (proposal == null || !proposal.reasons().isEmpty()) {
            return;
        }
        try {
            PlanningBoard.Day day = stored.input().day();
            Map<Long, PlanningBoard.Truck> byId = new HashMap<>();
            day.trucks().forEach(t -> byId.put(t.vehicleId(), t));
            List<PlanningBoard.Truck> trucks = stored.input().trucks().stream().map(byId::get)
                    .filter(java.util.Objects::nonNull).toList();
            RoutePlan plan = model(stored.request(), day, trucks);
            Map<Long, Visit> visits = new HashMap<>();
            plan.getVisits().forEach(v -> visits.put(v.getId(), v));
            Map<Long, Route> routes = new HashMap<>();
            plan.getRoutes().forEach(r -> routes.put(r.getId(), r));
            for (Proposal.Trip trip : proposal.trips()) {
                Route route = routes.get(trip.vehicleId());
                List<Visit> order = trip.stops().stream().map(st -> visits.get(st.delivery().orderId())).toList();
                if (route == null || order.contains(null)) {
                    return;
                }
                route.setVisits(new ArrayList<>(order));
            }
            Map<Long, String> references = new HashMap<>();
            day.deliveries().forEach(d -> references.put(d.orderId(), d.reference()));
            List<Proposal.Reason> reasons = Explanations.of(plan, analyser,
                    orderId -> references.getOrDefault(orderId, "?"));
            store.explained(stored.id(), new Proposal(proposal.trips(), proposal.leftOff(), reasons, proposal.metres(),
                    proposal.seconds(), proposal.feasible()), clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("Explaining recovered proposal {} failed; it is shown without reasons", stored.id(), e);
        }
    }

    private void handBack(Job job) {
        try {
            store.handBack(job.id, node, clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("Handing proposal {} back failed; it is taken over when this node is missed", job.id, e);
        }
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
        // a node that shuts down takes no new work: the request waits for another node
        long id = store.insert(request, limit, input, by, stopping ? null : node, now);
        if (!stopping) {
            queue(id, day, plan, limit);
        }
        return id;
    }

    /** Puts a request of this node in its queue. */
    private void queue(long id, PlanningBoard.Day day, RoutePlan plan, Duration limit) {
        try {
            Solver<RoutePlan> solver = factory(limit).buildSolver();
            Job job = new Job(id, day, solver);
            solver.addEventListener(event -> improved(job, event.getNewBestSolution(), false));
            jobs.put(id, job);
            worker.submit(() -> solve(job, plan));
        } catch (RuntimeException e) {
            Job job = jobs.remove(id);
            if (job != null && stopping) {
                handBack(job);
            } else {
                failed(id, e);
            }
        }
    }

    private void solve(Job job, RoutePlan plan) {
        long id = job.id;
        try {
            if (job.cancelled || halted) {
                return;
            }
            if (stopping) {
                handBack(job);
                return;
            }
            job.began = clock.instant();
            if (!store.started(id, node, job.began)) {
                // discarded while it waited, or taken over by another node
                return;
            }
            // better plans found along the way become the page's "best so far"
            RoutePlan best = RuinRecreatePhase.reporting(better -> improved(job, better, false),
                    () -> job.solver.solve(plan));
            if (job.shutdown && job.lastWrite == null && job.unsaved == null) {
                // stopped by the shutdown before it had anything to show: another node starts it again
                handBack(job);
            } else {
                improved(job, best, true);
            }
        } catch (RuntimeException e) {
            if (!job.cancelled) {
                failed(id, e);
            }
        } finally {
            jobs.remove(id);
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

    private void improved(Job job, RoutePlan plan, boolean last) {
        if (job.cancelled || halted) {
            return;
        }
        if (!last && plan.getRoutes().stream().noneMatch(Route::used)) {
            // the empty plan the solver starts from is nobody's idea of progress
            return;
        }
        long id = job.id;
        PlanningBoard.Day day = job.day;
        Instant now = clock.instant();
        Instant previous = job.lastWrite;
        boolean early = previous != null && Duration.between(previous, now).compareTo(PROGRESS_EVERY) < 0;
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
            Instant began = job.began;
            Proposal proposal = Proposal.of(plan, day, reasons, began == null ? 0 : Duration.between(began, now).toSeconds());
            if (!last && early) {
                // the next heartbeat stores it, unless a better one comes first
                job.unsaved = proposal;
                return;
            }
            job.unsaved = null;
            job.lastWrite = now;
            boolean stored = store.write(id, node, proposal, last, last && job.shutdown ? Note.RESTARTED : null, now);
            if (last && stored) {
                LOG.info("Proposal {} for {} ready{}: {} trips, {} km, {} late, {} left off ({})", id, day.day(),
                        job.shutdown ? " (stopped early: this node shuts down)" : "", proposal.trucks(),
                        proposal.kilometres(), proposal.lateStops(), proposal.leftOff().size(), plan.getScore());
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
        if (halted) {
            return;
        }
        LOG.warn("Optimising proposal {} failed", id, failure);
        store.failed(id, node, String.valueOf(failure.getMessage()), clock.instant());
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
     * A request whose node is gone is settled when someone looks at it, so a planner watching it
     * learns within seconds, and a day is never blocked by a node that is gone. One in this node's
     * queue or solver is left alone.
     */
    private Stored settle(Stored stored) {
        if (!stored.status().running() || jobs.containsKey(stored.id()) || node.equals(stored.node())) {
            return stored;
        }
        Instant now = clock.instant();
        boolean handedBack = stored.node() == null && stored.heartbeat() != null;
        boolean silent = stored.node() != null && stored.heartbeat() != null
                && stored.heartbeat().isBefore(now.minus(settings.nodeLostAfter()));
        boolean old = stored.node() == null && stored.heartbeat() == null;
        if ((handedBack || silent || old) && !halted && !stopping && recover(stored.id(), now)) {
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

    // ---- deciding (applying a proposal is ProposalDecisions')

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
            // the node that solves it, this one or another, reads this with its next heartbeat
            store.requestStop(id, clock.instant());
            Job job = jobs.get(id);
            if (job != null) {
                job.stop();
            }
        }
    }

    private void stopSolving(long id) {
        Job job = jobs.get(id);
        if (job != null) {
            job.cancelled = true;
            job.stop();
        }
    }
}
