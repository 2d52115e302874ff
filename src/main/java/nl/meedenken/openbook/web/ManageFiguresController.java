package nl.meedenken.openbook.web;

import nl.meedenken.openbook.internal.CostCategory;
import nl.meedenken.openbook.internal.FigureQuestions;
import nl.meedenken.openbook.internal.Figures;
import nl.meedenken.openbook.internal.FiguresImport;
import nl.meedenken.openbook.internal.InvalidFigures;
import nl.meedenken.openbook.internal.KeyFigure;
import nl.meedenken.openbook.internal.MonthFigures;
import nl.meedenken.openbook.internal.Months;
import nl.meedenken.openbook.internal.ShopFloor;
import nl.meedenken.openbook.internal.SiteNames;
import nl.meedenken.platform.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Management enters, imports and publishes the monthly figures, and answers questions. */
@Controller
@RequestMapping("/openbook/manage")
class ManageFiguresController {

    private final Months months;
    private final Figures figures;
    private final FiguresImport figuresImport;
    private final FigureQuestions questions;
    private final SiteNames sites;

    ManageFiguresController(Months months, Figures figures, FiguresImport figuresImport, FigureQuestions questions,
                            SiteNames sites) {
        this.months = months;
        this.figures = figures;
        this.figuresImport = figuresImport;
        this.questions = questions;
        this.sites = sites;
    }

    @GetMapping
    String overview(Model model) {
        model.addAttribute("months", months.all());
        model.addAttribute("open", questions.open());
        model.addAttribute("steering", figures.steering().orElse(null));
        model.addAttribute("keyFigures", KeyFigure.values());
        return "openbook/manage";
    }

    @GetMapping("/new")
    String newMonth(Model model) {
        return form(model, new LinkedHashMap<>(), null, Map.of());
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        MonthFigures month = find(id);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("month", month.month().toString());
        values.put("siteId", month.siteId() == null ? "" : month.siteId().toString());
        values.put("revenue", month.revenue().toPlainString());
        month.costs().forEach((c, a) -> values.put(c.column(), a.toPlainString()));
        values.put("explanation", month.explanation() == null ? "" : month.explanation());
        figures.shopFloor(month.month()).ifPresent(s -> {
            values.put("onTime", s.onTimePct() == null ? "" : s.onTimePct().toString());
            values.put("fuelUse", s.fuelPer100Km() == null ? "" : s.fuelPer100Km().toString());
            values.put("damages", s.damages() == null ? "" : s.damages().toString());
        });
        return form(model, values, id, Map.of());
    }

    @PostMapping({"", "/{id}"})
    String save(@PathVariable(name = "id", required = false) Long id, @RequestParam Map<String, String> form,
                @AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        YearMonth month = null;
        try {
            month = YearMonth.parse(form.getOrDefault("month", ""));
        } catch (DateTimeParseException e) {
            errors.put("month", "openbook.import.badMonth");
        }
        BigDecimal revenue = number(form, "revenue", errors);
        Map<CostCategory, BigDecimal> costs = new EnumMap<>(CostCategory.class);
        for (CostCategory c : CostCategory.values()) {
            BigDecimal amount = number(form, c.column(), errors);
            if (amount != null) {
                costs.put(c, amount);
            }
        }
        Double onTime = optionalNumber(form, "onTime", errors);
        Double fuel = optionalNumber(form, "fuelUse", errors);
        Double damages = optionalNumber(form, "damages", errors);
        if (errors.isEmpty()) {
            try {
                String site = form.get("siteId");
                Long siteId = site == null || site.isBlank() ? null : Long.valueOf(site);
                var entry = new Months.Entry(month, siteId, revenue, costs, form.get("explanation"));
                long saved = id == null ? months.create(entry, me.auditName()) : id;
                if (id != null) {
                    months.change(id, entry);
                }
                if (onTime != null || fuel != null || damages != null) {
                    figures.recordShopFloor(new ShopFloor(month, onTime, fuel,
                            damages == null ? null : damages.intValue(), "manual"));
                }
                redirect.addFlashAttribute("saved", "openbook.saved.draft");
                return "redirect:/openbook/manage#month-" + saved;
            } catch (InvalidFigures refused) {
                errors.put(refused.field(), refused.messageKey());
            }
        }
        return form(model, form, id, errors);
    }

    private String form(Model model, Map<String, String> values, Long id, Map<String, String> errors) {
        model.addAttribute("values", values);
        model.addAttribute("monthId", id);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", CostCategory.values());
        model.addAttribute("sites", sites.all());
        return "openbook/month-form";
    }

    @GetMapping("/{id}/publish")
    String confirmPublish(@PathVariable long id, Model model) {
        model.addAttribute("month", find(id));
        return "openbook/publish";
    }

    @PostMapping("/{id}/publish")
    String publish(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        find(id);
        try {
            months.publish(id, me.auditName());
            redirect.addFlashAttribute("saved", "openbook.saved.published");
        } catch (InvalidFigures refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return "redirect:/openbook/manage";
    }

    @GetMapping("/import")
    String importForm() {
        return "openbook/import";
    }

    @PostMapping("/import")
    String importFile(@RequestParam(name = "file", required = false) MultipartFile file,
                      @AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("problems", List.of(new FiguresImport.LineProblem(0, null, "import.error.noFile")));
            return "openbook/import";
        }
        var outcome = figuresImport.run(new String(file.getBytes(), StandardCharsets.UTF_8), me.auditName());
        if (!outcome.succeeded()) {
            model.addAttribute("problems", outcome.problems());
            return "openbook/import";
        }
        redirect.addFlashAttribute("imported", outcome.imported());
        return "redirect:/openbook/manage";
    }

    @PostMapping("/questions/{id}/answer")
    String answer(@PathVariable long id, @RequestParam(name = "answer", required = false) String answer,
                  @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        try {
            questions.answer(id, answer, me.displayName());
            redirect.addFlashAttribute("saved", "openbook.saved.answered");
        } catch (InvalidFigures refused) {
            redirect.addFlashAttribute("refused", "openbook.question.answerEmpty");
        }
        return "redirect:/openbook/manage#questions";
    }

    @PostMapping("/key-figure")
    String keyFigure(@RequestParam(name = "figure", required = false) String figure,
                     @RequestParam(name = "target", required = false) String target, RedirectAttributes redirect) {
        try {
            KeyFigure chosen = figure == null ? null : KeyFigure.valueOf(figure);
            figures.steerOn(chosen, target == null || target.isBlank() ? null
                    : Double.valueOf(target.replace(',', '.')));
            redirect.addFlashAttribute("saved", "openbook.saved.keyFigure");
        } catch (InvalidFigures | IllegalArgumentException refused) {
            redirect.addFlashAttribute("refused", "openbook.error.keyFigure");
        }
        return "redirect:/openbook/manage";
    }

    private MonthFigures find(long id) {
        return months.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static BigDecimal number(Map<String, String> form, String field, Map<String, String> errors) {
        String text = form.get(field);
        if (text == null || text.isBlank()) {
            errors.put(field, "validation.required");
            return null;
        }
        try {
            String plain = text.strip().replace(" ", "").replace("€", "");
            // Dutch notation (1.234,56) when there is a comma; otherwise as typed (1234.56)
            if (plain.contains(",")) {
                plain = plain.replace(".", "").replace(',', '.');
            }
            BigDecimal value = new BigDecimal(plain);
            if (value.signum() < 0) {
                errors.put(field, "openbook.error.negative");
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            errors.put(field, "openbook.error.notANumber");
            return null;
        }
    }

    private static Double optionalNumber(Map<String, String> form, String field, Map<String, String> errors) {
        String text = form.get(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.put(field, "openbook.error.notANumber");
            return null;
        }
    }
}
