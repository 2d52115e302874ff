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

    @Transactional
    public Outcome run(String text, String actor) {
        List<List<String>> rows = nl.meedenken.platform.Csv.read(text == null ? "" : text);
        List<LineProblem> problems = new ArrayList<>();
        if (rows.isEmpty() || rows.get(0).isEmpty()) {
            return new Outcome(0, List.of(new LineProblem(1, null, "import.error.empty")));
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).toLowerCase(Locale.ROOT).replace(' ', '_');
            if (!COLUMNS.contains(name)) {
                problems.add(new LineProblem(1, name, "import.error.unknownColumn", header.get(i)));
            } else {
                columns.put(name, i);
            }
        }
        for (String required : REQUIRED_COLUMNS) {
            if (!columns.containsKey(required)) {
                problems.add(new LineProblem(1, required, "import.error.missingColumn", required));
            }
        }
        if (rows.size() - 1 > MAX_LINES) {
            problems.add(new LineProblem(1, null, "import.error.tooManyLines", MAX_LINES));
        }
        if (!problems.isEmpty()) {
            return new Outcome(0, problems);
        }
        if (rows.size() == 1) {
            return new Outcome(0, List.of(new LineProblem(2, null, "import.error.noPeople")));
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
            int line = r + 1;
            List<String> row = rows.get(r);
            if (row.isEmpty()) {
                continue;
            }
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
