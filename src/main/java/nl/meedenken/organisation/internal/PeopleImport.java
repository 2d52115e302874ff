package nl.meedenken.organisation.internal;

import nl.meedenken.platform.AuditEntry;
import nl.meedenken.platform.AuditLog;
import nl.meedenken.platform.Language;
import nl.meedenken.platform.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Adds many people at once from a CSV file. Every line is checked first; if any line has
 * a problem, nothing is imported and every problem is listed with its line number.
 */
@Service
public class PeopleImport {

    public static final int MAX_LINES = 5000;
    static final List<String> COLUMNS = List.of("employee_number", "name", "email", "phone", "language", "team",
            "site", "roles");
    static final Set<String> REQUIRED_COLUMNS = Set.of("employee_number", "name");

    /** A problem on one line; line 1 is the header. */
    public record LineProblem(int line, String field, String messageKey, Object... arguments) {
    }

    /** The outcome: either people were imported, or nothing was and these are the reasons. */
    public record Outcome(int imported, List<LineProblem> problems) {
        public boolean succeeded() {
            return problems.isEmpty();
        }
    }

    private final PersonStore people;
    private final Teams teams;
    private final Sites sites;
    private final AuditLog audit;
    private final Clock clock;
    private final AccountStore accounts;

    PeopleImport(PersonStore people, Teams teams, Sites sites, AuditLog audit, Clock clock, AccountStore accounts) {
        this.accounts = accounts;
        this.people = people;
        this.teams = teams;
        this.sites = sites;
        this.audit = audit;
        this.clock = clock;
    }

    static final nl.meedenken.platform.Csv.Layout LAYOUT = new nl.meedenken.platform.Csv.Layout(
            List.copyOf(new java.util.TreeSet<>(REQUIRED_COLUMNS)),
            COLUMNS.stream().filter(c -> !REQUIRED_COLUMNS.contains(c)).toList(), MAX_LINES);

    /** Text a caller has already, read as UTF-8. */
    @Transactional
    public Outcome run(String text, String actor) {
        return run((text == null ? "" : text).getBytes(java.nio.charset.StandardCharsets.UTF_8), actor);
    }

    /**
     * Imports an uploaded file, read with the shared CSV reader: UTF-8, UTF-16 or Windows-1252,
     * at most {@link #MAX_LINES} people, every column known and named once.
     */
    @Transactional
    public Outcome run(byte[] file, String actor) {
        nl.meedenken.platform.Csv.Table table = nl.meedenken.platform.Csv.read(file, LAYOUT);
        List<LineProblem> problems = new ArrayList<>();
        for (nl.meedenken.platform.Csv.Problem p : table.problems()) {
            problems.add(switch (p.messageKey()) {
                case "input.csv.empty" -> new LineProblem(1, null, "import.error.empty");
                case "input.csv.noRows" -> new LineProblem(2, null, "import.error.noPeople");
                case "input.csv.unknownColumn" -> new LineProblem(p.line(), p.column(), "import.error.unknownColumn",
                        p.arguments()[0]);
                case "input.csv.missingColumn" -> new LineProblem(p.line(), p.column(), "import.error.missingColumn",
                        p.arguments());
                case "input.csv.tooManyRows" -> new LineProblem(1, null, "import.error.tooManyLines", MAX_LINES);
                default -> new LineProblem(p.line(), p.column(), p.messageKey(), p.arguments());
            });
        }
        if (table.header().isEmpty() || problems.stream().anyMatch(p -> p.line() <= 1)) {
            return new Outcome(0, problems);
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < table.header().size(); i++) {
            columns.put(table.header().get(i), i);
        }
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        rows.add(table.header());
        lines.add(1);
        for (nl.meedenken.platform.Csv.Row row : table.rows()) {
            List<String> values = new ArrayList<>();
            for (String name : table.header()) {
                values.add(row.raw(name));
            }
            rows.add(values);
            lines.add(row.line());
        }

        Map<String, Long> teamIds = new HashMap<>();
        teams.active().forEach(t -> teamIds.put(t.name().toLowerCase(Locale.ROOT), t.id()));
        Map<String, Long> siteIds = new HashMap<>();
        sites.active().forEach(s -> siteIds.put(s.name().toLowerCase(Locale.ROOT), s.id()));
        Set<String> takenNumbers = new HashSet<>(people.employeeNumbers().keySet());
        takenNumbers.addAll(accounts.loginNamesExcept(-1));
        Set<String> takenEmails = new HashSet<>(people.emails());
        Set<Long> allTeams = new HashSet<>(teamIds.values());
        Set<Long> allSites = new HashSet<>(siteIds.values());

        List<PersonDetails> accepted = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            int line = lines.get(r);
            List<String> row = rows.get(r);
            List<LineProblem> lineProblems = new ArrayList<>();
            String languageText = field(row, columns, "language");
            Language language = Language.DEFAULT;
            if (languageText != null) {
                language = Language.fromCode(languageText).orElse(null);
                if (language == null) {
                    lineProblems.add(new LineProblem(line, "language", "import.error.unknownLanguage", languageText));
                    language = Language.DEFAULT;
                }
            }
            Long teamId = lookup(row, columns, "team", teamIds, line, "import.error.unknownTeam", lineProblems);
            Long siteId = lookup(row, columns, "site", siteIds, line, "import.error.unknownSite", lineProblems);
            Set<Role> roles = EnumSet.noneOf(Role.class);
            String rolesText = field(row, columns, "roles");
            if (rolesText != null) {
                for (String part : rolesText.split("[|/+]")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    Role.parse(part).ifPresentOrElse(roles::add, () -> lineProblems.add(
                            new LineProblem(line, "roles", "import.error.unknownRole", part.strip())));
                }
            }
            PersonDetails details = new PersonDetails(field(row, columns, "employee_number"),
                    field(row, columns, "name"), language, field(row, columns, "email"), field(row, columns, "phone"),
                    teamId, siteId, roles);
            for (InvalidInput.Problem p : PersonRules.check(details, takenNumbers, takenEmails, allTeams, allSites)) {
                lineProblems.add(new LineProblem(line, p.field(), p.messageKey(), p.arguments()));
            }
            if (lineProblems.isEmpty()) {
                accepted.add(details);
                takenNumbers.add(details.employeeNumber().toLowerCase(Locale.ROOT));
                if (details.email() != null) {
                    takenEmails.add(details.email());
                }
            }
            problems.addAll(lineProblems);
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(LineProblem::line));
            return new Outcome(0, problems);
        }
        for (PersonDetails details : accepted) {
            people.insert(details, clock.instant());
        }
        audit.record(AuditEntry.Type.PEOPLE_IMPORTED, actor, accepted.size() + " people", null, null);
        return new Outcome(accepted.size(), List.of());
    }

    private static Long lookup(List<String> row, Map<String, Integer> columns, String column, Map<String, Long> ids,
                               int line, String key, List<LineProblem> problems) {
        String text = field(row, columns, column);
        if (text == null) {
            return null;
        }
        Long id = ids.get(text.toLowerCase(Locale.ROOT));
        if (id == null) {
            problems.add(new LineProblem(line, column, key, text));
        }
        return id;
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
