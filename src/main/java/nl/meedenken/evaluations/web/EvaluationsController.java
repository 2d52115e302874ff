package nl.meedenken.evaluations.web;

import nl.meedenken.actions.Actions;
import nl.meedenken.evaluations.internal.EvaluationRights;
import nl.meedenken.evaluations.internal.HistoryCsv;
import nl.meedenken.evaluations.internal.InvalidEvaluation;
import nl.meedenken.evaluations.internal.Session;
import nl.meedenken.evaluations.internal.Sessions;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.TeamId;
import nl.meedenken.organisation.TeamSummary;
import nl.meedenken.platform.FormValues;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import org.springframework.context.MessageSource;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The team's evaluations: planning them, the live board, the summary and the history.
 * Changes on the board answer an htmx request with the new board, and a full page otherwise.
 */

/** The team's evaluations: the overview, planning them, and a team's history with its CSV export. */
@Controller
@RequestMapping("/evaluations")
class EvaluationsController {

    private final Sessions sessions;
    private final EvaluationRights rights;
    private final People people;
    private final Actions actions;
    private final HistoryCsv csv;
    private final MessageSource messages;
    private final Names names;

    EvaluationsController(Sessions sessions, EvaluationRights rights, People people, Actions actions, HistoryCsv csv,
                          MessageSource messages, Names names) {
        this.sessions = sessions;
        this.rights = rights;
        this.people = people;
        this.actions = actions;
        this.csv = csv;
        this.messages = messages;
        this.names = names;
    }

    @GetMapping
    String overview(@AuthenticationPrincipal SignedInUser me, Model model) {
        Optional<TeamId> myTeam = people.find(new PersonId(me.personId())).map(PersonSummary::team);
        Map<Long, String> teamNames = names.teams();
        List<Session> upcoming = sessions.upcoming().stream()
                .filter(s -> rights.takesPart(s, me)).toList();
        model.addAttribute("upcoming", upcoming);
        model.addAttribute("teamNames", teamNames);
        model.addAttribute("myTeam", myTeam.map(TeamId::value).orElse(null));
        model.addAttribute("closedPerTeam", sessions.closedPerTeam());
        model.addAttribute("teams", people.teams().stream().filter(TeamSummary::active)
                .filter(t -> rights.readsHistory(t.id().value(), me)).toList());
        model.addAttribute("mayPlan", me.has(Role.MANAGEMENT) || me.has(Role.TEAM_LEAD));
        model.addAttribute("names", names.people(upcoming.stream().map(Session::facilitatorId).toList()));
        return "evaluations/index";
    }

    // ---- planning

    @GetMapping("/schedule")
    String scheduleForm(@AuthenticationPrincipal SignedInUser me, Locale locale, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", messages.getMessage("evaluations.schedule.defaultTitle", null, "", locale));
        values.put("everyWeeks", "4");
        values.put("firstOn", sessions.today().plusDays(7).toString());
        values.put("facilitatorId", Long.toString(me.personId()));
        people.find(new PersonId(me.personId())).map(PersonSummary::team)
                .ifPresent(t -> values.put("teamId", Long.toString(t.value())));
        values.put("anonymousCards", "on");
        return scheduleForm(me, model, values, Map.of());
    }

    @PostMapping("/schedule")
    String schedule(@RequestParam Map<String, String> form, @AuthenticationPrincipal SignedInUser me, Model model,
                    RedirectAttributes redirect, java.util.Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long team = FormValues.number(form.get("teamId"));
        Long everyWeeks = FormValues.count(form.get("everyWeeks"), locale);
        Integer weeks = everyWeeks == null ? null : (int) Math.max(-1, Math.min(everyWeeks, 1000));
        LocalDate first = FormValues.date(form.get("firstOn"), "firstOn", errors);
        if (team != null && !rights.schedules(team, me)) {
            errors.put("teamId", "evaluations.error.notYourTeam");
        }
        if (errors.isEmpty()) {
            try {
                long session = sessions.schedule(new Sessions.Plan(team, form.get("title"), weeks, first,
                        FormValues.number(form.get("facilitatorId")), form.containsKey("anonymousCards")), me.auditName());
                redirect.addFlashAttribute("saved", "evaluations.saved.scheduled");
                return "redirect:/evaluations/sessions/" + session;
            } catch (InvalidEvaluation refused) {
                errors.put(refused.field(), refused.messageKey());
            }
        }
        return scheduleForm(me, model, form, errors);
    }

    private String scheduleForm(SignedInUser me, Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("teams", people.teams().stream().filter(TeamSummary::active)
                .filter(t -> rights.schedules(t.id().value(), me)).toList());
        model.addAttribute("facilitators", people.withRole(Role.EMPLOYEE).stream().filter(PersonSummary::active)
                .sorted(Comparator.comparing(PersonSummary::name)).toList());
        return "evaluations/schedule";
    }

    // ---- a session

    @GetMapping("/teams/{team}")
    String team(@PathVariable long team, @AuthenticationPrincipal SignedInUser me, Model model) {
        history(team, me);
        List<Session> all = sessions.ofTeam(team);
        model.addAttribute("teamId", team);
        model.addAttribute("teamName", names.teams().get(team));
        model.addAttribute("sessions", all);
        model.addAttribute("names", names.people(all.stream().map(Session::facilitatorId).toList()));
        model.addAttribute("counts", all.stream().collect(Collectors.toMap(Session::id,
                s -> actions.from(nl.meedenken.actions.Origin.Type.EVALUATION, s.id()).size())));
        model.addAttribute("mayPlan", rights.schedules(team, me));
        return "evaluations/team";
    }

    @GetMapping("/teams/{team}/history.csv")
    ResponseEntity<byte[]> teamCsv(@PathVariable long team, @AuthenticationPrincipal SignedInUser me, Locale locale) {
        history(team, me);
        Function<String, String> label = key -> messages.getMessage(key, null, key, locale);
        byte[] body = ("\uFEFF" + csv.write(team, label)).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("evaluations-team-" + team + ".csv", StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    // ---- helpers

    private void history(long team, SignedInUser me) {
        if (people.teams().stream().noneMatch(t -> t.id().value() == team)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!rights.readsHistory(team, me)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
