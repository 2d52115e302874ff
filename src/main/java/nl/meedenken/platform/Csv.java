package nl.meedenken.platform;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads CSV files as spreadsheets write them, for every import (ADR 0016), with Apache Commons
 * CSV: fields may be quoted, quotes inside are doubled, a quoted field may hold the separator
 * or a line break. The separator (semicolon, comma or tab) is taken from the header line, the
 * encoding from the bytes ({@link TextEncoding}).
 * <p>
 * {@link #read(byte[], Layout)} checks the file as a whole and gives line-numbered problems:
 * an encoding it cannot read, an unclosed quote, duplicate, unknown, unnamed or missing columns,
 * a line with more values than the header, and more lines than the import takes. Line numbers
 * are those of the file (line 1 is the header), also when a quoted value spans lines.
 */
public final class Csv {

    private Csv() {
    }

    /** The columns an import knows and the most lines it takes in one file. */
    public record Layout(List<String> required, List<String> optional, int maxRows) {

        public Layout {
            required = List.copyOf(required);
            optional = List.copyOf(optional);
        }

        public List<String> columns() {
            List<String> all = new ArrayList<>(required);
            all.addAll(optional);
            return all;
        }
    }

    /** A problem in the file; line 1 is the header, 0 the file as a whole. */
    public record Problem(int line, String column, String messageKey, Object... arguments) {
    }

    /** One line of values under the header, by lower-case column name. */
    public static final class Row {

        private final int line;
        private final Map<String, Integer> index;
        private final List<String> values;

        Row(int line, Map<String, Integer> index, List<String> values) {
            this.line = line;
            this.index = index;
            this.values = values;
        }

        /** The line of the file this row starts on. */
        public int line() {
            return line;
        }

        /** The value as written (trimmed by the reader), empty when the column is not in the file or the line is short. */
        public String raw(String column) {
            Integer i = index.get(column);
            return i == null || i >= values.size() ? "" : values.get(i);
        }

        /** How many values the line has, not counting empty values at its end. */
        public int filled() {
            int n = values.size();
            while (n > 0 && values.get(n - 1).isEmpty()) {
                n--;
            }
            return n;
        }

        /** The value of a column, stripped; {@code null} when empty or not in the file. */
        public String get(String column) {
            String value = raw(column);
            return value.isBlank() ? null : value.strip();
        }

        /** The value of a column, stripped; empty when not in the file. */
        public String text(String column) {
            String value = get(column);
            return value == null ? "" : value;
        }
    }

    /** What was read: the encoding, the header, the lines, and the problems found in the file as a whole. */
    public record Table(String encoding, List<String> header, List<Row> rows, List<Problem> problems) {
        public boolean refused() {
            return !problems.isEmpty();
        }

        public boolean has(String column) {
            return header.contains(column);
        }
    }

    /** A column name as imports compare it: lower case, spaces as underscores. */
    public static String columnName(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    /**
     * Reads an uploaded file. When {@link Table#refused()} the rows must not be imported; rows
     * are also given then, for as far as the file could be read.
     */
    public static Table read(byte[] file, Layout layout) {
        TextEncoding.Decoded decoded = TextEncoding.decode(file);
        if (decoded.problem() != null) {
            return new Table(null, List.of(), List.of(), List.of(new Problem(decoded.problem().equals("input.csv.empty") ? 1 : 0,
                    null, decoded.problem())));
        }
        return read(decoded.text(), decoded.encoding(), layout);
    }

    static Table read(String text, String encoding, Layout layout) {
        List<Problem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator(text)).setQuote('"')
                .setIgnoreEmptyLines(false).setIgnoreSurroundingSpaces(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            int line = 1;
            List<String> first = null;
            try {
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    if (!blank(record)) {
                        first = record.toList();
                        break;
                    }
                    line = (int) parser.getCurrentLineNumber() + 1;
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                return new Table(encoding, List.of(), List.of(), List.of(new Problem(line, null, "input.csv.unbalancedQuote")));
            }
            if (first == null) {
                return new Table(encoding, List.of(), List.of(), List.of(new Problem(1, null, "input.csv.empty")));
            }
            int headerLine = line;
            checkHeader(first, headerLine, layout, header, problems);
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                index.putIfAbsent(header.get(i), i);
            }
            while (true) {
                line = (int) parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    problems.add(new Problem(line, null, "input.csv.unbalancedQuote"));
                    break;
                }
                if (blank(record)) {
                    continue;
                }
                if (rows.size() == layout.maxRows()) {
                    problems.add(new Problem(line, null, "input.csv.tooManyRows", layout.maxRows()));
                    break;
                }
                if (record.size() > header.size()) {
                    boolean extraEmpty = true;
                    for (int i = header.size(); i < record.size(); i++) {
                        extraEmpty &= record.get(i).isBlank();
                    }
                    if (!extraEmpty) {
                        problems.add(new Problem(line, null, "input.csv.fieldCount", record.size(),
                                header.size()));
                        continue;
                    }
                }
                List<String> values = record.toList();
                rows.add(new Row(line, index, values.size() > header.size() ? values.subList(0, header.size()) : values));
            }
            if (rows.isEmpty() && problems.isEmpty()) {
                problems.add(new Problem(headerLine + 1, null, "input.csv.noRows"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Table(encoding, List.copyOf(header), List.copyOf(rows), List.copyOf(problems));
    }

    private static void checkHeader(List<String> first, int line, Layout layout, List<String> header,
                                    List<Problem> problems) {
        Set<String> seen = new HashSet<>();
        List<String> known = layout.columns();
        for (int i = 0; i < first.size(); i++) {
            String name = columnName(first.get(i));
            header.add(name);
            if (name.isEmpty()) {
                if (i == first.size() - 1 && i > 0) {
                    // a separator at the end of the header line: spreadsheets write one now and then
                    header.remove(header.size() - 1);
                    continue;
                }
                problems.add(new Problem(line, null, "input.csv.emptyColumn", String.valueOf(i + 1)));
            } else if (!seen.add(name)) {
                problems.add(new Problem(line, name, "input.csv.duplicateColumn", first.get(i).strip()));
            } else if (!known.contains(name)) {
                problems.add(new Problem(line, name, "input.csv.unknownColumn", first.get(i).strip(),
                        String.join(", ", known)));
            }
        }
        for (String column : layout.required()) {
            if (!seen.contains(column)) {
                problems.add(new Problem(line, column, "input.csv.missingColumn", column));
            }
        }
    }

    private static boolean blank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The separator of the header line: the most frequent of semicolon, comma and tab outside quotes. */
    static char separator(String text) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (semicolons + commas + tabs > 0) {
                    break;
                }
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    /**
     * The lines of a text, each split into fields (line numbers are the index plus one; blank
     * lines become empty lists). Kept for callers that read text they made themselves; imports of
     * uploaded files use {@link #read(byte[], Layout)}.
     */
    public static List<List<String>> read(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator(content)).setQuote('"')
                .setIgnoreEmptyLines(false).setIgnoreSurroundingSpaces(true).setTrim(true).get();
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(content)).setFormat(format).get()) {
            for (CSVRecord record : parser) {
                int line = (int) parser.getCurrentLineNumber();
                while (rows.size() < line - 1) {
                    rows.add(List.of());
                }
                rows.add(blank(record) ? List.of() : record.toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        while (!rows.isEmpty() && rows.get(rows.size() - 1).isEmpty()) {
            rows.remove(rows.size() - 1);
        }
        return rows;
    }

    /**
     * One line of semicolon-separated cells, each quoted. A cell that starts like a formula
     * gets a leading apostrophe, so a spreadsheet never runs a formula from our data.
     */
    public static String line(String... values) {
        StringBuilder out = new StringBuilder();
        for (String value : values) {
            String safe = value == null ? "" : value;
            if (!safe.isEmpty() && "=+-@\t\r\n".indexOf(safe.charAt(0)) >= 0 && !safe.equals("-")) {
                safe = "'" + safe;
            }
            if (out.length() > 0) {
                out.append(';');
            }
            out.append('"').append(safe.replace("\"", "\"\"")).append('"');
        }
        return out.toString();
    }
}
