package nl.meedenken.scan.web;

import nl.meedenken.scan.internal.Results;
import org.springframework.context.MessageSource;

import java.util.Comparator;
import java.util.Locale;

/**
 * One sentence per chart that says what it shows ("Leadership improved most since last
 * time"), so a chart is never just a picture, and the finding is there for screen readers.
 */
public record Findings(String overview, String departments, String gap, String map, String trend) {

    static Findings of(Results.View view, Locale locale, MessageSource messages) {
        java.util.function.DoubleFunction<String> one = value -> nl.meedenken.platform.Rounding.format(value, 1, locale);
        String overview = "";
        var shown = view.dimensions().stream().filter(Results.DimensionRow::shown).toList();
        if (!shown.isEmpty()) {
            var best = shown.stream().max(Comparator.comparingDouble(d -> d.score().mean())).orElseThrow();
            var worst = shown.stream().min(Comparator.comparingDouble(d -> d.score().mean())).orElseThrow();
            overview = text(messages, "scan.finding.overview", locale, best.name().in(locale),
                    one.apply(best.score().mean()), worst.name().in(locale), one.apply(worst.score().mean()));
        }
        String departments = text(messages, "scan.finding.noDepartments", locale);
        Results.Heatmap heat = view.byDepartment();
        double lowest = Double.MAX_VALUE;
        for (int r = 0; r < heat.rows().size(); r++) {
            for (int c = 0; c < heat.columns().size(); c++) {
                Double value = heat.values()[r][c];
                if (value != null && value < lowest) {
                    lowest = value;
                    departments = text(messages, "scan.finding.departments", locale, heat.columns().get(c).label(),
                            heat.rows().get(r).name().in(locale), one.apply(value));
                }
            }
        }
        String gap = text(messages, "scan.finding.noGap", locale);
        var widest = view.gap().stream().filter(g -> g.gap() != null)
                .max(Comparator.comparingDouble(g -> Math.abs(g.gap())));
        if (widest.isPresent()) {
            gap = text(messages, "scan.finding.gap", locale, widest.get().name().in(locale),
                    one.apply(Math.abs(widest.get().gap())),
                    text(messages, widest.get().gap() > 0 ? "scan.finding.gapManagementHigher"
                            : "scan.finding.gapShopFloorHigher", locale));
        }
        String map = "";
        var company = view.map().stream().filter(Results.MapPoint::company).findFirst();
        if (company.isPresent()) {
            map = text(messages, company.get().y() >= 3 ? "scan.finding.mapCoaching" : "scan.finding.mapDirecting",
                    locale) + " " + text(messages, company.get().x() >= 3 ? "scan.finding.mapDecentral"
                    : "scan.finding.mapCentral", locale);
        }
        String trend = "";
        var most = view.trend().stream().filter(t -> t.change() != null)
                .max(Comparator.comparingDouble(Results.TrendRow::change));
        if (most.isPresent() && most.get().change() > 0) {
            trend = text(messages, "scan.finding.trend", locale, most.get().name().in(locale),
                    one.apply(most.get().change()));
        }
        return new Findings(overview, departments, gap, map, trend);
    }

    private static String text(MessageSource messages, String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
