package nl.meedenken.driving.internal;

import nl.meedenken.platform.Csv;
import nl.meedenken.platform.Numbers;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

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

    /** The most statuses one file may hold (documented in the README). */
    public static final int MAX_ROWS = 200_000;
    /** The years a status may be from. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2099;
    static final Csv.Layout LAYOUT = new Csv.Layout(COLUMNS, List.of(), MAX_ROWS);
    private static final Numbers.Rule COUNTER = Numbers.Rule.count(Long.MAX_VALUE);

    private final Telemetry telemetry;
    private final MessageSource messages;

    CsvTelemetry(Telemetry telemetry, MessageSource messages) {
        this.telemetry = telemetry;
        this.messages = messages;
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
        return upload(csv, by, Locale.ENGLISH);
    }

    /** As {@link #upload(byte[], String)}, with the problems of the file in the uploader's language. */
    public Upload upload(byte[] csv, String by, Locale locale) {
        Lines lines = read(csv, locale, (key, args) -> messages.getMessage(key, args, key, locale));
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

    /** Turns a message key and its arguments into text. */
    interface Wording {
        String of(String key, Object[] arguments);
    }

    /**
     * The readings of the lines that could be read, and a problem for each line that could not. The
     * file is read with the shared {@link Csv} reader: an encoding it cannot read, an unclosed quote,
     * duplicate or unknown columns and more than {@link #MAX_ROWS} lines refuse it.
     */
    static Lines read(byte[] csv, Locale locale, Wording wording) {
        List<Reading> readings = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Csv.Table table = Csv.read(csv, LAYOUT);
        List<String> missing = new ArrayList<>();
        for (Csv.Problem p : table.problems()) {
            if (p.messageKey().equals("input.csv.missingColumn")) {
                missing.add(p.column());
            } else {
                problems.add(new Problem(Problem.Reason.MALFORMED, null, (p.line() > 0 ? "line " + p.line() + ": " : "")
                        + wording.of(p.messageKey(), p.arguments())));
            }
        }
        if (!missing.isEmpty()) {
            String detail = "line 1: the header lacks " + String.join(", ", missing) + "; expected " + String.join(",", COLUMNS);
            problems.add(0, new Problem(Problem.Reason.MALFORMED, null, detail));
        }
        if (table.header().isEmpty() || !missing.isEmpty()
                || table.problems().stream().anyMatch(p -> p.line() <= 1 || p.messageKey().equals("input.csv.tooManyRows"))) {
            return new Lines(readings, problems, problems.isEmpty() ? "the file is empty" : problems.get(0).detail());
        }
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < table.header().size(); i++) {
            column.put(table.header().get(i), i);
        }
        for (Csv.Row r : table.rows()) {
            List<String> row = new ArrayList<>(table.header().size());
            for (String name : table.header()) {
                row.add(r.raw(name));
            }
            int line = r.line();
            String vin = field(row, column, "vin");
            try {
                readings.add(reading(row.subList(0, r.filled()), column, vin, locale));
                lineNumbers.add(line);
            } catch (Unreadable e) {
                problems.add(new Problem(Problem.Reason.MALFORMED, vin, "line " + line + ": " + e.getMessage()));
            }
        }
        return new Lines(readings, lineNumbers, problems, null);
    }

    private static Reading reading(List<String> row, Map<String, Integer> column, String vin, Locale locale) {
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
        if (created.getYear() < FIRST_YEAR || created.getYear() > LAST_YEAR) {
            throw new Unreadable("created is in " + created.getYear() + ", outside the years we accept (" + FIRST_YEAR
                    + " to " + LAST_YEAR + ")");
        }
        String card = field(row, column, "driver_card");
        if (card.isEmpty()) {
            card = null;
        } else if (!CARD.matcher(card).matches()) {
            throw new Unreadable("driver_card is not a member state and card number such as NL:NL00000000012001");
        }
        long[] c = new long[Counters.SIZE];
        c[Counters.ODOMETER_M] = number(row, column, locale, "odometer_m");
        c[Counters.FUEL_ML] = number(row, column, locale, "fuel_ml");
        c[Counters.MOVING_S] = number(row, column, locale, "moving_s");
        c[Counters.IDLE_S] = number(row, column, locale, "idle_s");
        c[Counters.IDLE_FUEL_ML] = number(row, column, locale, "idle_fuel_ml");
        c[Counters.CRUISE_M] = number(row, column, locale, "cruise_m");
        c[Counters.COAST_M] = number(row, column, locale, "coast_m");
        c[Counters.SPEED_TOTAL_M] = c[Counters.ODOMETER_M];
        long brake = number(row, column, locale, "harsh_brake_s");
        long accel = number(row, column, locale, "harsh_accel_s");
        long overspeed = number(row, column, locale, "overspeed_m");
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

    private static long number(List<String> row, Map<String, Integer> column, Locale locale, String name) {
        String value = field(row, column, name);
        if (value.isEmpty()) {
            throw new Unreadable(name + " is empty");
        }
        Numbers.Reading reading = Numbers.read(value, locale, COUNTER);
        if (reading.problem() != null) {
            if (reading.problem().messageKey().equals("input.number.negative")) {
                throw new Unreadable(name + " is negative");
            }
            throw new Unreadable(name + " is not a whole number: " + (value.length() > 20 ? value.substring(0, 20) + "…" : value));
        }
        return reading.value().longValueExact();
    }

    private static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
