package nl.meedenken.driving.internal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Not a test: how many vehicle statuses a second {@link Telemetry#take} takes in. 200,000 statuses
 * of 200 trucks (20 simulated fleets of 10), in batches of 5,000: once as readings already parsed,
 * once as rFMS documents of 1,000 statuses that are parsed as part of the measurement, and once
 * through {@link RfmsImport} as pages of 5,000 (which reads the next page while one is taken in).
 * Run as described in docs/benchmarks.md.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"meedenken.demo=false", "meedenken.embedded.database=benchmark",
        "meedenken.setup.admin-login=benchmark-admin", "meedenken.setup.admin-password=benchmark-password-1",
        "meedenken.setup.admin-name=Benchmark"})
class TelemetryIngestBenchmark {

    static final int FLEETS = Integer.getInteger("benchmark.fleets", 20);
    static final int PER_FLEET = Integer.getInteger("benchmark.statuses", 200_000) / FLEETS;
    static final int BATCH = 5_000;
    static final int DOCUMENT = 1_000;

    @Autowired
    Telemetry telemetry;
    @Autowired
    RfmsImport rfmsImport;

    final Random random = new Random(5000);
    final LocalDate firstDay = LocalDate.now(DrivingRecords.LOCAL).minusWeeks(11)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    final Instant now = Instant.now();

    @Test
    void twoHundredThousandStatusesOfTwoHundredTrucks() throws Exception {
        System.out.println("== " + FLEETS * PER_FLEET + " statuses of " + FLEETS * 10 + " trucks, batches of " + BATCH
                + ", " + Runtime.getRuntime().availableProcessors() + " processors");
        // warm-up: the same work at a tenth of the size, not measured
        ingestReadings(fleets(PER_FLEET / 10), "warm-up");
        ingestDocuments(fleets(PER_FLEET / 10), "warm-up");
        throughTheImport(fleets(PER_FLEET / 10), "warm-up");

        List<Fleet> forReadings = fleets(PER_FLEET);
        List<Fleet> forDocuments = fleets(PER_FLEET);
        jdk.jfr.Recording recording = System.getProperty("benchmark.profile") == null ? null
                : new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        if (recording != null) {
            recording.start();
        }
        ingestReadings(forReadings, "parsed readings");
        ingestDocuments(forDocuments, "rFMS documents, parsing included");
        throughTheImport(fleets(PER_FLEET), "through RfmsImport, reading ahead");
        if (recording != null) {
            recording.dump(Path.of(System.getProperty("benchmark.profile")));
            recording.close();
        }
    }

    /** A simulated fleet of 10 trucks under VINs and cards of its own, handing out pages of {@value #DOCUMENT} statuses. */
    final class Fleet {
        final RfmsSimulator simulator;
        final int statuses;
        Instant start = firstDay.atStartOfDay(DrivingRecords.LOCAL).toInstant();
        int held;
        boolean done;

        Fleet(int seed, int statuses) {
            List<String> vins = new ArrayList<>();
            for (int v = 0; v < 10; v++) {
                vins.add(TelemetryTest.freshVin());
            }
            this.simulator = new RfmsSimulator(seed, firstDay, vins,
                    String.format(Locale.ROOT, "NL%012d", random.nextLong(1_000_000_000_000L)));
            this.statuses = statuses;
            telemetry.register(vins.stream().map(vin -> new RfmsJson.Vehicle(vin, "benchmark", null, null)).toList());
        }

        /** The next page, or null when the fleet has handed out its statuses. */
        byte[] next() {
            if (done || held >= statuses) {
                return null;
            }
            byte[] page = simulator.statusesDocument(start, null, Math.min(DOCUMENT, statuses - held), now);
            RfmsJson.Statuses parsed = RfmsJson.statuses(page);
            held += parsed.readings().size();
            done = !parsed.moreDataAvailable();
            if (!done) {
                start = parsed.lastReceived().plusSeconds(1);
            }
            return page;
        }
    }

    private List<Fleet> fleets(int statuses) {
        List<Fleet> fleets = new ArrayList<>();
        for (int f = 0; f < FLEETS; f++) {
            fleets.add(new Fleet(f + 1, statuses));
        }
        return fleets;
    }

    private void ingestReadings(List<Fleet> fleets, String what) {
        List<Reading> all = new ArrayList<>();
        for (Fleet fleet : fleets) {
            for (byte[] page = fleet.next(); page != null; page = fleet.next()) {
                all.addAll(RfmsJson.statuses(page).readings());
            }
        }
        all.sort(Comparator.comparing(Reading::received));
        long importId = telemetry.open(Telemetry.Source.DEMO, "benchmark");
        List<Long> batches = new ArrayList<>();
        Telemetry.Counts total = Telemetry.Counts.NONE;
        long started = System.nanoTime();
        for (int from = 0; from < all.size(); from += BATCH) {
            long t = System.nanoTime();
            total = total.plus(telemetry.take(importId, all.subList(from, Math.min(all.size(), from + BATCH)), List.of()));
            batches.add(System.nanoTime() - t);
        }
        report(what, all.size(), System.nanoTime() - started, batches, total);
    }

    /** Five documents, one page of each of five fleets in turn, make one batch: parsed, then taken in. */
    private void ingestDocuments(List<Fleet> fleets, String what) {
        long importId = telemetry.open(Telemetry.Source.DEMO, "benchmark");
        List<Long> batches = new ArrayList<>();
        Telemetry.Counts total = Telemetry.Counts.NONE;
        int statuses = 0;
        long parsing = 0;
        long elapsed = 0;
        long bytes = 0;
        int turn = 0;
        while (true) {
            List<byte[]> documents = new ArrayList<>();
            for (int tries = 0; documents.size() < BATCH / DOCUMENT && tries < fleets.size(); tries++) {
                byte[] page = fleets.get(turn++ % fleets.size()).next(); // made by the simulator: not measured
                if (page != null) {
                    documents.add(page);
                    tries = -1;
                }
            }
            if (documents.isEmpty()) {
                break;
            }
            long t = System.nanoTime();
            List<Reading> readings = new ArrayList<>();
            List<Problem> problems = new ArrayList<>();
            for (byte[] document : documents) {
                RfmsJson.Statuses parsed = RfmsJson.statuses(document);
                readings.addAll(parsed.readings());
                problems.addAll(parsed.problems());
                bytes += document.length;
            }
            parsing += System.nanoTime() - t;
            statuses += readings.size();
            total = total.plus(telemetry.take(importId, readings, problems));
            long batch = System.nanoTime() - t;
            batches.add(batch);
            elapsed += batch;
        }
        report(what, statuses, elapsed, batches, total);
        System.out.printf(Locale.ROOT, "    of which parsing: %.1f s, %,.0f statuses/s; %,d bytes per status%n", parsing / 1e9,
                statuses / (parsing / 1e9), bytes / Math.max(1, statuses));
    }

    /**
     * Fleet by fleet, one poll of {@link RfmsImport} over pages of {@value #BATCH} statuses made beforehand
     * (so the simulator's work is not measured): the client reads the next page while one is taken in.
     */
    private void throughTheImport(List<Fleet> fleets, String what) {
        byte[] noVehicles = "{\"vehicleResponse\":{\"vehicles\":[]},\"moreDataAvailable\":false}".getBytes(StandardCharsets.UTF_8);
        byte[] noPositions = ("{\"vehiclePositionResponse\":{\"vehiclePositions\":[]},\"moreDataAvailable\":false,"
                + "\"requestServerDateTime\":\"" + now + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] noStatuses = ("{\"vehicleStatusResponse\":{\"vehicleStatuses\":[]},\"moreDataAvailable\":false,"
                + "\"requestServerDateTime\":\"" + now + "\"}").getBytes(StandardCharsets.UTF_8);
        long elapsed = 0;
        Telemetry.Counts total = Telemetry.Counts.NONE;
        for (Fleet fleet : fleets) {
            List<byte[]> pages = new ArrayList<>();
            while (fleet.held < fleet.statuses && !fleet.done) {
                pages.add(fleet.simulator.statusesDocument(fleet.start, null, Math.min(BATCH, fleet.statuses - fleet.held), now));
                RfmsJson.Statuses parsed = RfmsJson.statuses(pages.get(pages.size() - 1));
                fleet.held += parsed.readings().size();
                fleet.done = !parsed.moreDataAvailable();
                if (!fleet.done) {
                    fleet.start = parsed.lastReceived().plusSeconds(1);
                }
            }
            java.util.Iterator<byte[]> served = pages.iterator();
            RfmsClient client = new RfmsClient((resource, query) -> switch (resource) {
                case VEHICLES -> noVehicles;
                case POSITIONS -> noPositions;
                case STATUSES -> served.hasNext() ? served.next() : noStatuses;
            });
            Instant from = firstDay.atStartOfDay(DrivingRecords.LOCAL).toInstant();
            long t = System.nanoTime();
            total = total.plus(rfmsImport.poll(client, Telemetry.Source.DEMO, from, from, null, "benchmark"));
            elapsed += System.nanoTime() - t;
        }
        System.out.printf(Locale.ROOT, "%s: %,d statuses in %.1f s = %,.0f statuses/s; %s%n", what, total.accepted(),
                elapsed / 1e9, total.accepted() / (elapsed / 1e9), total);
    }

    private static void report(String what, int statuses, long nanos, List<Long> batches, Telemetry.Counts total) {
        List<Long> sorted = batches.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "%s: %,d statuses in %.1f s = %,.0f statuses/s; batch of %,d median %d ms, max %d ms; %s%n",
                what, statuses, nanos / 1e9, statuses / (nanos / 1e9), BATCH, sorted.get(sorted.size() / 2) / 1_000_000,
                sorted.get(sorted.size() - 1) / 1_000_000, total);
    }
}
