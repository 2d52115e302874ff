package nl.meedenken.driving.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Telematics from a CSV file: good lines are taken in, bad lines are refused with their line number. */
@SpringBootTest
class CsvTelemetryTest {

    static final String HEADER = String.join(",", CsvTelemetry.COLUMNS);

    @Autowired
    CsvTelemetry csv;
    @Autowired
    Telemetry telemetry;
    @Autowired
    DrivingRecords records;
    @Autowired
    JdbcClient jdbc;

    final OffsetDateTime t0 = OffsetDateTime.now(ZoneOffset.ofHours(1)).minusDays(5).truncatedTo(ChronoUnit.HOURS);

    String vehicle() {
        String vin = TelemetryTest.freshVin();
        telemetry.register(List.of(new RfmsJson.Vehicle(vin, "csv", null, null)));
        return vin;
    }

    String line(String vin, int hours, String card, long km) {
        // lifetime counters; an hour of driving adds 60 km, 19 l, 3,300 s moving, 300 s standing, ...
        long h = hours;
        return String.join(",", vin, t0.plus(Duration.ofHours(hours)).toString(), card, String.valueOf(km * 1000),
                String.valueOf(km * 320 + h * 150), String.valueOf(h * 3300 + 900_000), String.valueOf(h * 300 + 90_000),
                String.valueOf(h * 225 + 67_000), String.valueOf(km * 450), String.valueOf(km * 60), String.valueOf(h * 4),
                String.valueOf(h * 5), String.valueOf(km * 5));
    }

    @Test
    void takesInAGoodFileInAnyOrderOfLines() {
        String vin = vehicle();
        String file = HEADER + "\n" + line(vin, 2, "", 400_120) + "\n"
                + line(vin, 0, "NL:NL00000000099001", 400_000) + "\n" + line(vin, 1, "", 400_060) + "\n";

        Telemetry.Counts counts = csv.upload(file.getBytes(StandardCharsets.UTF_8), "CsvTelemetryTest").counts();

        assertThat(counts).isEqualTo(new Telemetry.Counts(3, 0, 0, 0, 0, 0));
        assertThat(csv.upload(file.getBytes(StandardCharsets.UTF_8), "CsvTelemetryTest again").counts())
                .as("the same file again changes nothing").isEqualTo(new Telemetry.Counts(0, 3, 0, 0, 0, 0));
        List<List<Object>> intervals = jdbc.sql("""
                        select card, distance_m, brake_s[1], brake_s[8], speed_m[25] from driving_interval
                        where vin = :vin order by ended_at""").param("vin", vin)
                .query((rs, n) -> List.<Object>of(String.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5))).list();
        // the card of the first hour, then nobody's (no card at either end of the second); harsh and overspeed counters at every threshold
        assertThat(intervals).containsExactly(List.of("NL:NL00000000099001", 60_000L, 4L, 4L, 300L),
                List.of("null", 60_000L, 4L, 4L, 300L));
    }

    @Test
    void aFileWithBadLinesIsRefusedAsAWholeWithTheLineNumbers() {
        String vin = vehicle();
        String file = HEADER.replace(',', ';') + "\n"
                + line(vin, 0, "", 400_000).replace(',', ';') + "\n"
                + line(vin, 1, "", 400_060).replace(',', ';').replace(";400060000;", ";-5;") + "\n"
                + "\n"
                + line(vin, 2, "", 400_120).replace(',', ';').replace(t0.plusHours(2).toString(), "yesterday") + "\n"
                + line(vin, 3, "not a card", 400_180).replace(',', ';') + "\n"
                + "TOO;FEW;FIELDS\n"
                + line("WDB0000000000UNKN", 4, "", 400_240).replace(',', ';') + "\n"
                + line(vin, 5, "", 400_300).replace(',', ';') + "\n";

        CsvTelemetry.Upload upload = csv.upload(file.getBytes(StandardCharsets.UTF_8), "CsvTelemetryTest bad lines");

        assertThat(upload.refused()).isTrue();
        assertThat(upload.problems()).extracting(Problem::detail).containsExactly(
                "line 3: odometer_m is negative", "line 5: created is not a date-time with offset such as 2026-03-02T06:30:00+01:00",
                "line 6: driver_card is not a member state and card number such as NL:NL00000000012001",
                "line 7: 3 fields where 13 were expected",
                "line 8: vehicle WDB0000000000UNKN is not known; add it under Vehicles first");
        assertThat(jdbc.sql("select count(*) from driving_interval where vin = :vin").param("vin", vin).query(Long.class).single())
                .as("nothing of the file was taken in").isZero();
        assertThat(jdbc.sql("select count(*) from driving_import where started_by = 'CsvTelemetryTest bad lines'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void refusesAFileWithoutTheExpectedHeader() {
        CsvTelemetry.Upload upload = csv.upload("vin,created,odometer\nX,Y,Z\n".getBytes(StandardCharsets.UTF_8),
                "CsvTelemetryTest header");

        assertThat(upload.refused()).isTrue();
        assertThat(upload.problems().get(0).detail()).startsWith("line 1: the header lacks driver_card, odometer_m");
    }

    @Test
    void readsAFileSavedAsUtf16OrWithAByteOrderMark() {
        String vin = vehicle();
        String file = HEADER + "\n" + line(vin, 0, "", 400_000) + "\n" + line(vin, 1, "", 400_060) + "\n";
        assertThat(csv.upload(file.getBytes(StandardCharsets.UTF_16), "CsvTelemetryTest utf16").counts().accepted())
                .isEqualTo(2);
        String other = vehicle();
        String marked = "\uFEFF" + HEADER + "\n" + line(other, 0, "", 400_000) + "\n";
        assertThat(csv.upload(marked.getBytes(StandardCharsets.UTF_8), "CsvTelemetryTest bom").counts().accepted())
                .isEqualTo(1);
    }

    @Test
    void refusesDuplicateAndUnknownColumnsUnclosedQuotesAndBadYears() {
        String vin = vehicle();
        CsvTelemetry.Upload columns = csv.upload((HEADER + ",vin,colour\n" + line(vin, 0, "", 400_000) + ",x,red\n")
                .getBytes(StandardCharsets.UTF_8), "CsvTelemetryTest columns");
        assertThat(columns.problems()).extracting(Problem::detail).containsExactly(
                "line 1: The column \"vin\" appears more than once in the header.",
                "line 1: Unknown column \"colour\". Columns that can be used: " + String.join(", ", CsvTelemetry.COLUMNS) + ".");

        String quoted = HEADER + "\n" + line(vin, 0, "", 400_000) + "\n\"" + line(vin, 1, "", 400_060) + "\n";
        assertThat(csv.upload(quoted.getBytes(StandardCharsets.UTF_8), "CsvTelemetryTest quote").problems())
                .extracting(Problem::detail).singleElement().asString().startsWith("line 3: A quote");

        String old = HEADER + "\n" + line(vin, 0, "", 400_000).replace(String.valueOf(t0.getYear()), "1899") + "\n"
                + line(vin, 1, "", 400_060).replace(",400060000,", ",400060000.5,") + "\n";
        assertThat(csv.upload(old.getBytes(StandardCharsets.UTF_8), "CsvTelemetryTest year").problems())
                .extracting(Problem::detail).containsExactly(
                        "line 2: created is in 1899, outside the years we accept (2000 to 2099)",
                        "line 3: odometer_m is not a whole number: 400060000.5");
        assertThat(jdbc.sql("select count(*) from driving_interval where vin = :vin").param("vin", vin).query(Long.class).single())
                .isZero();
    }

    @Test
    void refusesMoreStatusesThanTheRowCap() {
        StringBuilder file = new StringBuilder(HEADER).append("\n");
        for (int i = 0; i <= CsvTelemetry.MAX_ROWS; i++) {
            file.append("x\n");
        }
        CsvTelemetry.Upload upload = csv.upload(file.toString().getBytes(StandardCharsets.UTF_8), "CsvTelemetryTest cap");
        assertThat(upload.problems()).extracting(Problem::detail).singleElement().asString() // the limit written as English writes numbers
                .startsWith("line " + (CsvTelemetry.MAX_ROWS + 2) + ": The file has more than 200,000 lines");
    }
}
