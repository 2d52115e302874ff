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
import nl.meedenken.platform.Numbers;
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
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    /** A message next to a field: a key and its arguments. */
    record Note(String key, Object... arguments) {
    }

    static final Numbers.Rule AMOUNT = Numbers.Rule.amount();
    static final Numbers.Rule PERCENTAGE = Numbers.Rule.decimal(1, 0, 100);
    static final Numbers.Rule FUEL = Numbers.Rule.decimal(1, 0, 200);
    static final Numbers.Rule DAMAGES = Numbers.Rule.count(100_000);
    static final Numbers.Rule TARGET = Numbers.Rule.decimal(2, -99_999_999, 99_999_999);

    @GetMapping("/new")
    String newMonth(Model model) {
        return form(model, new LinkedHashMap<>(), null, Map.of(), Map.of());
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model, Locale locale) {
        MonthFigures month = find(id);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("month", month.month().toString());
        values.put("siteId", month.siteId() == null ? "" : month.siteId().toString());
        values.put("revenue", Numbers.forField(month.revenue(), locale));
        month.costs().forEach((c, a) -> values.put(c.column(), Numbers.forField(a, locale)));
        values.put("explanation", month.explanation() == null ? "" : month.explanation());
        figures.shopFloor(month.month()).ifPresent(s -> {
            values.put("onTime", s.onTimePct() == null ? "" : Numbers.forField(BigDecimal.valueOf(s.onTimePct()), locale));
            values.put("fuelUse", s.fuelPer100Km() == null ? "" : Numbers.forField(BigDecimal.valueOf(s.fuelPer100Km()), locale));
            values.put("damages", s.damages() == null ? "" : s.damages().toString());
        });
        return form(model, values, id, Map.of(), warnings(unusual(month), locale));
    }

    @PostMapping({"", "/{id}"})
    String save(@PathVariable(name = "id", required = false) Long id, @RequestParam Map<String, String> form,
                @AuthenticationPrincipal SignedInUser me, Model model, Locale locale, RedirectAttributes redirect) {
        if (id != null) {
            find(id);
        }
        Map<String, Note> errors = new LinkedHashMap<>();
        YearMonth month = month(form.get("month"), errors);
        Long siteId = site(form.get("siteId"), errors);
        BigDecimal revenue = number(form, "revenue", AMOUNT, true, locale, errors);
        Map<CostCategory, BigDecimal> costs = new EnumMap<>(CostCategory.class);
        for (CostCategory c : CostCategory.values()) {
            BigDecimal amount = number(form, c.column(), AMOUNT, true, locale, errors);
            if (amount != null) {
                costs.put(c, amount);
            }
        }
        BigDecimal onTime = number(form, "onTime", PERCENTAGE, false, locale, errors);
        BigDecimal fuel = number(form, "fuelUse", FUEL, false, locale, errors);
        BigDecimal damages = number(form, "damages", DAMAGES, false, locale, errors);
        String explanation = form.get("explanation");
        if (explanation != null && explanation.strip().length() > 4000) {
            errors.put("explanation", new Note("validation.tooLong", 4000));
        }
        if (errors.isEmpty()) {
            try {
                var entry = new Months.Entry(month, siteId, revenue, costs, explanation);
                var shopFloor = new ShopFloor(month, onTime == null ? null : onTime.doubleValue(),
                        fuel == null ? null : fuel.doubleValue(), damages == null ? null : damages.intValue(), "manual");
                long saved = months.save(id, entry, shopFloor, me.auditName());
                if (!months.unusual(month, siteId, revenue, costs).isEmpty() || !figures.unusual(shopFloor).isEmpty()) {
                    redirect.addFlashAttribute("saved", "openbook.saved.draftUnusual");
                    return "redirect:/openbook/manage/" + saved + "/edit";
                }
                redirect.addFlashAttribute("saved", "openbook.saved.draft");
                return "redirect:/openbook/manage#month-" + saved;
            } catch (InvalidFigures refused) {
                errors.put(FIELDS.contains(refused.field()) ? refused.field() : "month",
                        new Note(refused.messageKey(), refused.arguments()));
            }
        }
        List<Months.Unusual> unusual = new java.util.ArrayList<>(months.unusual(month, siteId, revenue, costs));
        unusual.addAll(figures.unusual(new ShopFloor(month, onTime == null ? null : onTime.doubleValue(),
                fuel == null ? null : fuel.doubleValue(), damages == null ? null : damages.intValue(), "manual")));
        return form(model, form, id, errors, warnings(unusual, locale));
    }

    /** What looks unusual in a stored month: its money and the shop-floor figures of that month. */
    private List<Months.Unusual> unusual(MonthFigures month) {
        List<Months.Unusual> unusual = new java.util.ArrayList<>(months.unusual(month));
        figures.shopFloor(month.month()).ifPresent(s -> unusual.addAll(figures.unusual(s)));
        return unusual;
    }

    /** Every field of the form, so that a refusal is always shown next to one of them. */
    static final java.util.Set<String> FIELDS = fields();

    private static java.util.Set<String> fields() {
        java.util.Set<String> fields = new java.util.HashSet<>(List.of("month", "siteId", "revenue", "onTime", "fuelUse",
                "damages", "explanation"));
        for (CostCategory c : CostCategory.values()) {
            fields.add(c.column());
        }
        return java.util.Set.copyOf(fields);
    }

    private static YearMonth month(String text, Map<String, Note> errors) {
        if (text == null || text.isBlank()) {
            errors.put("month", new Note("validation.required"));
            return null;
        }
        try {
            YearMonth month = YearMonth.parse(text.strip());
            if (month.getYear() < Months.FIRST_YEAR || month.getYear() > Months.LAST_YEAR) {
                errors.put("month", new Note("input.csv.yearOutOfRange", String.valueOf(month.getYear()),
                        String.valueOf(Months.FIRST_YEAR), String.valueOf(Months.LAST_YEAR)));
                return null;
            }
            return month;
        } catch (DateTimeParseException e) {
            errors.put("month", new Note("openbook.import.badMonth", text.strip()));
            return null;
        }
    }

    private Long site(String text, Map<String, Note> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(text.strip());
            if (sites.all().stream().anyMatch(s -> s.id().value() == id)) {
                return id;
            }
        } catch (NumberFormatException e) {
            // not one of the sites offered
        }
        errors.put("siteId", new Note("openbook.error.unknownSite"));
        return null;
    }

    private static BigDecimal number(Map<String, String> form, String field, Numbers.Rule rule, boolean required,
                                     Locale locale, Map<String, Note> errors) {
        Numbers.Reading reading = Numbers.read(form.get(field), locale, rule);
        if (reading.problem() != null) {
            errors.put(field, new Note(reading.problem().messageKey(), reading.problem().arguments()));
            return null;
        }
        if (reading.empty() && required) {
            errors.put(field, new Note("validation.required"));
        }
        return reading.value();
    }

    private static final java.util.Set<String> SHOP_FLOOR = java.util.Set.of("onTime", "fuelUse", "damages");

    private static Map<String, Note> warnings(List<Months.Unusual> unusual, Locale locale) {
        Map<String, Note> warnings = new LinkedHashMap<>();
        for (Months.Unusual u : unusual) {
            String average = switch (u.field()) {
                case "onTime" -> Numbers.format(u.average(), locale) + " %";
                case "fuelUse" -> Numbers.format(u.average(), locale) + " l/100 km";
                case "damages" -> Numbers.format(u.average(), locale);
                default -> "€ " + Numbers.format(u.average(), locale);
            };
            String key = SHOP_FLOOR.contains(u.field()) ? "openbook.warning.far"
                    : u.value().compareTo(u.average()) > 0 ? "openbook.warning.high" : "openbook.warning.low";
            warnings.put(u.field(), new Note(key, average, u.months()));
        }
        return warnings;
    }

    private String form(Model model, Map<String, String> values, Long id, Map<String, Note> errors,
                        Map<String, Note> warnings) {
        model.addAttribute("values", values);
        model.addAttribute("monthId", id);
        model.addAttribute("errors", errors);
        model.addAttribute("warnings", warnings);
        model.addAttribute("categories", CostCategory.values());
        model.addAttribute("sites", sites.all());
        return "openbook/month-form";
    }

    @GetMapping("/{id}/publish")
    String confirmPublish(@PathVariable long id, Model model, Locale locale) {
        MonthFigures month = find(id);
        model.addAttribute("month", month);
        model.addAttribute("categories", CostCategory.values());
        model.addAttribute("siteName", month.siteId() == null ? null : sites.all().stream()
                .filter(s -> s.id().value() == month.siteId()).map(s -> s.name()).findFirst().orElse(null));
        model.addAttribute("warnings", warnings(unusual(month), locale));
        model.addAttribute("shopFloor", figures.shopFloor(month.month()).orElse(null));
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
                      @AuthenticationPrincipal SignedInUser me, Model model, Locale locale, RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("problems", List.of(new FiguresImport.LineProblem(0, null, "import.error.noFile")));
            return "openbook/import";
        }
        var outcome = figuresImport.run(file.getBytes(), locale, me.auditName());
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
                     @RequestParam(name = "target", required = false) String target, Locale locale,
                     RedirectAttributes redirect) {
        try {
            KeyFigure chosen = figure == null ? null : KeyFigure.valueOf(figure);
            Numbers.Reading reading = Numbers.read(target, locale, TARGET);
            if (reading.problem() != null) {
                throw new InvalidFigures("target", reading.problem().messageKey());
            }
            figures.steerOn(chosen, reading.value() == null ? null : reading.value().doubleValue());
            redirect.addFlashAttribute("saved", "openbook.saved.keyFigure");
        } catch (InvalidFigures | IllegalArgumentException refused) {
            redirect.addFlashAttribute("refused", "openbook.error.keyFigure");
        }
        return "redirect:/openbook/manage";
    }

    private MonthFigures find(long id) {
        return months.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
