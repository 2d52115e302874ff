package nl.meedenken.driving.web;

import nl.meedenken.driving.internal.Agreement;
import nl.meedenken.driving.internal.AgreementPreview;
import nl.meedenken.driving.internal.Agreements;
import nl.meedenken.driving.internal.InvalidDriving;
import nl.meedenken.driving.internal.Metric;
import nl.meedenken.ideas.IdeaSummary;
import nl.meedenken.ideas.Ideas;
import nl.meedenken.platform.FormValues;
import nl.meedenken.platform.Role;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data agreement: everyone can read it; management drafts and changes drafts; a works-council member
 * records the council's consent, which puts a draft in force.
 */
@Controller
@RequestMapping("/driving/agreement")
class AgreementController {

    static final String SUBJECT = "driving-agreement";

    private final Agreements agreements;
    private final Ideas ideas;
    private final org.springframework.context.MessageSource messages;
    private final AgreementPreview preview;
    private final nl.meedenken.platform.Times times;

    AgreementController(Agreements agreements, Ideas ideas, org.springframework.context.MessageSource messages,
                        AgreementPreview preview, nl.meedenken.platform.Times times) {
        this.times = times;
        this.agreements = agreements;
        this.ideas = ideas;
        this.messages = messages;
        this.preview = preview;
    }

    /** A change of the preview in the reader's words: keys become text, days and metrics are written out. */
    private String describe(AgreementPreview.Change change, java.util.Locale locale) {
        var date = times.in(locale);
        Object[] args = change.args().stream().map(arg -> {
            if (arg instanceof String key && key.startsWith("driving.")) {
                return messages.getMessage(key, null, key, locale);
            }
            if (arg instanceof LocalDate day) {
                return date.date(day);
            }
            if (arg instanceof List<?> list) {
                return String.join(", ", list.stream().map(m -> messages.getMessage(((Metric) m).labelKey(), null,
                        m.toString(), locale)).toList());
            }
            return arg;
        }).toArray();
        return messages.getMessage(change.key(), args, change.key(), locale);
    }

    private List<String> describe(List<AgreementPreview.Change> changes) {
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        return changes.stream().map(c -> describe(c, locale)).toList();
    }

    @GetMapping
    String show(@AuthenticationPrincipal SignedInUser me, Model model) {
        List<Agreement> all = agreements.all();
        model.addAttribute("inForce", all.stream().filter(a -> a.status() == Agreement.Status.IN_FORCE).findFirst().orElse(null));
        model.addAttribute("drafts", all.stream().filter(a -> a.status() == Agreement.Status.DRAFT).toList());
        model.addAttribute("ended", all.stream().filter(a -> a.status() == Agreement.Status.ENDED).toList());
        Map<Long, List<IdeaSummary>> linked = new HashMap<>();
        all.stream().filter(a -> a.status() != Agreement.Status.ENDED).forEach(a -> linked.put(a.id(), ideas.about(SUBJECT, a.id())));
        model.addAttribute("ideas", linked);
        model.addAttribute("management", me.has(Role.MANAGEMENT));
        model.addAttribute("council", me.has(Role.WORKS_COUNCIL));
        model.addAttribute("today", LocalDate.now(nl.meedenken.driving.internal.DrivingRecords.LOCAL));
        model.addAttribute("myName", me.auditName());
        model.addAttribute("metrics", Metric.values());
        Map<Long, List<String>> previews = new HashMap<>();
        if (me.has(Role.MANAGEMENT) || me.has(Role.WORKS_COUNCIL)) {
            all.stream().filter(a -> a.status() == Agreement.Status.DRAFT)
                    .forEach(a -> previews.put(a.id(), describe(preview.ofConsent(a))));
        }
        model.addAttribute("previews", previews);
        return "driving/agreement";
    }

    @GetMapping("/new")
    String newDraft(Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        Agreement base = agreements.inForce().orElse(null);
        if (base != null) {
            fill(values, base);
        } else {
            values.put("retentionDays", "182");
            Agreement.defaultWeights().forEach((m, w) -> {
                values.put("metric" + m.name(), "on");
                values.put("weight" + m.name(), Integer.toString(w));
            });
        }
        return form(model, null, values, Map.of());
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Agreement a = draft(id);
        Map<String, String> values = new LinkedHashMap<>();
        fill(values, a);
        return form(model, a.id(), values, Map.of());
    }

    @PostMapping
    String create(@RequestParam Map<String, String> form, @AuthenticationPrincipal SignedInUser me, Model model,
                  RedirectAttributes redirect, java.util.Locale locale) {
        try {
            agreements.draft(draft(form, locale), me.auditName());
            redirect.addFlashAttribute("saved", "driving.agreement.saved.drafted");
            return "redirect:/driving/agreement";
        } catch (InvalidDriving refused) {
            return form(model, null, form, Map.of(refused.field(), refused.messageKey()));
        }
    }

    @PostMapping("/{id}")
    String change(@PathVariable long id, @RequestParam Map<String, String> form, @AuthenticationPrincipal SignedInUser me,
                  Model model, RedirectAttributes redirect, java.util.Locale locale) {
        draft(id);
        try {
            agreements.change(id, draft(form, locale), me.auditName());
            redirect.addFlashAttribute("saved", "driving.agreement.saved.changed");
            return "redirect:/driving/agreement";
        } catch (InvalidDriving refused) {
            return form(model, id, form, Map.of(refused.field(), refused.messageKey()));
        }
    }

    @GetMapping("/{id}/discard")
    String confirmDiscard(@PathVariable long id, Model model) {
        Agreement a = draft(id);
        return confirm(model, "driving.agreement.discard", "driving.agreement.discardConfirm", a.draftedBy(),
                "/driving/agreement/" + id + "/discard", "driving.agreement.discardYes");
    }

    @PostMapping("/{id}/discard")
    String discard(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        draft(id);
        agreements.discard(id, me.auditName());
        redirect.addFlashAttribute("saved", "driving.agreement.saved.discarded");
        return "redirect:/driving/agreement";
    }

    @GetMapping("/{id}/end")
    String confirmEnd(@PathVariable long id, Model model) {
        Agreement a = inForce(id);
        model.addAttribute("preview", describe(preview.ofEnding()));
        return confirm(model, "driving.agreement.end", "driving.agreement.endConfirm",
                times.in(org.springframework.context.i18n.LocaleContextHolder.getLocale()).date(a.consentOn()),
                "/driving/agreement/" + id + "/end", "driving.agreement.endYes");
    }

    /** The one confirmation page for discarding a draft or ending the agreement in force. */
    private static String confirm(Model model, String heading, String question, String questionArg, String action,
                                  String yes) {
        model.addAttribute("heading", heading);
        model.addAttribute("question", question);
        model.addAttribute("questionArg", questionArg);
        model.addAttribute("action", action);
        model.addAttribute("yes", yes);
        return "driving/agreement-confirm";
    }

    @PostMapping("/{id}/end")
    String end(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        inForce(id);
        agreements.end(id, me.auditName());
        redirect.addFlashAttribute("saved", "driving.agreement.saved.ended");
        return "redirect:/driving/agreement";
    }

    private Agreement inForce(long id) {
        Agreement a = agreements.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (a.status() != Agreement.Status.IN_FORCE) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        return a;
    }

    @PostMapping("/{id}/consent")
    String consent(@PathVariable long id, @RequestParam(name = "consentOn", required = false) String consentOn,
                   @RequestParam(name = "confirmed", required = false) String confirmed,
                   @RequestParam(name = "version", required = false) Long version,
                   @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        draft(id);
        try {
            if (confirmed == null) {
                throw new InvalidDriving("confirmed", "driving.agreement.invalid.confirm");
            }
            LocalDate on;
            try {
                on = consentOn == null || consentOn.isBlank() ? null : LocalDate.parse(consentOn.strip());
            } catch (DateTimeParseException e) {
                on = null;
            }
            agreements.consent(id, version, on, me.auditName());
            redirect.addFlashAttribute("saved", "driving.agreement.saved.consented");
        } catch (InvalidDriving refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return "redirect:/driving/agreement";
    }

    private Agreement draft(long id) {
        Agreement a = agreements.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (a.status() != Agreement.Status.DRAFT) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        return a;
    }

    private static void fill(Map<String, String> values, Agreement a) {
        values.put("purpose", a.purpose());
        values.put("retentionDays", Integer.toString(a.retentionDays()));
        if (a.teamAggregate()) {
            values.put("teamAggregate", "on");
        }
        if (a.plannerIndividual()) {
            values.put("plannerIndividual", "on");
        }
        if (a.managementIndividual()) {
            values.put("managementIndividual", "on");
        }
        if (a.leaderboard()) {
            values.put("leaderboard", "on");
        }
        for (Metric m : Metric.values()) {
            if (a.collects(m)) {
                values.put("metric" + m.name(), "on");
            }
            values.put("weight" + m.name(), Integer.toString(a.weights().getOrDefault(m, Agreement.defaultWeights().get(m))));
        }
    }

    private static Agreements.Draft draft(Map<String, String> form, java.util.Locale locale) {
        Set<Metric> metrics = EnumSet.noneOf(Metric.class);
        Map<Metric, Integer> weights = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            if (form.containsKey("metric" + m.name())) {
                metrics.add(m);
            }
            Long weight = FormValues.count(form.get("weight" + m.name()), locale);
            if (weight != null && weight >= Integer.MIN_VALUE && weight <= Integer.MAX_VALUE) {
                weights.put(m, weight.intValue());
            }
        }
        Long retention = FormValues.count(form.get("retentionDays"), locale);
        return new Agreements.Draft(form.get("purpose"), metrics, form.containsKey("teamAggregate"),
                form.containsKey("plannerIndividual"), form.containsKey("managementIndividual"), form.containsKey("leaderboard"),
                retention == null || retention > Integer.MAX_VALUE ? null : retention.intValue(), weights);
    }

    private String form(Model model, Long id, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("id", id);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("metrics", Metric.values());
        model.addAttribute("minRetention", Agreements.MIN_RETENTION_DAYS);
        model.addAttribute("maxRetention", Agreements.MAX_RETENTION_DAYS);
        return "driving/agreement-form";
    }
}
