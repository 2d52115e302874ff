package nl.meedenken.scan.web;

import nl.meedenken.actions.Actions;
import nl.meedenken.actions.InvalidAction;
import nl.meedenken.actions.NewAction;
import nl.meedenken.actions.Origin;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.platform.AuditEntry;
import nl.meedenken.platform.AuditLog;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import nl.meedenken.scan.RoleGroup;
import nl.meedenken.scan.internal.CodeShare;
import nl.meedenken.scan.internal.Campaign;
import nl.meedenken.scan.internal.Campaigns;
import nl.meedenken.scan.internal.GroupKey;
import nl.meedenken.scan.internal.Report;
import nl.meedenken.scan.internal.Results;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/**
 * Results of a campaign: for management and the works council the whole company with
 * filters; for a team lead only their own department. Report as page and PDF, and an
 * export of aggregated figures.
 */
@Controller
@RequestMapping("/scan/campaigns/{id}")
class ResultsController {

    private final Campaigns campaigns;
    private final Results results;
    private final Report report;
    private final People people;
    private final Actions actions;
    private final org.springframework.context.MessageSource messages;
    private final AuditLog audit;

    ResultsController(Campaigns campaigns, Results results, Report report, People people, Actions actions,
                      org.springframework.context.MessageSource messages, AuditLog audit) {
        this.audit = audit;
        this.messages = messages;
        this.campaigns = campaigns;
        this.results = results;
        this.report = report;
        this.people = people;
        this.actions = actions;
    }

    @GetMapping("/results")
    String results(@PathVariable long id, @RequestParam(name = "team", required = false) Long team,
                   @RequestParam(name = "role", required = false) String role,
                   @AuthenticationPrincipal SignedInUser me, Locale locale, Model model) {
        Campaign campaign = find(id);
        RoleGroup roleGroup = Arrays.stream(RoleGroup.values()).filter(r -> r.name().equals(role)).findFirst()
                .orElse(null);
        boolean wholeCompany = me.has(Role.MANAGEMENT) || me.has(Role.WORKS_COUNCIL);
        if (!wholeCompany) {
            Long own = ownTeam(me);
            if (own == null) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN);
            }
            if (!own.equals(team) || roleGroup != null) {
                return "redirect:/scan/campaigns/" + id + "/results?team=" + own;
            }
        }
        if (campaign.status() == Campaign.Status.DRAFT && !me.has(Role.MANAGEMENT)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (campaign.status() != Campaign.Status.CLOSED) {
            // comparing results before and after one more answer would reveal that answer
            model.addAttribute("campaign", campaign);
            model.addAttribute("responses", campaigns.responseCount(id));
            return "scan/results-after-closing";
        }
        GroupKey group = Results.group(team, roleGroup);
        Results.View view = results.view(campaign, group);
        if (!wholeCompany) {
            view = Results.ownDepartmentOnly(view);
        }
        model.addAttribute("view", view);
        model.addAttribute("wholeCompany", wholeCompany);
        model.addAttribute("responses", campaigns.responseCount(id));
        model.addAttribute("codeShare", CodeShare.of(campaigns.codeSheets(id), campaigns.responses(id), campaign.minGroupSize()));
        model.addAttribute("answerLanguages", campaigns.answerLanguages(id));
        model.addAttribute("chosenTeam", team);
        model.addAttribute("chosenRole", roleGroup);
        model.addAttribute("roleGroups", RoleGroup.values());
        model.addAttribute("findings", Findings.of(view, locale, messages));
        model.addAttribute("charts", ChartData.of(view, locale, key -> messages.getMessage(key, null, key, locale)));
        model.addAttribute("owners", me.has(Role.MANAGEMENT) ? people.withRole(Role.EMPLOYEE) : java.util.List.of());
        model.addAttribute("actions", actions.from(Origin.Type.SCAN_CAMPAIGN, id));
        model.addAttribute("canAct", me.has(Role.MANAGEMENT));
        return "scan/results";
    }

    @PostMapping("/actions")
    String createAction(@PathVariable long id, @RequestParam(name = "title", required = false) String title,
                        @RequestParam(name = "description", required = false) String description,
                        @RequestParam(name = "ownerId", required = false) Long ownerId,
                        @RequestParam(name = "dueOn", required = false) LocalDate dueOn,
                        @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        Campaign campaign = find(id);
        try {
            actions.create(new NewAction(title, description, ownerId, dueOn,
                    new Origin(Origin.Type.SCAN_CAMPAIGN, id, campaign.title())), me.displayName());
            redirect.addFlashAttribute("saved", "scan.saved.action");
        } catch (InvalidAction refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return "redirect:/scan/campaigns/" + id + "/results#advice";
    }

    @GetMapping("/report")
    String report(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Locale locale, Model model) {
        Campaign campaign = closed(id);
        exported(id, me, "report");
        model.addAttribute("report", report.content(campaign, locale));
        return "scan/report";
    }

    @GetMapping("/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Locale locale) {
        Campaign campaign = closed(id);
        exported(id, me, "report.pdf");
        byte[] pdf = report.pdf(campaign, locale);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("scan-" + id + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }

    @GetMapping("/results.csv")
    ResponseEntity<byte[]> csv(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Locale locale) {
        Campaign campaign = closed(id);
        exported(id, me, "results.csv");
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("scan-" + id + "-results.csv", StandardCharsets.UTF_8).build().toString())
                .body(report.csv(campaign, locale).getBytes(StandardCharsets.UTF_8));
    }

    /** Every report and export is in the audit log, where the works council can see it. */
    private void exported(long id, SignedInUser me, String what) {
        audit.record(AuditEntry.Type.SCAN_RESULTS_EXPORTED, me.auditName(), Campaigns.auditSubject(id), null, what);
    }

    private Long ownTeam(SignedInUser me) {
        return people.find(new PersonId(me.personId())).map(PersonSummary::team).map(t -> t.value()).orElse(null);
    }

    /** Reports and exports exist only for closed campaigns. */
    private Campaign closed(long id) {
        Campaign campaign = find(id);
        if (campaign.status() != Campaign.Status.CLOSED) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return campaign;
    }

    private Campaign find(long id) {
        // a restricted pulse is shown only by the module that started it
        return campaigns.find(id).filter(c -> !c.restricted())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
