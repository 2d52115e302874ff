package nl.meedenken.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma- or semicolon-separated text as spreadsheets write it: fields may be quoted,
 * quotes inside are doubled, and a quoted field may hold the separator. The separator is
 * taken from the header line (Dutch Excel writes semicolons).
 */
public final class Csv {

    private Csv() {
    }

    /** The lines, each split into fields; line numbers are the index plus one. Blank lines become empty lists. */
    public static List<List<String>> read(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = content.split("\\r?\\n", -1);
        char separator = lines.length > 0 && count(lines[0], ';') > count(lines[0], ',') ? ';' : ',';
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines) {
            rows.add(line.isBlank() ? List.of() : split(line, separator));
        }
        while (!rows.isEmpty() && rows.get(rows.size() - 1).isEmpty()) {
            rows.remove(rows.size() - 1);
        }
        return rows;
    }

    private static List<String> split(String line, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().strip());
        return fields;
    }

    private static long count(String line, char c) {
        return line.chars().filter(ch -> ch == c).count();
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
