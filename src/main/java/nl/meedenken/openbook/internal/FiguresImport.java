package nl.meedenken.openbook.internal;

import nl.meedenken.platform.Csv;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Months of figures from a CSV file: {@code month;revenue;personnel;fuel;vehicles;buildings;
 * subcontracting;ict;other} and optionally {@code site} and {@code explanation}. Every line is
 * checked first; one bad line means nothing is imported. Imported months are drafts.
 */
@Service
public class FiguresImport {

    /** A problem on one line; line 1 is the header. */
    public record LineProblem(int line, String field, String messageKey, Object... arguments) {
    }

    public record Outcome(int imported, List<LineProblem> problems) {
        public boolean succeeded() {
            return problems.isEmpty();
        }
    }

    private final Months months;
    private final SiteNames sites;

    FiguresImport(Months months, SiteNames sites) {
        this.months = months;
        this.sites = sites;
    }

    @Transactional
    public Outcome run(String text, String actor) {
        List<List<String>> rows = Csv.read(text == null ? "" : text);
        List<LineProblem> problems = new ArrayList<>();
        if (rows.isEmpty() || rows.get(0).isEmpty()) {
            return new Outcome(0, List.of(new LineProblem(1, null, "import.error.empty")));
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            boolean known = name.equals("month") || name.equals("revenue") || name.equals("site")
                    || name.equals("explanation") || CostCategory.fromColumn(name).isPresent();
            if (!known) {
                problems.add(new LineProblem(1, header.get(i), "openbook.import.unknownColumn", header.get(i)));
            } else {
                columns.put(name, i);
            }
        }
        List<String> required = new ArrayList<>(List.of("month", "revenue"));
        for (CostCategory c : CostCategory.values()) {
            required.add(c.column());
        }
        for (String column : required) {
            if (!columns.containsKey(column)) {
                problems.add(new LineProblem(1, column, "import.error.missingColumn", column));
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome(0, problems);
        }
        if (rows.size() == 1) {
            return new Outcome(0, List.of(new LineProblem(2, null, "openbook.import.noMonths")));
        }
        Map<String, Long> siteIds = sites.byLowerCaseName();
        List<Months.Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int r = 1; r < rows.size(); r++) {
            int line = r + 1;
            List<String> row = rows.get(r);
            if (row.isEmpty()) {
                continue;
            }
            List<LineProblem> lineProblems = new ArrayList<>();
            YearMonth month = null;
            String monthText = field(row, columns, "month");
            try {
                month = monthText == null ? null : YearMonth.parse(monthText);
            } catch (DateTimeParseException e) {
                month = null;
            }
            if (month == null) {
                lineProblems.add(new LineProblem(line, "month", "openbook.import.badMonth", monthText == null ? "" : monthText));
            }
            Long site = null;
            String siteText = field(row, columns, "site");
            if (siteText != null) {
                site = siteIds.get(siteText.toLowerCase(Locale.ROOT));
                if (site == null) {
                    lineProblems.add(new LineProblem(line, "site", "import.error.unknownSite", siteText));
                }
            }
            BigDecimal revenue = amount(row, columns, "revenue", line, lineProblems);
            Map<CostCategory, BigDecimal> costs = new EnumMap<>(CostCategory.class);
            for (CostCategory c : CostCategory.values()) {
                BigDecimal value = amount(row, columns, c.column(), line, lineProblems);
                if (value != null) {
                    costs.put(c, value);
                }
            }
            if (month != null) {
                String key = month + "/" + (site == null ? "company" : site);
                if (!seen.add(key) || months.exists(month, site, null)) {
                    lineProblems.add(new LineProblem(line, "month", "openbook.error.monthExists", month.toString()));
                }
            }
            if (lineProblems.isEmpty()) {
                entries.add(new Months.Entry(month, site, revenue, costs, field(row, columns, "explanation")));
            }
            problems.addAll(lineProblems);
        }
        if (!problems.isEmpty()) {
            return new Outcome(0, problems);
        }
        for (Months.Entry entry : entries) {
            months.create(entry, actor);
        }
        return new Outcome(entries.size(), List.of());
    }

    private static BigDecimal amount(List<String> row, Map<String, Integer> columns, String column, int line,
                                     List<LineProblem> problems) {
        String text = field(row, columns, column);
        if (text == null) {
            problems.add(new LineProblem(line, column, "validation.required"));
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.replace(" ", "").replace("€", ""));
            if (value.signum() < 0) {
                problems.add(new LineProblem(line, column, "openbook.error.negative"));
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(new LineProblem(line, column, "openbook.import.notANumber", text));
            return null;
        }
    }

    private static String field(List<String> row, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        if (index == null || index >= row.size()) {
            return null;
        }
        String value = row.get(index).strip();
        return value.isEmpty() ? null : value;
    }
}
