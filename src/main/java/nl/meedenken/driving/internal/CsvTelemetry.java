package nl.meedenken.driving.internal;

import nl.meedenken.platform.Csv;
import org.springframework.stereotype.Service;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Telematics from a CSV file, for companies without an rFMS server. One line per vehicle status,
 * with lifetime counters as rFMS has them (they only grow):
 * <pre>
 * vin,created,driver_card,odometer_m,fuel_ml,moving_s,idle_s,idle_fuel_ml,cruise_m,coast_m,harsh_brake_s,harsh_accel_s,overspeed_m
 * </pre>
 * {@code created} is an ISO 8601 date-time with offset ({@code 2026-03-02T06:30:00+01:00}), the card is
 * written as {@code NL:NL00000000012001} or left empty. Commas or semicolons, as the spreadsheet wrote it.
 * <p>
 * The file carries no histograms, only the totals above the company's own thresholds: its harsh
 * braking, harsh acceleration and overspeed counters fill every threshold of {@link Counters}, so the
 * figures show them whatever {@code meedenken.driving.harsh-*} and {@code speed-limit} say. The total
 * distance of the speed classes is the odometer.
 * <p>
 * The whole file is checked first and taken in all or nothing: a line that cannot be read, or names a
 * vehicle that is not known (from rFMS or registered by an admin), refuses the file with a problem naming
 * its line number. A file without problems goes through {@link Telemetry} like rFMS statuses, in one
 * transaction; duplicates (the same file uploaded twice), counters going down and impossible jumps are
 * counted there.
 */
@Service
public class CsvTelemetry {

    public static final List<String> COLUMNS = List.of("vin", "created", "driver_card", "odometer_m", "fuel_ml",
            "moving_s", "idle_s", "idle_fuel_ml", "cruise_m", "coast_m", "harsh_brake_s", "harsh_accel_s", "overspeed_m");
    static final int BATCH = 5000;
    private static final Pattern CARD = Pattern.compile("[A-Za-z]{1,3}:[A-Za-z0-9]{1,36}");

    private final Telemetry telemetry;

    CsvTelemetry(Telemetry telemetry) {
        this.telemetry = telemetry;
    }

    /** What an upload did: the counts of the import, or the problems of a file that was refused as a whole. */
    public record Upload(Telemetry.Counts counts, List<Problem> problems) {
        public boolean refused() {
            return !problems.isEmpty();
        }
    }

    /**
     * Checks the whole file first: when a line cannot be read or names a vehicle that is not known, nothing is
     * taken in and every problem is returned with its line number. Otherwise the file is taken in as one CSV
     * import in one transaction; statuses already taken in (an upload repeated) are counted as duplicates.
     */
    public Upload upload(byte[] csv, String by) {
        Lines lines = read(csv);
        List<Problem> problems = new ArrayList<>(lines.problems);
        java.util.Set<String> known = telemetry.known(lines.readings.stream().map(Reading::vin).toList());
        for (int i = 0; i < lines.readings.size(); i++) {
            Reading r = lines.readings.get(i);
            if (!known.contains(r.vin().toUpperCase(Locale.ROOT))) {
                problems.add(new Problem(Problem.Reason.UNKNOWN, r.vin(), "line " + lines.lineNumbers.get(i)
                        + ": vehicle " + r.vin() + " is not known; add it under Vehicles first"));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(CsvTelemetry::lineOf));
            return new Upload(Telemetry.Counts.NONE, problems);
        }
        long importId = telemetry.open(Telemetry.Source.CSV, by);
        String failure = null;
        Telemetry.Counts total = Telemetry.Counts.NONE;
        try {
            // oldest first across the whole file, so a status is never compared with a later one
            List<Reading> readings = new ArrayList<>(lines.readings);
            readings.sort(Comparator.comparing(Reading::created).thenComparing(Reading::vin));
            total = telemetry.take(importId, readings, List.of());
        } catch (RuntimeException e) {
            failure = "nothing was taken in: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } finally {
            telemetry.close(importId, failure);
        }
        return new Upload(total, List.of());
    }

    private static int lineOf(Problem p) {
        java.util.regex.Matcher m = Pattern.compile("^line (\\d+)").matcher(p.detail());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    record Lines(List<Reading> readings, List<Integer> lineNumbers, List<Problem> problems, String failure) {
        Lines(List<Reading> readings, List<Problem> problems, String failure) {
            this(readings, new ArrayList<>(), problems, failure);
        }
    }

    /** The readings of the lines that could be read, and a problem for each line that could not. */
    static Lines read(byte[] csv) {
        List<Reading> readings = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(csv == null ? new byte[0] : csv))
                    .toString();
        } catch (CharacterCodingException e) {
            problems.add(new Problem(Problem.Reason.MALFORMED, null, "the file is not UTF-8 text"));
            return new Lines(readings, problems, "the file is not UTF-8 text");
        }
        List<List<String>> rows = Csv.read(text);
        if (rows.isEmpty()) {
            problems.add(new Problem(Problem.Reason.MALFORMED, null, "line 1: the file is empty"));
            return new Lines(readings, problems, "the file is empty");
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = COLUMNS.stream().filter(c -> !column.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            String detail = "line 1: the header lacks " + String.join(", ", missing) + "; expected " + String.join(",", COLUMNS);
            problems.add(new Problem(Problem.Reason.MALFORMED, null, detail));
            return new Lines(readings, problems, detail);
        }
        for (int n = 1; n < rows.size(); n++) {
            List<String> row = rows.get(n);
            if (row.isEmpty()) {
                continue;
            }
            int line = n + 1;
            String vin = field(row, column, "vin");
            try {
                readings.add(reading(row, column, vin));
                lineNumbers.add(line);
            } catch (Unreadable e) {
                problems.add(new Problem(Problem.Reason.MALFORMED, vin, "line " + line + ": " + e.getMessage()));
            }
        }
        return new Lines(readings, lineNumbers, problems, null);
    }

    private static Reading reading(List<String> row, Map<String, Integer> column, String vin) {
        if (row.size() < COLUMNS.size()) {
            throw new Unreadable(row.size() + " fields where " + COLUMNS.size() + " were expected");
        }
        if (!RfmsJson.validVin(vin)) {
            throw new Unreadable("vin missing or not 1 to 17 letters and digits");
        }
        OffsetDateTime created;
        try {
            created = OffsetDateTime.parse(field(row, column, "created"));
        } catch (DateTimeParseException e) {
            throw new Unreadable("created is not a date-time with offset such as 2026-03-02T06:30:00+01:00");
        }
        String card = field(row, column, "driver_card");
        if (card.isEmpty()) {
            card = null;
        } else if (!CARD.matcher(card).matches()) {
            throw new Unreadable("driver_card is not a member state and card number such as NL:NL00000000012001");
        }
        long[] c = new long[Counters.SIZE];
        c[Counters.ODOMETER_M] = number(row, column, "odometer_m");
        c[Counters.FUEL_ML] = number(row, column, "fuel_ml");
        c[Counters.MOVING_S] = number(row, column, "moving_s");
        c[Counters.IDLE_S] = number(row, column, "idle_s");
        c[Counters.IDLE_FUEL_ML] = number(row, column, "idle_fuel_ml");
        c[Counters.CRUISE_M] = number(row, column, "cruise_m");
        c[Counters.COAST_M] = number(row, column, "coast_m");
        c[Counters.SPEED_TOTAL_M] = c[Counters.ODOMETER_M];
        long brake = number(row, column, "harsh_brake_s");
        long accel = number(row, column, "harsh_accel_s");
        long overspeed = number(row, column, "overspeed_m");
        for (int i = 0; i < Counters.HARSH_EDGES.length; i++) {
            c[Counters.BRAKE_S + i] = brake;
            c[Counters.ACCEL_S + i] = accel;
        }
        for (int i = 0; i < Counters.SPEED_EDGES; i++) {
            c[Counters.SPEED_M + i] = overspeed;
        }
        return new Reading(vin, created.toInstant(), created.toInstant(), card, c);
    }

    private static String field(List<String> row, Map<String, Integer> column, String name) {
        int index = column.get(name);
        return index < row.size() ? row.get(index).strip() : "";
    }

    private static long number(List<String> row, Map<String, Integer> column, String name) {
        String value = field(row, column, name);
        if (value.isEmpty()) {
            throw new Unreadable(name + " is empty");
        }
        try {
            long number = Long.parseLong(value);
            if (number < 0) {
                throw new Unreadable(name + " is negative");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new Unreadable(name + " is not a whole number: " + (value.length() > 20 ? value.substring(0, 20) + "…" : value));
        }
    }

    private static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
