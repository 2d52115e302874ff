package nl.meedenken.driving.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Taking in a simulated history in-process, as the demo does before the server listens. */
@SpringBootTest
class RfmsImportTest {

    @Autowired
    RfmsImport rfmsImport;
    @Autowired
    JdbcClient jdbc;

    @Test
    void takesInTwelveWeeksOfSimulatedHistoryAndCarriesOnFromItsEnd() {
        LocalDate firstDay = RfmsSimulator.demoFirstDay(LocalDate.now(DrivingRecords.LOCAL));
        List<String> vins = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            vins.add(TelemetryTest.freshVin());
        }
        RfmsSimulator simulator = new RfmsSimulator(RfmsSimulator.DEMO_SEED, firstDay, vins, "NL0000000T" + vins.get(0).substring(1, 5));
        Instant from = firstDay.atStartOfDay(DrivingRecords.LOCAL).toInstant();
        Instant to = LocalDate.now(DrivingRecords.LOCAL).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(DrivingRecords.LOCAL).toInstant();
        int held = RfmsJson.statuses(simulator.statusesDocument(from, to, Integer.MAX_VALUE, to)).readings().size();

        long started = System.nanoTime();
        Telemetry.Counts counts = rfmsImport.importSimulated(simulator, from, to, "RfmsImportTest");
        System.out.printf("12 weeks of simulated history, %d statuses, taken in in %.1f s%n", held,
                (System.nanoTime() - started) / 1e9);

        assertThat(held).isGreaterThan(10 * 5 * 12 * 20);
        assertThat(counts).isEqualTo(new Telemetry.Counts(held, 0, 0, 0, 0, 0));
        assertThat(jdbc.sql("select source, failure is null from driving_import where started_by = 'RfmsImportTest'")
                .query((rs, n) -> rs.getString(1) + " " + rs.getBoolean(2)).single()).isEqualTo("DEMO true");
        assertThat(jdbc.sql("select count(*) from driving_interval where vin in (:vins)").param("vins", vins)
                .query(Long.class).single()).isEqualTo(held - 10L);
        assertThat(jdbc.sql("select count(*) from driving_vehicle where vin in (:vins) and position_at is not null")
                .param("vins", vins).query(Long.class).single()).isEqualTo(10);
        assertThat(rfmsImport.cursor(RfmsImport.STATUSES)).contains(to);
        assertThat(rfmsImport.cursor(RfmsImport.POSITIONS)).contains(to);
        // every driver's card was seen
        assertThat(jdbc.sql("select count(*) from driving_card where card in (:cards)")
                .param("cards", simulator.drivers().stream().map(RfmsSimulator.SimDriver::card).toList())
                .query(Long.class).single()).isEqualTo(12);
        // nothing is counted again when the same history comes twice
        Telemetry.Counts again = rfmsImport.importSimulated(simulator, from, to.minus(Duration.ofDays(7)), "RfmsImportTest again");
        assertThat(again.accepted()).isZero();
        assertThat(jdbc.sql("select max(ended_at) from driving_interval where vin in (:vins)").param("vins", vins)
                .query(Timestamp.class).single().toInstant()).isBefore(to);
    }
}
