package nl.meedenken.learning.web;

import nl.meedenken.actions.Actions;
import nl.meedenken.actions.InvalidAction;
import nl.meedenken.actions.NewAction;
import nl.meedenken.actions.Origin;
import nl.meedenken.learning.internal.Category;
import nl.meedenken.learning.internal.Identifying;
import nl.meedenken.learning.internal.InvalidReport;
import nl.meedenken.learning.internal.Lessons;
import nl.meedenken.learning.internal.Report;
import nl.meedenken.learning.internal.Reports;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.SiteSummary;
import nl.meedenken.platform.FormValues;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import org.springframework.context.MessageSource;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * For team leads and management: the reports, answering them, turning them into actions and
 * publishing lessons. Only lessons reach everyone; the reports themselves stay here.
 */
@Controller
@RequestMapping("/learning")
class ReportsController {

    private final Reports reports;
    private final Lessons lessons;
    private final Identifying identifying;
    private final Actions actions;
    private final People people;
    private final MessageSource messages;

    ReportsController(Reports reports, Lessons lessons, Identifying identifying, Actions actions, People people,
                      MessageSource messages) {
        this.reports = reports;
        this.lessons = lessons;
        this.identifying = identifying;
        this.actions = actions;
        this.people = people;
        this.messages = messages;
    }

    @GetMapping("/reports")
    String list(@RequestParam(name = "state", required = false) String state,
                @RequestParam(name = "category", required = false) String category,
                @RequestParam(name = "site", required = false) Long site,
                @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        model.addAttribute("page", reports.list(state, LearningController.category(category), site, page));
        model.addAttribute("state", state);
        model.addAttribute("category", LearningController.category(category));
        model.addAttribute("site", site);
        model.addAttribute("categories", Category.values());
        model.addAttribute("sites", people.sites());
        model.addAttribute("siteNames", siteNames());
        return "learning/reports";
    }

    @GetMapping("/reports/{id}")
    String show(@PathVariable long id, Locale locale, Model model) {
        Report report = find(id);
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("learned", report.learned() == null ? "" : report.learned());
        answer.put("change", report.change() == null ? "" : report.change());
        answer.put("thanks", report.thanks() != null ? report.thanks()
                : messages.getMessage("learning.answer.defaultThanks", null, "", locale));
        return show(report, model, answer, Map.of(), Map.of());
    }

    private String show(Report report, Model model, Map<String, String> answer, Map<String, String> errors,
                        Map<String, String> actionValues) {
        model.addAttribute("report", report);
        model.addAttribute("reporter", report.reporterId() == null ? null
                : people.find(new PersonId(report.reporterId())).map(PersonSummary::name).orElse("?"));
        model.addAttribute("siteNames", siteNames());
        model.addAttribute("answer", answer);
        model.addAttribute("errors", errors);
        model.addAttribute("actionValues", actionValues.isEmpty()
                ? Map.of("dueOn", actions.today().plusWeeks(4).toString()) : actionValues);
        model.addAttribute("actions", actions.from(Origin.Type.MISTAKE_REPORT, report.id()));
        model.addAttribute("owners", people.withRole(Role.EMPLOYEE).stream().filter(PersonSummary::active)
                .sorted(Comparator.comparing(PersonSummary::name)).toList());
        model.addAttribute("lesson", lessons.ofReport(report.id()).orElse(null));
        model.addAttribute("findings", identifying.find(report.whatHappened(), report.location(), report.prevention()));
        return "learning/report-detail";
    }

    @PostMapping("/reports/{id}/answer")
    String answer(@PathVariable long id, @RequestParam Map<String, String> form,
                  @AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect) {
        Report report = find(id);
        try {
            reports.answer(id, form.get("learned"), form.get("change"), form.get("thanks"), me.displayName());
            redirect.addFlashAttribute("saved", "learning.saved.answered");
            return "redirect:/learning/reports/" + id;
        } catch (InvalidReport refused) {
            return show(report, model, form, Map.of(refused.field(), refused.messageKey()), Map.of());
        }
    }

    @PostMapping("/reports/{id}/actions")
    String action(@PathVariable long id, @RequestParam Map<String, String> form,
                  @AuthenticationPrincipal SignedInUser me, Locale locale, Model model, RedirectAttributes redirect) {
        Report report = find(id);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate due = FormValues.date(form.get("dueOn"), "newAction.dueOn", errors);
        if (errors.isEmpty()) {
            try {
                String label = messages.getMessage(report.category().labelKey(), null, "", locale) + " · "
                        + report.reportedIn().getMonthValue() + "/" + report.reportedIn().getYear();
                actions.create(new NewAction(form.get("title"), form.get("description"),
                        FormValues.number(form.get("ownerId")), due,
                        new Origin(Origin.Type.MISTAKE_REPORT, id, label)), me.displayName());
                redirect.addFlashAttribute("saved", "learning.saved.action");
                return "redirect:/learning/reports/" + id + "#actions";
            } catch (InvalidAction refused) {
                errors.put("newAction." + refused.field(), refused.messageKey());
            }
        }
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("learned", report.learned() == null ? "" : report.learned());
        answer.put("change", report.change() == null ? "" : report.change());
        answer.put("thanks", report.thanks() == null ? "" : report.thanks());
        return show(report, model, answer, errors, form);
    }

    @GetMapping("/reports/{id}/lesson")
    String lessonForm(@PathVariable long id, Model model) {
        Report report = publishable(id);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", "");
        values.put("situation", report.whatHappened());
        values.put("lesson", report.learned() + "\n\n" + report.change());
        return lessonForm(report, model, values, Map.of());
    }

    @PostMapping("/reports/{id}/lesson")
    String publish(@PathVariable long id, @RequestParam Map<String, String> form,
                   @AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect) {
        Report report = publishable(id);
        try {
            long lesson = lessons.publish(id, new Lessons.Draft(form.get("title"), form.get("situation"),
                    form.get("lesson"), form.containsKey("checked")), me.displayName());
            redirect.addFlashAttribute("saved", "learning.saved.published");
            return "redirect:/learning/lessons/" + lesson;
        } catch (InvalidReport refused) {
            return lessonForm(report, model, form, Map.of(refused.field(), refused.messageKey()));
        }
    }

    private String lessonForm(Report report, Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("report", report);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("findings", identifying.find(values.get("title"), values.get("situation"),
                values.get("lesson")));
        return "learning/lesson-form";
    }

    @GetMapping("/lessons/{id}/withdraw")
    String confirmWithdraw(@PathVariable long id, Model model) {
        model.addAttribute("lesson", lessons.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "learning/withdraw";
    }

    @PostMapping("/lessons/{id}/withdraw")
    String withdraw(@PathVariable long id, RedirectAttributes redirect) {
        lessons.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        lessons.withdraw(id);
        redirect.addFlashAttribute("saved", "learning.saved.withdrawn");
        return "redirect:/learning/lessons";
    }

    private Report publishable(long id) {
        Report report = find(id);
        if (!report.mayPublish() || !report.answered() || lessons.ofReport(id).isPresent()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        return report;
    }

    private Report find(long id) {
        return reports.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Map<Long, String> siteNames() {
        return people.sites().stream().collect(Collectors.toMap(s -> s.id().value(), SiteSummary::name));
    }
}
