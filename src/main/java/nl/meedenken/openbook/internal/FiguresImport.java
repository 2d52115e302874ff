package nl.meedenken.openbook.internal;

import nl.meedenken.platform.Csv;
import nl.meedenken.platform.Numbers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
 * subcontracting;ict;other} and optionally {@code site} and {@code explanation}, read with the
 * shared {@link Csv} reader (at most {@link #MAX_ROWS} lines) and amounts in the uploader's
 * language ({@link Numbers}). Every line is checked first; one bad line means nothing is
 * imported. Imported months are drafts.
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

    /** The most months one file may hold (documented in the README). */
    public static final int MAX_ROWS = 1000;
    static final Csv.Layout LAYOUT = layout();

    private static Csv.Layout layout() {
        List<String> required = new ArrayList<>(List.of("month", "revenue"));
        for (CostCategory c : CostCategory.values()) {
            required.add(c.column());
        }
        return new Csv.Layout(required, List.of("site", "explanation"), MAX_ROWS);
    }

    /** A text typed by a test or a caller that has text already: read as UTF-8 with Dutch amounts. */
    @Transactional
    public Outcome run(String text, String actor) {
        return run((text == null ? "" : text).getBytes(StandardCharsets.UTF_8), Locale.forLanguageTag("nl"), actor);
    }

    /** Imports an uploaded file; amounts are read as the uploader's language writes them. */
    @Transactional
    public Outcome run(byte[] file, Locale locale, String actor) {
        Csv.Table table = Csv.read(file, LAYOUT);
        List<LineProblem> problems = new ArrayList<>();
        for (Csv.Problem p : table.problems()) {
            problems.add(new LineProblem(p.line(), p.column(), p.messageKey(), p.arguments()));
        }
        if (table.header().isEmpty() || problems.stream().anyMatch(p -> p.line() <= 1)) {
            return new Outcome(0, problems);
        }
        Map<String, Long> siteIds = sites.byLowerCaseName();
        List<Months.Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Csv.Row row : table.rows()) {
            int line = row.line();
            List<LineProblem> lineProblems = new ArrayList<>();
            YearMonth month = null;
            String monthText = row.get("month");
            try {
                month = monthText == null ? null : YearMonth.parse(monthText);
            } catch (DateTimeParseException e) {
                month = null;
            }
            if (month == null) {
                lineProblems.add(new LineProblem(line, "month", "openbook.import.badMonth", monthText == null ? "" : monthText));
            } else if (month.getYear() < Months.FIRST_YEAR || month.getYear() > Months.LAST_YEAR) {
                lineProblems.add(new LineProblem(line, "month", "input.csv.yearOutOfRange", String.valueOf(month.getYear()),
                        String.valueOf(Months.FIRST_YEAR), String.valueOf(Months.LAST_YEAR)));
                month = null;
            }
            Long site = null;
            String siteText = row.get("site");
            if (siteText != null) {
                site = siteIds.get(siteText.toLowerCase(Locale.ROOT));
                if (site == null) {
                    lineProblems.add(new LineProblem(line, "site", "import.error.unknownSite", siteText));
                }
            }
            BigDecimal revenue = amount(row, "revenue", locale, lineProblems);
            Map<CostCategory, BigDecimal> costs = new EnumMap<>(CostCategory.class);
            for (CostCategory c : CostCategory.values()) {
                BigDecimal value = amount(row, c.column(), locale, lineProblems);
                if (value != null) {
                    costs.put(c, value);
                }
            }
            String explanation = row.get("explanation");
            if (explanation != null && explanation.length() > 4000) {
                lineProblems.add(new LineProblem(line, "explanation", "validation.tooLong", 4000));
            }
            if (month != null) {
                String key = month + "/" + (site == null ? "company" : site);
                if (!seen.add(key) || months.exists(month, site, null)) {
                    lineProblems.add(new LineProblem(line, "month", "openbook.error.monthExists", month.toString()));
                }
            }
            if (lineProblems.isEmpty()) {
                entries.add(new Months.Entry(month, site, revenue, costs, explanation));
            }
            problems.addAll(lineProblems);
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(LineProblem::line));
            return new Outcome(0, problems);
        }
        for (Months.Entry entry : entries) {
            months.create(entry, actor);
        }
        return new Outcome(entries.size(), List.of());
    }

    private static BigDecimal amount(Csv.Row row, String column, Locale locale, List<LineProblem> problems) {
        String text = row.get(column);
        if (text == null) {
            problems.add(new LineProblem(row.line(), column, "validation.required"));
            return null;
        }
        Numbers.Reading reading = Numbers.read(text, locale, Numbers.Rule.amount());
        if (reading.problem() != null) {
            problems.add(new LineProblem(row.line(), column, reading.problem().messageKey(), reading.problem().arguments()));
            return null;
        }
        return reading.value();
    }
}
