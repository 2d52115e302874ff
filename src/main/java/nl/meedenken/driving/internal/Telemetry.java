package nl.meedenken.driving.internal;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes vehicle statuses in. Each status is compared with the last one taken in for its vehicle;
 * the growth of the counters in between becomes one interval. Duplicates, statuses older than the
 * last one, unknown vehicles, counters that went down and impossible jumps are refused and counted,
 * so nothing is counted twice and nothing stops an import.
 */
@Service
public class Telemetry {

    public enum Source { RFMS, CSV, DEMO }

    /** What one batch took in and refused. */
    public record Counts(int accepted, int duplicates, int unknown, int backwards, int malformed, int implausible) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

        public Counts plus(Counts o) {
            return new Counts(accepted + o.accepted, duplicates + o.duplicates, unknown + o.unknown, backwards + o.backwards,
                    malformed + o.malformed, implausible + o.implausible);
        }

        public int refused() {
            return duplicates + unknown + backwards + malformed + implausible;
        }
    }

    /** A truck does not drive faster than this on average between two statuses, nor burn more than this. */
    static final double MAX_AVERAGE_KMH = 130;
    static final double MAX_LITRES_PER_HOUR = 120;
    /** A status made later than this after now is refused: one wrong clock would otherwise block the vehicle. */
    static final Duration FUTURE = Duration.ofHours(1);
    private static final int PROBLEMS_KEPT = 200;
    private static final long LOCK = 0x6472_6976_696e_67L; // "driving"

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Telemetry(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Starts the record of an import. */
    public long open(Source source, String by) {
        return jdbc.sql("insert into driving_import (source, started_at, started_by) values (:source, :now, :by) returning id")
                .param("source", source.name()).param("now", Timestamp.from(clock.instant())).param("by", by)
                .query(Long.class).single();
    }

    /** Ends the record of an import, with the reason when it stopped early. */
    public void close(long importId, String failure) {
        jdbc.sql("update driving_import set finished_at = :now, failure = :failure where id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("failure", failure == null ? null : failure.length() > 500 ? failure.substring(0, 500) : failure)
                .param("id", importId).update();
    }

    /** Adds or renames vehicles from an rFMS vehicle list or an admin's form. */
    public void register(List<RfmsJson.Vehicle> vehicles) {
        Timestamp now = Timestamp.from(clock.instant());
        for (RfmsJson.Vehicle v : vehicles) {
            jdbc.sql("""
                            insert into driving_vehicle (vin, name, brand, model, first_seen_at) values (:vin, :name, :brand, :model, :now)
                            on conflict (vin) do update set name = coalesce(excluded.name, driving_vehicle.name),
                                brand = coalesce(excluded.brand, driving_vehicle.brand),
                                model = coalesce(excluded.model, driving_vehicle.model)
                            """)
                    .param("vin", v.vin().toUpperCase(java.util.Locale.ROOT)).param("name", v.name()).param("brand", v.brand()).param("model", v.model())
                    .param("now", now).update();
        }
    }

    /** Which of these VINs are known vehicles (in capitals). */
    public java.util.Set<String> known(java.util.Collection<String> vins) {
        if (vins.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("select vin from driving_vehicle where vin in (:vins)")
                .param("vins", vins.stream().map(v -> v.toUpperCase(java.util.Locale.ROOT)).distinct().toList())
                .query(String.class).list());
    }

    /** Keeps the latest known position of each vehicle; older positions are ignored. */
    public int positions(List<RfmsJson.Position> positions) {
        int stored = 0;
        for (RfmsJson.Position p : positions) {
            stored += jdbc.sql("""
                            update driving_vehicle set position_at = :at, latitude = :lat, longitude = :lon, speed = :speed
                            where vin = :vin and (position_at is null or position_at < :at)
                            """)
                    .param("at", Timestamp.from(p.created())).param("lat", p.latitude()).param("lon", p.longitude())
                    .param("speed", p.speed()).param("vin", p.vin().toUpperCase(java.util.Locale.ROOT)).update();
        }
        return stored;
    }

    /**
     * Takes one batch in, in one transaction, and adds its counts to the import. Batches are taken in
     * one at a time across all nodes (a database lock), so two imports never compare with the same baseline.
     */
    public Counts take(long importId, List<Reading> readings, List<Problem> parseProblems) {
        return transaction.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", LOCK).query(Object.class).optional();
            Instant latest = clock.instant().plus(FUTURE);
            List<Problem> problems = new ArrayList<>(parseProblems);
            // PostgreSQL keeps microseconds and VINs are compared as stored: read both the way they are kept
            List<Reading> sorted = new ArrayList<>(readings.size());
            for (Reading r : readings) {
                sorted.add(normal(r));
            }
            sorted.sort(Comparator.comparing(Reading::vin).thenComparing(Reading::created));
            Map<String, Baseline> baselines = baselines(sorted);
            List<Interval> intervals = new ArrayList<>();
            Set<String> cards = new LinkedHashSet<>();
            int accepted = 0;
            for (Reading r : sorted) {
                Baseline base = baselines.get(r.vin());
                if (base == null) {
                    problems.add(new Problem(Problem.Reason.UNKNOWN, r.vin(), "vehicle not in the vehicle list"));
                    continue;
                }
                if (r.created().isAfter(latest)) {
                    problems.add(new Problem(Problem.Reason.IMPLAUSIBLE, r.vin(), "status of " + r.created()
                            + " was made in the future; the vehicle's clock or the data is wrong"));
                    continue;
                }
                if (base.created != null && !r.created().isAfter(base.created)) {
                    problems.add(new Problem(Problem.Reason.DUPLICATE, r.vin(), r.created().equals(base.created)
                            ? "status of " + r.created() + " was already taken in"
                            : "status of " + r.created() + " is older than the last one taken in (" + base.created + ")"));
                    continue;
                }
                if (r.card() != null) {
                    cards.add(r.card());
                }
                if (base.counters == null) {
                    base.start(r);
                    accepted++;
                    continue;
                }
                long[] delta = new long[Counters.SIZE];
                int wentDown = -1;
                for (int i = 0; i < Counters.SIZE; i++) {
                    delta[i] = r.counters()[i] - base.counters[i];
                    if (delta[i] < 0 && wentDown < 0) {
                        wentDown = i;
                    }
                }
                if (wentDown >= 0) {
                    problems.add(new Problem(Problem.Reason.BACKWARDS, r.vin(), counterName(wentDown) + " went from "
                            + base.counters[wentDown] + " to " + r.counters()[wentDown] + " at " + r.created()
                            + "; counting starts again from this status"));
                    base.start(r);
                    continue;
                }
                double hours = Duration.between(base.created, r.created()).toMillis() / 3_600_000.0;
                String impossible = impossible(delta, hours);
                if (impossible != null) {
                    problems.add(new Problem(Problem.Reason.IMPLAUSIBLE, r.vin(), impossible + " between " + base.created
                            + " and " + r.created() + "; counting starts again from this status"));
                    base.start(r);
                    continue;
                }
                intervals.add(new Interval(r.vin(), base.created, r.created(), base.card != null ? base.card : r.card(), delta));
                base.start(r);
                accepted++;
            }
            copy(intervals);
            save(baselines.values());
            for (String card : cards) {
                jdbc.sql("insert into driving_card (card, first_seen_at) values (:card, :now) on conflict (card) do nothing")
                        .param("card", card).param("now", Timestamp.from(clock.instant())).update();
            }
            Counts counts = new Counts(accepted, count(problems, Problem.Reason.DUPLICATE), count(problems, Problem.Reason.UNKNOWN),
                    count(problems, Problem.Reason.BACKWARDS), count(problems, Problem.Reason.MALFORMED),
                    count(problems, Problem.Reason.IMPLAUSIBLE));
            record(importId, counts, problems);
            return counts;
        });
    }

    private static Reading normal(Reading r) {
        Instant created = r.created().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        String vin = r.vin().toUpperCase(java.util.Locale.ROOT);
        if (created.equals(r.created()) && vin.equals(r.vin())) {
            return r;
        }
        return new Reading(vin, created, r.received(), r.card(), r.counters());
    }

    private static String impossible(long[] delta, double hours) {
        double km = delta[Counters.ODOMETER_M] / 1000.0;
        double litres = delta[Counters.FUEL_ML] / 1000.0;
        double allowedHours = Math.max(hours, 1 / 60.0);
        if (km > MAX_AVERAGE_KMH * allowedHours + 1) {
            return String.format(java.util.Locale.ROOT, "%.1f km in %.2f h", km, hours);
        }
        if (litres > MAX_LITRES_PER_HOUR * allowedHours + 1) {
            return String.format(java.util.Locale.ROOT, "%.1f l of fuel in %.2f h", litres, hours);
        }
        for (long d : delta) {
            if (d > Integer.MAX_VALUE) {
                return "a counter grew by more than can be stored";
            }
        }
        // the other counters cannot outgrow the time or the distance in between (a counter that was
        // missing or reset in the status before would otherwise bring its whole lifetime into one interval)
        double seconds = hours * 3600;
        double engineSeconds = seconds * 1.05 + 120;
        if (delta[Counters.MOVING_S] + delta[Counters.IDLE_S] > engineSeconds) {
            return String.format(java.util.Locale.ROOT, "%d s of driving and standing in %.0f s",
                    delta[Counters.MOVING_S] + delta[Counters.IDLE_S], seconds);
        }
        if (delta[Counters.IDLE_FUEL_ML] > delta[Counters.FUEL_ML] + 1000) {
            return "more fuel used standing still than in all (" + delta[Counters.IDLE_FUEL_ML] + " ml of "
                    + delta[Counters.FUEL_ML] + " ml)";
        }
        double road = delta[Counters.ODOMETER_M] * 1.1 + 1000;
        for (int i = Counters.CRUISE_M; i < Counters.SIZE; i++) {
            boolean time = i >= Counters.BRAKE_S && i < Counters.SPEED_M;
            if (delta[i] <= (time ? engineSeconds : road)) {
                continue;
            }
            return time ? String.format(java.util.Locale.ROOT, "%s grew by %d s in %.0f s", counterName(i), delta[i], seconds)
                    : counterName(i) + " grew by " + delta[i] + " m over " + delta[Counters.ODOMETER_M] + " m driven";
        }
        return null;
    }

    private static String counterName(int index) {
        if (index == Counters.ODOMETER_M) {
            return "hrTotalVehicleDistance";
        }
        if (index == Counters.FUEL_ML) {
            return "engineTotalFuelUsed";
        }
        if (index == Counters.MOVING_S) {
            return "durationWheelbasedSpeedOverZero";
        }
        if (index == Counters.IDLE_S) {
            return "durationWheelbasedSpeedZero";
        }
        if (index == Counters.IDLE_FUEL_ML) {
            return "fuelWheelbasedSpeedZero";
        }
        if (index == Counters.CRUISE_M) {
            return "distanceCruiseControlActive";
        }
        if (index == Counters.COAST_M) {
            return "drivingWithoutTorqueClass";
        }
        if (index < Counters.ACCEL_S && index >= Counters.BRAKE_S) {
            return "accelerationDuringBrakeClass";
        }
        if (index < Counters.SPEED_M && index >= Counters.ACCEL_S) {
            return "accelerationClass";
        }
        return "vehicleSpeedClass";
    }

    private static int count(List<Problem> problems, Problem.Reason reason) {
        int n = 0;
        for (Problem p : problems) {
            if (p.reason() == reason) {
                n++;
            }
        }
        return n;
    }

    private Map<String, Baseline> baselines(List<Reading> readings) {
        Set<String> vins = new LinkedHashSet<>();
        readings.forEach(r -> vins.add(r.vin()));
        Map<String, Baseline> baselines = new HashMap<>();
        if (vins.isEmpty()) {
            return baselines;
        }
        jdbc.sql("select vin, last_created_at, last_card, last_counters from driving_vehicle where vin in (:vins)")
                .param("vins", vins).query((rs, n) -> {
                    Timestamp created = rs.getTimestamp("last_created_at");
                    Array array = rs.getArray("last_counters");
                    long[] counters = null;
                    if (array != null) {
                        Object[] values = (Object[]) array.getArray();
                        if (values.length == Counters.SIZE) {
                            counters = new long[values.length];
                            for (int i = 0; i < values.length; i++) {
                                counters[i] = ((Number) values[i]).longValue();
                            }
                        }
                    }
                    Baseline b = new Baseline(rs.getString("vin"), created == null ? null : created.toInstant(),
                            rs.getString("last_card"), counters);
                    baselines.put(b.vin, b);
                    return b;
                }).list();
        return baselines;
    }

    private void save(Iterable<Baseline> baselines) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement update = connection.prepareStatement(
                "update driving_vehicle set last_created_at = ?, last_card = ?, last_counters = ? where vin = ?")) {
            for (Baseline b : baselines) {
                if (!b.changed) {
                    continue;
                }
                Long[] boxed = new Long[b.counters.length];
                for (int i = 0; i < boxed.length; i++) {
                    boxed[i] = b.counters[i];
                }
                update.setTimestamp(1, Timestamp.from(b.created));
                update.setString(2, b.card);
                update.setArray(3, connection.createArrayOf("bigint", boxed));
                update.setString(4, b.vin);
                update.addBatch();
            }
            update.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the vehicles' last statuses", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Writes intervals with PostgreSQL's COPY, the fastest way in. */
    private void copy(List<Interval> intervals) {
        if (intervals.isEmpty()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            var copy = pg.getCopyAPI().copyIn("""
                    copy driving_interval (vin, started_at, ended_at, card, distance_m, fuel_ml, moving_s, idle_s, idle_fuel_ml,
                    cruise_m, coast_m, speed_total_m, brake_s, accel_s, speed_m) from stdin""");
            StringBuilder line = new StringBuilder(512);
            byte[] bytes;
            try {
                for (Interval i : intervals) {
                    line.setLength(0);
                    line.append(i.vin).append('\t').append(i.started).append('\t').append(i.ended).append('\t');
                    if (i.card == null) {
                        line.append("\\N");
                    } else {
                        escape(line, i.card);
                    }
                    long[] d = i.delta;
                    line.append('\t').append(d[Counters.ODOMETER_M]).append('\t').append(d[Counters.FUEL_ML])
                            .append('\t').append(d[Counters.MOVING_S]).append('\t').append(d[Counters.IDLE_S])
                            .append('\t').append(d[Counters.IDLE_FUEL_ML]).append('\t').append(d[Counters.CRUISE_M])
                            .append('\t').append(d[Counters.COAST_M]).append('\t').append(d[Counters.SPEED_TOTAL_M]).append('\t');
                    array(line, d, Counters.BRAKE_S, Counters.HARSH_EDGES.length).append('\t');
                    array(line, d, Counters.ACCEL_S, Counters.HARSH_EDGES.length).append('\t');
                    array(line, d, Counters.SPEED_M, Counters.SPEED_EDGES).append('\n');
                    bytes = line.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                }
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not write driving intervals", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static StringBuilder array(StringBuilder line, long[] values, int from, int length) {
        line.append('{');
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(values[from + i]);
        }
        return line.append('}');
    }

    private static void escape(StringBuilder line, String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(ch);
            }
        }
    }

    private void record(long importId, Counts counts, List<Problem> problems) {
        jdbc.sql("""
                        update driving_import set accepted = accepted + :accepted, duplicates = duplicates + :duplicates,
                            unknown_vehicle = unknown_vehicle + :unknown, backwards = backwards + :backwards,
                            malformed = malformed + :malformed, implausible = implausible + :implausible
                        where id = :id
                        """)
                .param("accepted", counts.accepted()).param("duplicates", counts.duplicates()).param("unknown", counts.unknown())
                .param("backwards", counts.backwards()).param("malformed", counts.malformed())
                .param("implausible", counts.implausible()).param("id", importId).update();
        if (problems.isEmpty()) {
            return;
        }
        int kept = jdbc.sql("select count(*) from driving_import_problem where import_id = :id").param("id", importId)
                .query(Integer.class).single();
        for (Problem p : problems) {
            if (kept >= PROBLEMS_KEPT) {
                break;
            }
            kept++;
            jdbc.sql("insert into driving_import_problem (import_id, n, reason, vin, detail) values (:id, :n, :reason, :vin, :detail)")
                    .param("id", importId).param("n", kept).param("reason", p.reason().name()).param("vin", p.vin())
                    .param("detail", p.detail()).update();
        }
    }

    private record Interval(String vin, Instant started, Instant ended, String card, long[] delta) {
    }

    private static final class Baseline {
        final String vin;
        Instant created;
        String card;
        long[] counters;
        boolean changed;

        Baseline(String vin, Instant created, String card, long[] counters) {
            this.vin = vin;
            this.created = created;
            this.card = card;
            this.counters = counters;
        }

        void start(Reading r) {
            created = r.created();
            card = r.card();
            counters = r.counters();
            changed = true;
        }
    }
}
