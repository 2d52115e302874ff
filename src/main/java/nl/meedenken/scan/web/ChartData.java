package nl.meedenken.scan.web;

import nl.meedenken.platform.Rounding;
import nl.meedenken.scan.internal.Instrument;
import nl.meedenken.scan.internal.Results;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of a results page as JSON for the charts script. Only what the page shows
 * in its tables goes in here, so the charts never reveal a hidden group.
 */
final class ChartData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChartData() {
    }

    static String of(Results.View view, Locale locale, java.util.function.Function<String, String> messages) {
        Map<String, Object> data = new LinkedHashMap<>();
        List<Map<String, Object>> radars = new ArrayList<>();
        for (Instrument.Group group : Instrument.Group.values()) {
            List<Results.DimensionRow> rows = view.inGroup(group).stream().filter(Results.DimensionRow::shown).toList();
            if (rows.size() >= 3) {
                Map<String, Object> radar = new LinkedHashMap<>();
                radar.put("group", group.name());
                radar.put("names", rows.stream().map(r -> r.name().in(locale)).toList());
                radar.put("values", rows.stream().map(r -> round(r.score().mean())).toList());
                radars.add(radar);
            }
        }
        data.put("radars", radars);

        List<Map<String, Object>> distribution = new ArrayList<>();
        for (Results.DimensionRow row : view.dimensions()) {
            if (row.shown()) {
                Map<String, Object> bar = new LinkedHashMap<>();
                bar.put("name", row.name().in(locale));
                bar.put("percentages", row.score().percentages());
                distribution.add(bar);
            }
        }
        data.put("distribution", distribution);
        data.put("heatDepartments", heatmap(view.byDepartment(), locale, label -> label));
        data.put("heatRoles", heatmap(view.byRole(), locale, messages));

        List<Map<String, Object>> gap = new ArrayList<>();
        for (Results.GapRow row : view.gap()) {
            if (row.gap() != null) {
                gap.add(Map.of("name", row.name().in(locale), "management", round(row.management()),
                        "shopFloor", round(row.shopFloor())));
            }
        }
        data.put("gap", gap);
        data.put("map", view.map().stream().map(p -> Map.of("name", p.company() ? messages.apply("scan.results.company")
                : p.label(), "x", round(p.x()), "y", round(p.y()), "company", p.company())).toList());
        data.put("values", List.of(messages.apply("scan.value.1"), messages.apply("scan.value.2"),
                messages.apply("scan.value.3"), messages.apply("scan.value.4"), messages.apply("scan.value.5")));
        data.put("labels", Map.of("management", messages.apply("scan.results.leadership"),
                "shopFloor", messages.apply("scan.results.shopFloor")));
        // the JSON sits in a <script> block: never let a name close it or open markup
        return JSON.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e")
                .replace("&", "\\u0026");
    }

    private static Map<String, Object> heatmap(Results.Heatmap heatmap, Locale locale,
                                               java.util.function.Function<String, String> label) {
        List<Integer> shownColumns = new ArrayList<>();
        for (int c = 0; c < heatmap.columns().size(); c++) {
            if (heatmap.columns().get(c).visible()) {
                shownColumns.add(c);
            }
        }
        List<List<Object>> cells = new ArrayList<>();
        for (int r = 0; r < heatmap.rows().size(); r++) {
            for (int i = 0; i < shownColumns.size(); i++) {
                Double value = heatmap.values()[r][shownColumns.get(i)];
                if (value != null) {
                    cells.add(List.of(i, r, round(value)));
                }
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("columns", shownColumns.stream().map(c -> label.apply(heatmap.columns().get(c).label())).toList());
        data.put("rows", heatmap.rows().stream().map(r -> r.name().in(locale)).toList());
        data.put("cells", cells);
        return data;
    }

    /** A figure as the tables show it (one decimal, half up, never -0), so a chart label and a table cell agree. */
    static double round(Double value) {
        BigDecimal shown = Rounding.shown(value, 1);
        return shown == null ? 0 : shown.doubleValue();
    }
}
