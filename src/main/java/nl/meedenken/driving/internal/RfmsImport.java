package nl.meedenken.driving.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One poll of an rFMS server: the vehicle list, the positions and the statuses received since the
 * last poll, taken in through {@link Telemetry}. Where the next poll starts is kept per resource in
 * {@code driving_cursor}: after a complete walk it is the server's {@code requestServerDateTime} of
 * the first request (the standard's advice, so nothing is lost; statuses fetched twice are refused
 * as duplicates); after a walk that stopped early it is the point up to which everything was taken
 * in. Without a cursor the first poll reads {@link #FIRST_RUN} back.
 * <p>
 * A poll never throws because of what the server sends or does: unreadable documents, vehicles,
 * positions and statuses are recorded as problems of the import, and a refusal, a time-out or too
 * many 429s end the poll with the reason recorded as the import's failure. Polls in one JVM wait
 * for each other; across nodes the scheduler runs one at a time and {@link Telemetry} locks ingest.
 */
@Service
public class RfmsImport {

    /** How far back the very first poll reads, when no cursor exists yet. */
    public static final Duration FIRST_RUN = Duration.ofDays(14);
    /** The name of the recurring import job. */
    public static final String TASK = "driving-rfms-import";
    static final String STATUSES = "statuses";
    static final String POSITIONS = "positions";
    /** Statuses per page when the simulator is read in-process. */
    static final int SIMULATED_PAGE = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(RfmsImport.class);

    private final Telemetry telemetry;
    private final DrivingSettings settings;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ReentrantLock polling = new ReentrantLock();

    RfmsImport(Telemetry telemetry, DrivingSettings settings, JdbcClient jdbc, Clock clock) {
        this.telemetry = telemetry;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One poll of the configured server ({@code meedenken.driving.rfms-url}). */
    public Telemetry.Counts run(String by) {
        if (!settings.rfmsConfigured()) {
            throw new IllegalStateException("no rFMS server configured (meedenken.driving.rfms-url is empty)");
        }
        return run(RfmsClient.http(settings, RfmsClient.Sleeper.REAL), by);
    }

    /** One poll of the configured server, unless a poll or import is going on now (then empty, and nothing happens). */
    public java.util.Optional<Telemetry.Counts> runUnlessRunning(String by) {
        if (!settings.rfmsConfigured()) {
            throw new IllegalStateException("no rFMS server configured (meedenken.driving.rfms-url is empty)");
        }
        return runUnlessRunning(RfmsClient.http(settings, RfmsClient.Sleeper.REAL), by);
    }

    java.util.Optional<Telemetry.Counts> runUnlessRunning(RfmsClient client, String by) {
        if (!polling.tryLock()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(run(client, by));
        } finally {
            polling.unlock();
        }
    }

    /** One poll through the given client, from the cursors to whatever the server has now. */
    Telemetry.Counts run(RfmsClient client, String by) {
        polling.lock();
        try {
            Instant firstRun = clock.instant().minus(FIRST_RUN);
            return poll(client, Telemetry.Source.RFMS, cursor(STATUSES).orElse(firstRun),
                    cursor(POSITIONS).orElse(firstRun), null, by);
        } finally {
            polling.unlock();
        }
    }

    /**
     * Takes in what the simulator holds from {@code from} up to (not including) {@code to}, in-process, page by page exactly
     * as a poll over HTTP would, as a demo import. Afterwards both cursors stand at {@code to}, so the
     * first poll of the simulator over HTTP carries on from there.
     */
    public Telemetry.Counts importSimulated(RfmsSimulator simulator, Instant from, Instant to, String by) {
        polling.lock();
        try {
            RfmsClient client = new RfmsClient(RfmsClient.simulated(simulator, to, SIMULATED_PAGE));
            return poll(client, Telemetry.Source.DEMO, from, from, to, by);
        } finally {
            polling.unlock();
        }
    }

    /**
     * Reads vehicles, positions from {@code positionsFrom} and statuses from {@code statusesFrom} (up to
     * {@code stop}, or as far as the server goes when null) and moves the cursors.
     */
    Telemetry.Counts poll(RfmsClient client, Telemetry.Source source, Instant statusesFrom, Instant positionsFrom,
                          Instant stop, String by) {
        long importId = telemetry.open(source, by);
        Telemetry.Counts[] total = {Telemetry.Counts.NONE};
        List<String> failures = new ArrayList<>();
        try {
            RfmsClient.Vehicles vehicles = client.vehicles();
            telemetry.register(vehicles.vehicles());
            if (!vehicles.problems().isEmpty()) {
                total[0] = total[0].plus(telemetry.take(importId, List.of(), vehicles.problems()));
            }

            RfmsClient.Walk positions = client.positions(positionsFrom, stop, page -> {
                telemetry.positions(latestPerVehicle(page.positions()));
                if (!page.problems().isEmpty()) {
                    total[0] = total[0].plus(telemetry.take(importId, List.of(), page.problems()));
                }
            });
            move(POSITIONS, positions, stop);
            if (!positions.complete()) {
                failures.add("positions: " + positions.failure());
            }

            RfmsClient.Walk statuses = client.statuses(statusesFrom, stop,
                    page -> total[0] = total[0].plus(telemetry.take(importId, page.readings(), page.problems())));
            move(STATUSES, statuses, stop);
            if (!statuses.complete()) {
                failures.add("statuses: " + statuses.failure());
            }
        } catch (RfmsClient.Failure e) {
            failures.add(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("rFMS import {} stopped", importId, e);
            failures.add("stopped by an error: " + e);
        }
        String failure = failures.isEmpty() ? null : String.join("; ", failures);
        if (failure != null) {
            LOG.warn("rFMS import {} ({}) did not finish: {}", importId, source, failure);
        }
        telemetry.close(importId, failure);
        return total[0];
    }

    private void move(String resource, RfmsClient.Walk walk, Instant stop) {
        Instant next;
        if (!walk.complete()) {
            next = walk.reached();
        } else if (stop != null) {
            next = stop;
        } else {
            next = walk.serverTime() != null ? walk.serverTime() : walk.reached();
        }
        cursor(resource, next);
    }

    /** Where the next poll of a resource ({@value #STATUSES} or {@value #POSITIONS}) starts, if it is known. */
    Optional<Instant> cursor(String resource) {
        return jdbc.sql("select starttime from driving_cursor where resource = :resource").param("resource", resource)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    void cursor(String resource, Instant starttime) {
        jdbc.sql("""
                        insert into driving_cursor (resource, starttime) values (:resource, :starttime)
                        on conflict (resource) do update set starttime = excluded.starttime
                        """)
                .param("resource", resource).param("starttime", Timestamp.from(starttime)).update();
    }

    /** Only the latest position of a vehicle is kept, so only that one needs to go to the database. */
    private static List<RfmsJson.Position> latestPerVehicle(List<RfmsJson.Position> positions) {
        java.util.Map<String, RfmsJson.Position> latest = new java.util.LinkedHashMap<>();
        for (RfmsJson.Position p : positions) {
            latest.merge(p.vin(), p, (a, b) -> b.created().isAfter(a.created()) ? b : a);
        }
        return new ArrayList<>(latest.values());
    }

}
