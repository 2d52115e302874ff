package nl.meedenken.learning.web;

import jakarta.servlet.http.HttpServletRequest;
import nl.meedenken.learning.internal.Category;
import nl.meedenken.learning.internal.Identifying;
import nl.meedenken.learning.internal.InvalidReport;
import nl.meedenken.learning.internal.Reports;
import nl.meedenken.organisation.Posters;
import nl.meedenken.platform.GuestLimits;
import nl.meedenken.platform.Refused;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reporting a mistake or near miss from a site's QR poster, without an account: always anonymous,
 * with the same identity check and the same follow-up code as an anonymous report of a colleague
 * who signed in. The report belongs to the poster's site.
 */
@Controller
class GuestReportController {

    /** The hidden field that people never fill in and simple bots do. */
    static final String HONEYPOT = "website";

    private final Reports reports;
    private final Identifying identifying;
    private final Posters posters;
    private final GuestLimits limits;

    GuestReportController(Reports reports, Identifying identifying, Posters posters, GuestLimits limits) {
        this.reports = reports;
        this.identifying = identifying;
        this.posters = posters;
        this.limits = limits;
    }

    @GetMapping(Posters.GUEST_PATH + "{token}/report")
    String form(@PathVariable String token, Model model) {
        Posters.Poster poster = poster(token);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("key", UUID.randomUUID().toString());
        return form(model, poster, values, Map.of(), List.of(), null);
    }

    @PostMapping(Posters.GUEST_PATH + "{token}/report")
    String report(@PathVariable String token, @RequestParam Map<String, String> form, HttpServletRequest request,
                  Model model) {
        Posters.Poster poster = poster(token);
        String address = request.getRemoteAddr();
        try {
            limits.check(address);
        } catch (Refused tooMany) {
            return form(model, poster, form, Map.of(), List.of(), tooMany.messageKey());
        }
        if (form.get(HONEYPOT) != null && !form.get(HONEYPOT).isBlank()) {
            limits.sent(address);
            return form(model, poster, form, Map.of(), List.of(), "guest.limit.address");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Category category = LearningController.category(form.get("category"));
        if (category == null) {
            errors.put("category", "learning.error.category");
        }
        Reports.NewReport report = new Reports.NewReport(category, form.get("whatHappened"), form.get("location"),
                form.get("prevention"), poster.site().id().value(), form.containsKey("mayPublish"), form.get("key"));
        List<Identifying.Finding> findings = identifying.find(form.get("whatHappened"), form.get("location"),
                form.get("prevention"));
        String checked = LearningController.fingerprint(form);
        if (errors.isEmpty() && !findings.isEmpty() && !checked.equals(form.get("confirmed"))) {
            Map<String, String> values = new LinkedHashMap<>(form);
            values.put("confirmed", checked);
            return form(model, poster, values, errors, findings, null);
        }
        if (errors.isEmpty()) {
            try {
                Reports.Reported done = reports.reportAnonymously(report);
                if (!done.repeated()) {
                    limits.sent(address);
                }
                return reported(model, poster, done);
            } catch (InvalidReport refused) {
                errors.put(refused.field(), refused.messageKey());
            } catch (DuplicateKeyException twice) {
                return reported(model, poster, new Reports.Reported(0, null, true));
            }
        }
        return form(model, poster, form, errors, List.of(), null);
    }

    private String reported(Model model, Posters.Poster poster, Reports.Reported done) {
        model.addAttribute("done", done);
        model.addAttribute("anonymous", true);
        model.addAttribute("guestHome", Posters.GUEST_PATH + poster.token());
        return "learning/reported";
    }

    private String form(Model model, Posters.Poster poster, Map<String, String> values, Map<String, String> errors,
                        List<Identifying.Finding> findings, String refused) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("findings", findings);
        model.addAttribute("categories", Category.values());
        model.addAttribute("sites", List.of());
        model.addAttribute("guestSite", poster.site().name());
        model.addAttribute("guestHome", Posters.GUEST_PATH + poster.token());
        model.addAttribute("action", Posters.GUEST_PATH + poster.token() + "/report");
        if (refused != null) {
            model.addAttribute("refused", refused);
        }
        return "learning/report";
    }

    private Posters.Poster poster(String token) {
        return posters.byToken(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
