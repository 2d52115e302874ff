package nl.meedenken.leadership.web;

import nl.meedenken.organisation.TeamSummary;
import nl.meedenken.scan.Scans;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The company scan's leadership dimensions per department, one table per department with a
 * column per closed scan (oldest first), so the effect of the programme over time shows.
 * Departments too small to show under the scan's rules are simply absent.
 */
record ScanBeside(Map<String, Scans.Statement> dimensions, List<Department> departments) {

    static final List<String> DIMENSIONS = List.of("leadership", "consulted", "latitude", "room_experiment",
            "learning_mistakes");

    record Column(String title, java.time.LocalDate closesOn) {
    }

    record Department(String name, List<Column> columns, Map<String, List<Double>> means) {

        public Double change(String dimension) {
            List<Double> values = means.get(dimension);
            if (values == null || values.size() < 2 || values.get(0) == null || values.get(values.size() - 1) == null) {
                return null;
            }
            return nl.meedenken.platform.Rounding.change(values.get(0), values.get(values.size() - 1));
        }
    }

    static ScanBeside of(Scans scans, List<TeamSummary> teams, Predicate<Long> shownTeam) {
        List<Scans.DepartmentScores> scores = scans.perDepartment(DIMENSIONS);
        List<Department> departments = new ArrayList<>();
        for (TeamSummary team : teams) {
            long id = team.id().value();
            if (!shownTeam.test(id)) {
                continue;
            }
            List<Scans.DepartmentScores> own = scores.stream().filter(s -> s.team() == id).toList();
            if (own.isEmpty()) {
                continue;
            }
            Map<String, List<Double>> means = new LinkedHashMap<>();
            for (String dimension : DIMENSIONS) {
                means.put(dimension, own.stream().map(s -> s.means().get(dimension)).toList());
            }
            if (means.values().stream().flatMap(List::stream).allMatch(Objects::isNull)) {
                continue;
            }
            departments.add(new Department(team.name(),
                    own.stream().map(s -> new Column(s.title(), s.closesOn())).toList(), means));
        }
        return new ScanBeside(scans.dimensionNames(DIMENSIONS), departments);
    }
}
