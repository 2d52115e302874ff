package nl.meedenken.learning.web;

import nl.meedenken.learning.internal.Category;
import nl.meedenken.learning.internal.Identifying;
import nl.meedenken.learning.internal.InvalidReport;
import nl.meedenken.learning.internal.Lessons;
import nl.meedenken.learning.internal.Report;
import nl.meedenken.learning.internal.Reports;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.SiteSummary;
import nl.meedenken.platform.FormValues;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * For everyone: reporting a mistake or near miss (named or anonymously), reading the answer
 * with a follow-up code, one's own reports, and the published lessons.
 */
@Controller
@RequestMapping("/learning")
class LearningController {

    private final Reports reports;
    private final Lessons lessons;
    private final Identifying identifying;
    private final People people;

    LearningController(Reports reports, Lessons lessons, Identifying identifying, People people) {
        this.reports = reports;
        this.lessons = lessons;
        this.identifying = identifying;
        this.people = people;
    }

    @GetMapping
    String overview(@AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("monthly", reports.monthly());
        model.addAttribute("lessons", lessons.list(null, 0).items().stream().limit(5).toList());
        model.addAttribute("mine", reports.of(me.personId()).size());
        model.addAttribute("leads", me.has(Role.TEAM_LEAD) || me.has(Role.MANAGEMENT));
        model.addAttribute("waiting", me.has(Role.TEAM_LEAD) || me.has(Role.MANAGEMENT)
                ? reports.list("NEW", null, null, 0).total() : 0);
        return "learning/index";
    }

    @GetMapping("/report")
    String reportForm(@AuthenticationPrincipal SignedInUser me, Model model) {
        // no site chosen beforehand: at a small site it could point to the reporter
        Map<String, String> values = new LinkedHashMap<>();
        values.put("who", "named");
        values.put("key", UUID.randomUUID().toString());
        return reportForm(model, values, Map.of(), List.of());
    }

    @PostMapping("/report")
    String report(@RequestParam Map<String, String> form, @AuthenticationPrincipal SignedInUser me, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Category category = category(form.get("category"));
        if (category == null) {
            errors.put("category", "learning.error.category");
        }
        boolean anonymous = "anonymous".equals(form.get("who"));
        Reports.NewReport report = new Reports.NewReport(category, form.get("whatHappened"), form.get("location"),
                form.get("prevention"), FormValues.number(form.get("siteId")), form.containsKey("mayPublish"), form.get("key"));
        List<Identifying.Finding> findings = identifying.find(form.get("whatHappened"), form.get("location"),
                form.get("prevention"));
        // the reporter confirms the very text that was checked; a changed text is checked again
        String checked = fingerprint(form);
        if (errors.isEmpty() && !findings.isEmpty() && !checked.equals(form.get("confirmed"))) {
            Map<String, String> values = new LinkedHashMap<>(form);
            values.put("confirmed", checked);
            return reportForm(model, values, errors, findings);
        }
        if (errors.isEmpty()) {
            try {
                Reports.Reported done = anonymous ? reports.reportAnonymously(report)
                        : reports.reportNamed(report, me.personId());
                model.addAttribute("done", done);
                model.addAttribute("anonymous", anonymous);
                return "learning/reported";
            } catch (InvalidReport refused) {
                errors.put(refused.field(), refused.messageKey());
            } catch (DuplicateKeyException twice) {
                model.addAttribute("done", new Reports.Reported(0, null, true));
                model.addAttribute("anonymous", anonymous);
                return "learning/reported";
            }
        }
        return reportForm(model, form, errors, List.of());
    }

    private String reportForm(Model model, Map<String, String> values, Map<String, String> errors,
                              List<Identifying.Finding> findings) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("findings", findings);
        model.addAttribute("categories", Category.values());
        model.addAttribute("sites", people.sites().stream().filter(SiteSummary::active).toList());
        return "learning/report";
    }

    @GetMapping("/follow-up")
    String followUpForm() {
        return "learning/follow-up";
    }

    @PostMapping("/follow-up")
    String followUp(@RequestParam(name = "code", required = false) String code, Model model) {
        Report report = reports.byCode(code).orElse(null);
        if (report == null) {
            model.addAttribute("wrong", true);
            return "learning/follow-up";
        }
        model.addAttribute("report", report);
        model.addAttribute("lesson", lessons.ofReport(report.id()).orElse(null));
        model.addAttribute("siteNames", siteNames());
        return "learning/follow-up-answer";
    }

    @GetMapping("/mine")
    String mine(@AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("reports", reports.of(me.personId()));
        return "learning/mine";
    }

    @GetMapping("/mine/{id}")
    String mineOne(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Model model) {
        Report report = reports.find(id).filter(r -> r.reporterId() != null && r.reporterId() == me.personId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("report", report);
        model.addAttribute("lesson", lessons.ofReport(report.id()).orElse(null));
        model.addAttribute("siteNames", siteNames());
        return "learning/follow-up-answer";
    }

    @GetMapping("/lessons")
    String lessons(@RequestParam(name = "category", required = false) String category,
                   @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        Category chosen = category(category);
        model.addAttribute("page", lessons.list(chosen, page));
        model.addAttribute("chosen", chosen);
        model.addAttribute("categories", Category.values());
        return "learning/lessons";
    }

    @GetMapping("/lessons/{id}")
    String lesson(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("lesson", lessons.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("edits", me.has(Role.TEAM_LEAD) || me.has(Role.MANAGEMENT));
        return "learning/lesson";
    }

    static String fingerprint(Map<String, String> form) {
        String text = form.getOrDefault("whatHappened", "") + "\u0000" + form.getOrDefault("location", "") + "\u0000"
                + form.getOrDefault("prevention", "");
        return Integer.toHexString(text.replace("\r\n", "\n").strip().hashCode());
    }

    private Map<Long, String> siteNames() {
        return people.sites().stream().collect(Collectors.toMap(s -> s.id().value(), SiteSummary::name));
    }

    static Category category(String text) {
        try {
            return text == null || text.isBlank() ? null : Category.valueOf(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

}
