package nl.meedenken.driving.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Taking statuses in: what is refused and why, and that every interval is counted once, for the right card. */
@SpringBootTest
class TelemetryTest {

    static final Random RANDOM = new Random();
    static final String VIN_CHARACTERS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

    @Autowired
    Telemetry telemetry;
    @Autowired
    JdbcClient jdbc;

    final Instant t0 = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.HOURS);

    record Interval(Instant started, Instant ended, String card, long distance, long fuel, long moving) {
    }

    /** A VIN no other test uses. */
    static String freshVin() {
        StringBuilder vin = new StringBuilder("T");
        while (vin.length() < 17) {
            vin.append(VIN_CHARACTERS.charAt(RANDOM.nextInt(VIN_CHARACTERS.length())));
        }
        return vin.toString();
    }

    String vehicle() {
        String vin = freshVin();
        telemetry.register(List.of(new RfmsJson.Vehicle(vin, "test", null, null)));
        return vin;
    }

    /** A status {@code minutes} after t0 with the given lifetime distance, fuel and driving time. */
    Reading status(String vin, int minutes, String card, long metres, long millilitres, long seconds) {
        long[] c = new long[Counters.SIZE];
        c[Counters.ODOMETER_M] = metres;
        c[Counters.FUEL_ML] = millilitres;
        c[Counters.MOVING_S] = seconds;
        c[Counters.CRUISE_M] = metres / 2;
        c[Counters.COAST_M] = metres / 10;
        c[Counters.SPEED_TOTAL_M] = metres;
        Instant created = t0.plus(Duration.ofMinutes(minutes));
        return new Reading(vin, created, created.plusSeconds(5), card, c);
    }

    /** A status half an hour after the one before, 30 km, 9 litres and 1,700 seconds of driving further. */
    Reading next(Reading before, String card) {
        long[] c = before.counters();
        int minutes = (int) Duration.between(t0, before.created()).toMinutes() + 30;
        return status(before.vin(), minutes, card, c[Counters.ODOMETER_M] + 30_000, c[Counters.FUEL_ML] + 9_000,
                c[Counters.MOVING_S] + 1_700);
    }

    Telemetry.Counts take(long importId, Reading... readings) {
        return telemetry.take(importId, List.of(readings), List.of());
    }

    List<Interval> intervals(String vin) {
        return jdbc.sql("select started_at, ended_at, card, distance_m, fuel_ml, moving_s from driving_interval where vin = :vin order by ended_at")
                .param("vin", vin).query((rs, n) -> new Interval(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(),
                        rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6))).list();
    }

    long importId() {
        return telemetry.open(Telemetry.Source.RFMS, "TelemetryTest");
    }

    @Test
    void refusesTheSameStatusTwice() {
        String vin = vehicle();
        Reading first = status(vin, 0, "NL:A1", 1_000_000, 400_000, 90_000);
        Reading second = next(first, "NL:A1");
        long id = importId();
        assertThat(take(id, first, second).accepted()).isEqualTo(2);

        Telemetry.Counts again = take(id, second);

        assertThat(again.accepted()).isZero();
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(intervals(vin)).hasSize(1);
    }

    @Test
    void refusesAStatusOlderThanTheLastOneTakenIn() {
        String vin = vehicle();
        Reading first = status(vin, 0, null, 1_000_000, 400_000, 90_000);
        Reading second = next(first, null);
        Reading third = next(second, null);
        long id = importId();
        take(id, first, third);

        Telemetry.Counts late = take(id, second);

        assertThat(late.duplicates()).isEqualTo(1);
        assertThat(intervals(vin)).extracting(Interval::distance).containsExactly(60_000L);
    }

    @Test
    void refusesStatusesOfVehiclesNotInTheList() {
        String vin = freshVin();
        Reading first = status(vin, 0, null, 1_000_000, 400_000, 90_000);

        Telemetry.Counts counts = take(importId(), first, next(first, null));

        assertThat(counts.unknown()).isEqualTo(2);
        assertThat(counts.accepted()).isZero();
        assertThat(intervals(vin)).isEmpty();
    }

    @Test
    void startsCountingAgainAfterAnOdometerResetAndNeverCountsBackwards() {
        String vin = vehicle();
        Reading first = status(vin, 0, "NL:B1", 1_000_000, 400_000, 90_000);
        Reading second = next(first, "NL:B1");
        Reading reset = status(vin, 60, "NL:B1", 5_000, 500, 600);
        Reading after = next(reset, "NL:B1");

        Telemetry.Counts counts = take(importId(), first, second, reset, after);

        assertThat(counts.accepted()).isEqualTo(3);
        assertThat(counts.backwards()).isEqualTo(1);
        assertThat(intervals(vin)).extracting(Interval::distance).containsExactly(30_000L, 30_000L);
        assertThat(intervals(vin)).allSatisfy(i -> {
            assertThat(i.fuel()).isNotNegative();
            assertThat(i.moving()).isNotNegative();
        });
    }

    @Test
    void refusesAJumpNoTruckCanMake() {
        String vin = vehicle();
        Reading first = status(vin, 0, null, 1_000_000, 400_000, 90_000);
        Reading jump = status(vin, 30, null, 1_500_000, 409_000, 91_700);
        Reading after = next(jump, null);

        Telemetry.Counts counts = take(importId(), first, jump, after);

        assertThat(counts.implausible()).isEqualTo(1);
        assertThat(intervals(vin)).extracting(Interval::distance).containsExactly(30_000L);
        assertThat(intervals(vin).get(0).started()).isEqualTo(jump.created());
    }

    @Test
    void refusesACounterThatBringsItsWholeLifetimeIntoOneInterval() {
        String vin = vehicle();
        Reading first = status(vin, 0, null, 1_000_000, 400_000, 90_000);
        Reading second = next(first, null);
        second.counters()[Counters.CRUISE_M] = 0; // the status came without cruise control figures
        Reading third = next(second, null);
        third.counters()[Counters.CRUISE_M] = third.counters()[Counters.ODOMETER_M] / 2;

        Telemetry.Counts counts = take(importId(), first, second, third);

        assertThat(counts.backwards()).isEqualTo(1);
        assertThat(counts.implausible()).isEqualTo(1);
        assertThat(intervals(vin)).isEmpty();
    }

    @Test
    void refusesAStatusMadeInTheFutureWithoutBlockingTheVehicle() {
        String vin = vehicle();
        Reading first = status(vin, 0, null, 1_000_000, 400_000, 90_000);
        long[] c = first.counters().clone();
        c[Counters.ODOMETER_M] += 1000;
        Instant future = Instant.now().plus(Duration.ofDays(365));
        Reading wrongClock = new Reading(vin, future, future, null, c);
        long id = importId();

        Telemetry.Counts counts = take(id, first, wrongClock);
        Telemetry.Counts later = take(id, next(first, null));

        assertThat(counts.implausible()).isEqualTo(1);
        assertThat(later.accepted()).isEqualTo(1);
        assertThat(intervals(vin)).extracting(Interval::distance).containsExactly(30_000L);
    }

    @Test
    void attributesAnIntervalToTheCardInTheCabWhenItStarted() {
        String vin = vehicle();
        Reading ignition = status(vin, 0, null, 1_000_000, 400_000, 90_000);
        Reading login = next(ignition, "NL:C1");
        Reading swap = next(login, "NL:C2");
        Reading later = next(swap, "NL:C2");
        Reading logout = next(later, null);

        take(importId(), ignition, login, swap, later, logout);

        assertThat(intervals(vin)).extracting(Interval::card).containsExactly("NL:C1", "NL:C1", "NL:C2", "NL:C2");
        assertThat(jdbc.sql("select count(*) from driving_card where card in ('NL:C1', 'NL:C2')").query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void countsNothingTwiceWhenBatchesOverlap() {
        String vin = vehicle();
        Reading r1 = status(vin, 0, "NL:D1", 1_000_000, 400_000, 90_000);
        Reading r2 = next(r1, "NL:D1");
        Reading r3 = next(r2, "NL:D1");
        Reading r4 = next(r3, "NL:D1");
        Reading r5 = next(r4, "NL:D1");
        long id = importId();

        Telemetry.Counts first = take(id, r1, r2, r3);
        Telemetry.Counts second = take(id, r5, r2, r4, r3);

        assertThat(first.accepted()).isEqualTo(3);
        assertThat(second.accepted()).isEqualTo(2);
        assertThat(second.duplicates()).isEqualTo(2);
        List<Interval> intervals = intervals(vin);
        assertThat(intervals).hasSize(4);
        assertThat(intervals.stream().mapToLong(Interval::distance).sum())
                .isEqualTo(r5.counters()[Counters.ODOMETER_M] - r1.counters()[Counters.ODOMETER_M]);
        assertThat(jdbc.sql("select accepted, duplicates from driving_import where id = :id").param("id", id)
                .query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2))).single()).containsExactly(5, 2);
    }
}
