package nl.meedenken.scan.internal;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import nl.meedenken.platform.Csv;
import nl.meedenken.scan.RoleGroup;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The printable report for management and the works council, as a page and as a PDF with
 * the charts drawn on the server, and the CSV export of aggregated figures.
 */
@Service
public class Report {

    /** What the report template shows. */
    public record Content(Results.View view, String dimensionChart, String departmentChart, String gapChart,
                          String mapChart, String cssHref) {
    }

    private final Results results;
    private final SpringTemplateEngine templates;
    private final MessageSource messages;

    Report(Results results, SpringTemplateEngine templates, MessageSource messages) {
        this.results = results;
        this.templates = templates;
        this.messages = messages;
    }

    public Content content(Campaign campaign, Locale locale) {
        return content(campaign, locale, "/css/report.css");
    }

    private Content content(Campaign campaign, Locale locale, String cssHref) {
        Results.View view = results.view(campaign, GroupKey.EVERYONE);
        String hidden = text("scan.results.hiddenShort", locale);
        List<SvgCharts.Bar> bars = view.dimensions().stream()
                .map(d -> new SvgCharts.Bar(d.name().in(locale), d.shown() ? d.score().mean() : null)).toList();
        String dimensionChart = SvgCharts.bars(text("scan.report.chart.dimensions", locale), bars, 1, 5, locale, hidden);

        List<Results.Column> columns = view.byDepartment().columns();
        List<Integer> shown = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).visible()) {
                shown.add(c);
            }
        }
        Double[][] values = new Double[view.byDepartment().rows().size()][shown.size()];
        for (int r = 0; r < values.length; r++) {
            for (int i = 0; i < shown.size(); i++) {
                values[r][i] = view.byDepartment().values()[r][shown.get(i)];
            }
        }
        String departmentChart = shown.isEmpty() ? null : SvgCharts.heatmap(text("scan.report.chart.departments", locale),
                view.byDepartment().rows().stream().map(r -> r.name().in(locale)).toList(),
                shown.stream().map(c -> columns.get(c).label()).toList(), values, locale);

        String gapChart = SvgCharts.gap(text("scan.report.chart.gap", locale),
                text("scan.results.leadership", locale), text("scan.results.shopFloor", locale),
                view.gap().stream().map(g -> new SvgCharts.Pair(g.name().in(locale), g.management(), g.shopFloor()))
                        .toList(), 1, 5, locale, hidden);

        Instrument instrument = view.instrument();
        String mapChart = null;
        var steering = instrument.dimension("steering");
        var leadership = instrument.dimension("leadership");
        if (!view.map().isEmpty() && steering.isPresent() && leadership.isPresent()) {
            mapChart = SvgCharts.map(text("scan.report.chart.map", locale), steering.get().low().in(locale),
                    steering.get().high().in(locale), leadership.get().low().in(locale),
                    leadership.get().high().in(locale),
                    view.map().stream().map(p -> new SvgCharts.Point(p.company() ? text("scan.results.company", locale)
                            : p.label(), p.x(), p.y(), p.company())).toList(), locale);
        }
        return new Content(view, dimensionChart, departmentChart, gapChart, mapChart, cssHref);
    }

    public byte[] pdf(Campaign campaign, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("report", content(campaign, locale, "css/report.css"));
        context.setVariable("pdf", true);
        String html = templates.process("scan/report", context);
        var document = new W3CDom().fromJsoup(Jsoup.parse(html));
        String base = Report.class.getResource("/static/").toExternalForm();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new PdfRendererBuilder()
                    .useFastMode()
                    .useSVGDrawer(new BatikSVGDrawer())
                    .withW3cDocument(document, base)
                    .toStream(out)
                    .run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the PDF report", e);
        }
    }

    /**
     * Aggregated figures only: per group the number of answer sheets, and per dimension and
     * statement the mean, the share of favourable answers and the distribution. A group
     * too small to show is listed without figures.
     */
    public String csv(Campaign campaign, Locale locale) {
        List<Results.View> views = new ArrayList<>();
        Results.View everyone = results.view(campaign, GroupKey.EVERYONE);
        views.add(everyone);
        everyone.teamNames().keySet().forEach(team -> views.add(results.view(campaign, new GroupKey(team, null))));
        for (RoleGroup role : RoleGroup.values()) {
            views.add(results.view(campaign, GroupKey.of(null, role)));
        }
        StringBuilder csv = new StringBuilder();
        csv.append(String.join(";", text("scan.csv.group", locale), text("scan.csv.level", locale),
                text("scan.csv.code", locale), text("scan.csv.name", locale), text("scan.csv.responses", locale),
                text("scan.csv.mean", locale), text("scan.csv.favourable", locale), "1", "2", "3", "4", "5")).append('\n');
        for (Results.View view : views) {
            String group = groupName(view, locale);
            if (view.reason() == Anonymity.Reason.NOT_OFFERED) {
                continue; // a department that did not exist when the campaign decided what it publishes
            }
            if (!view.groupVisible()) {
                String why = messages.getMessage("scan.results.short." + view.reason().name(),
                        new Object[]{view.k()}, locale);
                csv.append(Csv.line(group, "-", "-", why, "", "", "", "", "", "", "", "")).append('\n');
                continue;
            }
            for (Results.DimensionRow d : view.dimensions()) {
                csv.append(row(group, "dimension", d.code(), d.name().in(locale), view.responses(), d.score(), locale));
            }
            for (Results.ItemRow i : view.items()) {
                csv.append(row(group, "statement", i.code(), i.text().in(locale), view.responses(), i.score(), locale));
            }
        }
        return csv.toString();
    }

    private String groupName(Results.View view, Locale locale) {
        GroupKey g = view.group();
        if (g.equals(GroupKey.EVERYONE)) {
            return text("scan.results.company", locale);
        }
        if (g.team() != null) {
            return view.teamNames().getOrDefault(g.team(), "?");
        }
        return text(g.roles().iterator().next().labelKey(), locale);
    }

    private static String row(String group, String level, String code, String name, int n, Score score,
                              Locale locale) {
        int[] p = score.percentages();
        return Csv.line(group, level, code, name, String.valueOf(n), nl.meedenken.platform.Rounding.format(score.mean(), 2, locale),
                String.valueOf(Math.round(score.favourable() * 100)), String.valueOf(p[0]), String.valueOf(p[1]),
                String.valueOf(p[2]), String.valueOf(p[3]), String.valueOf(p[4])) + "\n";
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

}
