package nl.meedenken.driving.internal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated fleet: deterministic, paged without gaps, and with driving styles that show in the figures. */
class RfmsSimulatorTest {

    static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 5); // a Monday
    static final Instant START = FIRST_DAY.atStartOfDay(DrivingRecords.LOCAL).toInstant();
    static final Instant END = FIRST_DAY.plusWeeks(12).atStartOfDay(DrivingRecords.LOCAL).toInstant();

    final RfmsSimulator simulator = new RfmsSimulator(RfmsSimulator.DEMO_SEED, FIRST_DAY);

    @Test
    void hasTenTrucksAndTwelveDriversWithEveryStyle() {
        assertThat(simulator.vehicles()).hasSize(10).allSatisfy(v -> assertThat(v.vin()).hasSize(17));
        assertThat(simulator.vehicles()).extracting(RfmsSimulator.SimVehicle::plate).containsExactly("82-BLT-4", "19-VNK-2",
                "57-RTX-8", "31-HGD-6", "64-KPL-1", "05-ZWB-9", "48-TRN-3", "76-DLS-5", "23-MXV-7", "90-FPG-2");
        assertThat(simulator.drivers()).hasSize(12);
        assertThat(simulator.drivers().get(0).card()).isEqualTo("NL:NL00000000012001");
        assertThat(simulator.drivers()).extracting(RfmsSimulator.SimDriver::style)
                .containsAll(List.of(RfmsSimulator.Style.values()));
    }

    @Test
    void servesTheSameDocumentsWhateverWasAskedBefore() {
        Instant from = START.plus(java.time.Duration.ofDays(30));
        Instant to = from.plus(java.time.Duration.ofDays(2));
        byte[] fresh = new RfmsSimulator(RfmsSimulator.DEMO_SEED, FIRST_DAY).statusesDocument(from, to, 5000, END);
        simulator.statusesDocument(START, END, 100, END);
        assertThat(simulator.statusesDocument(from, to, 5000, END)).isEqualTo(fresh);
        assertThat(new RfmsSimulator(7, FIRST_DAY).statusesDocument(from, to, 5000, END)).isNotEqualTo(fresh);
    }

    @Test
    void pagesFollowingTheLastReceivedTimePlusOneSecondMissNothing() {
        Instant from = START.plus(java.time.Duration.ofDays(7));
        Instant to = from.plus(java.time.Duration.ofDays(3));
        List<Reading> whole = RfmsJson.statuses(simulator.statusesDocument(from, to, Integer.MAX_VALUE, END)).readings();
        List<Reading> paged = new ArrayList<>();
        Instant start = from;
        int pages = 0;
        while (true) {
            RfmsJson.Statuses page = RfmsJson.statuses(simulator.statusesDocument(start, to, 37, END));
            pages++;
            assertThat(page.problems()).isEmpty();
            paged.addAll(page.readings());
            if (!page.moreDataAvailable()) {
                break;
            }
            start = page.lastReceived().plusSeconds(1);
        }
        assertThat(whole).hasSizeGreaterThan(500);
        assertThat(pages).isGreaterThanOrEqualTo((whole.size() + 36) / 37).isGreaterThan(10);
        assertThat(paged).extracting(r -> r.vin() + r.created()).containsExactlyElementsOf(
                whole.stream().map(r -> r.vin() + r.created()).toList());
    }

    @Test
    void statusesCarryTriggersDriversAndPositions() {
        Instant from = START.plus(java.time.Duration.ofDays(1));
        String json = new String(simulator.statusesDocument(from, from.plus(java.time.Duration.ofDays(1)), 10_000, END),
                StandardCharsets.UTF_8);
        assertThat(json).contains("\"triggerType\":\"DRIVER_LOGIN\"", "\"triggerType\":\"DRIVER_LOGOUT\"",
                "\"triggerType\":\"IGNITION_ON\"", "\"triggerType\":\"IGNITION_OFF\"", "\"triggerType\":\"TIMER\"",
                "\"tachoDriverIdentification\"", "\"requestServerDateTime\":\"" + END + "\"");
        RfmsJson.Positions positions = RfmsJson.positions(
                simulator.positionsDocument(from, from.plus(java.time.Duration.ofDays(1)), 10_000, END));
        assertThat(positions.problems()).isEmpty();
        assertThat(positions.positions()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.latitude()).isBetween(51.0, 53.6);
            assertThat(p.longitude()).isBetween(3.3, 7.3);
        });
        RfmsJson.Vehicles first = RfmsJson.vehicles(simulator.vehiclesDocument(null, 4));
        assertThat(first.vehicles()).hasSize(4);
        assertThat(first.moreDataAvailable()).isTrue();
        RfmsJson.Vehicles rest = RfmsJson.vehicles(simulator.vehiclesDocument(first.vehicles().get(3).vin(), 100));
        assertThat(rest.vehicles()).hasSize(6);
        assertThat(rest.moreDataAvailable()).isFalse();
    }

    @Test
    void servesNothingReceivedAfterNow() {
        Instant now = START.plus(java.time.Duration.ofDays(2)).plusSeconds(9 * 3600);
        RfmsJson.Statuses statuses = RfmsJson.statuses(simulator.statusesDocument(START, null, 100_000, now));
        assertThat(statuses.readings()).isNotEmpty().allSatisfy(r -> assertThat(r.received()).isBefore(now));
        assertThat(statuses.requestServerDateTime()).isEqualTo(now);
    }

    @Test
    void countersOnlyGrow() {
        Map<String, Reading> last = new HashMap<>();
        for (Reading r : all()) {
            Reading before = last.put(r.vin(), r);
            if (before != null) {
                assertThat(r.created()).isAfter(before.created());
                for (int i = 0; i < Counters.SIZE; i++) {
                    assertThat(r.counters()[i]).as("counter %d of %s at %s", i, r.vin(), r.created())
                            .isGreaterThanOrEqualTo(before.counters()[i]);
                }
            }
        }
    }

    @Test
    void stylesShowInTheFigures() {
        Map<String, Totals> perCard = new HashMap<>();
        intervals(all(), (card, week, totals) -> perCard.merge(card, totals, Totals::plus));
        Map<RfmsSimulator.Style, List<Map<Metric, Double>>> perStyle = new EnumMap<>(RfmsSimulator.Style.class);
        for (RfmsSimulator.SimDriver driver : simulator.drivers()) {
            Totals t = perCard.get(driver.card());
            assertThat(t).as(driver.card()).isNotNull();
            Map<Metric, Double> values = new EnumMap<>(Metric.class);
            for (Metric m : Metric.values()) {
                values.put(m, t.value(m));
            }
            perStyle.computeIfAbsent(driver.style(), s -> new ArrayList<>()).add(values);
            System.out.println(driver.style() + " " + driver.card() + " " + Math.round(t.distanceM() / 1000.0) + " km "
                    + values);
            assertThat(values.get(Metric.FUEL)).isBetween(26.0, 38.0);
            assertThat(values.get(Metric.IDLING)).isBetween(5.0, 25.0);
            assertThat(values.get(Metric.CRUISE)).isBetween(15.0, 65.0);
            assertThat(values.get(Metric.COASTING)).isBetween(3.0, 15.0);
            assertThat(values.get(Metric.HARSH_BRAKING)).isBetween(5.0, 60.0);
            assertThat(values.get(Metric.HARSH_ACCELERATION)).isBetween(5.0, 60.0);
            assertThat(values.get(Metric.OVERSPEED)).isBetween(0.0, 10.0);
        }
        Map<Metric, Double> smooth = perStyle.get(RfmsSimulator.Style.SMOOTH).get(0);
        Map<Metric, Double> heavy = perStyle.get(RfmsSimulator.Style.HEAVY_FOOT).get(0);
        Map<Metric, Double> idler = perStyle.get(RfmsSimulator.Style.IDLER).get(0);
        Map<Metric, Double> hurried = perStyle.get(RfmsSimulator.Style.HURRIED).get(0);
        assertThat(smooth.get(Metric.FUEL)).isLessThan(heavy.get(Metric.FUEL) - 6);
        assertThat(idler.get(Metric.IDLING)).isGreaterThan(smooth.get(Metric.IDLING) + 10);
        assertThat(hurried.get(Metric.OVERSPEED)).isGreaterThan(smooth.get(Metric.OVERSPEED) + 4);
        assertThat(heavy.get(Metric.HARSH_BRAKING)).isGreaterThan(smooth.get(Metric.HARSH_BRAKING) * 4);
    }

    @Test
    void theEcoLearnerGetsBetterWeekByWeek() {
        String card = simulator.drivers().stream().filter(d -> d.style() == RfmsSimulator.Style.ECO_LEARNER)
                .findFirst().orElseThrow().card();
        Map<Integer, Totals> weeks = new TreeMap<>();
        intervals(all(), (c, week, totals) -> {
            if (c.equals(card)) {
                weeks.merge(week, totals, Totals::plus);
            }
        });
        assertThat(weeks).hasSizeGreaterThanOrEqualTo(11);
        Totals early = weeks.get(0).plus(weeks.get(1)).plus(weeks.get(2));
        Totals late = weeks.get(9).plus(weeks.get(10)).plus(weeks.get(11));
        weeks.forEach((week, t) -> System.out.println("eco learner week " + week + ": fuel "
                + Math.round(t.value(Metric.FUEL) * 10) / 10.0 + ", idling " + Math.round(t.value(Metric.IDLING))
                + "%, harsh braking " + Math.round(t.value(Metric.HARSH_BRAKING))));
        assertThat(late.value(Metric.FUEL)).isLessThan(early.value(Metric.FUEL) - 4);
        assertThat(late.value(Metric.IDLING)).isLessThan(early.value(Metric.IDLING) - 7);
        assertThat(late.value(Metric.CRUISE)).isGreaterThan(early.value(Metric.CRUISE) + 20);
        assertThat(late.value(Metric.HARSH_BRAKING)).isLessThan(early.value(Metric.HARSH_BRAKING) / 2);
    }

    private static List<Reading> twelveWeeks;

    /** All statuses of the twelve weeks, per truck oldest first (read once for the tests that need them). */
    private List<Reading> all() {
        if (twelveWeeks == null) {
            twelveWeeks = read();
        }
        return twelveWeeks;
    }

    private List<Reading> read() {
        List<Reading> readings = new ArrayList<>();
        Instant start = START;
        while (true) {
            RfmsJson.Statuses page = RfmsJson.statuses(simulator.statusesDocument(start, END, 2000, END));
            assertThat(page.problems()).isEmpty();
            readings.addAll(page.readings());
            if (!page.moreDataAvailable()) {
                break;
            }
            start = page.lastReceived().plusSeconds(1);
        }
        readings.sort(Comparator.comparing(Reading::vin).thenComparing(Reading::created));
        return List.copyOf(readings);
    }

    interface IntervalHandler {
        void take(String card, int week, Totals totals);
    }

    /** What Telemetry would store, summed as DrivingRecords reads it at the default thresholds. */
    static void intervals(List<Reading> sorted, IntervalHandler handler) {
        int brake = Counters.BRAKE_S + Counters.harshIndex(1.1);
        int accel = Counters.ACCEL_S + Counters.harshIndex(1.1);
        int speed = Counters.SPEED_M + Counters.speedIndex(85);
        Reading before = null;
        for (Reading r : sorted) {
            if (before != null && before.vin().equals(r.vin())) {
                String card = before.card() != null ? before.card() : r.card();
                long[] a = before.counters();
                long[] b = r.counters();
                if (card != null) {
                    int week = (int) (java.time.Duration.between(START, r.created()).toDays() / 7);
                    handler.take(card, week, new Totals(b[Counters.ODOMETER_M] - a[Counters.ODOMETER_M],
                            b[Counters.FUEL_ML] - a[Counters.FUEL_ML], b[Counters.MOVING_S] - a[Counters.MOVING_S],
                            b[Counters.IDLE_S] - a[Counters.IDLE_S], b[Counters.IDLE_FUEL_ML] - a[Counters.IDLE_FUEL_ML],
                            b[Counters.CRUISE_M] - a[Counters.CRUISE_M], b[Counters.COAST_M] - a[Counters.COAST_M],
                            b[Counters.SPEED_TOTAL_M] - a[Counters.SPEED_TOTAL_M], b[brake] - a[brake],
                            b[accel] - a[accel], b[speed] - a[speed]));
                }
            }
            before = r;
        }
    }
}
