package nl.meedenken.ideas.web;

import nl.meedenken.ideas.internal.Experiment;
import nl.meedenken.ideas.internal.Experiments;
import nl.meedenken.ideas.internal.IdeaBox;
import nl.meedenken.ideas.internal.InnovationRoster;
import nl.meedenken.ideas.internal.InvalidIdea;
import nl.meedenken.platform.FormValues;
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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The experiments board and one experiment: team leads, management and members of an
 * innovation team start experiments and decide on them.
 */
@Controller
@RequestMapping("/ideas/experiments")
class ExperimentsController {

    private final Experiments experiments;
    private final IdeaBox ideas;
    private final InnovationRoster roster;

    ExperimentsController(Experiments experiments, IdeaBox ideas, InnovationRoster roster) {
        this.experiments = experiments;
        this.ideas = ideas;
        this.roster = roster;
    }

    /** Leads start experiments for anyone; a member of an innovation team for that team. */
    private boolean mayRun(SignedInUser me) {
        return IdeasController.leads(me) || roster.inAnyTeam(me.personId());
    }

    /** Leads decide on every experiment; members of an innovation team on their team's experiments. */
    private boolean mayDecide(SignedInUser me, Experiment experiment) {
        return IdeasController.leads(me) || (experiment.innovationTeamId() != null
                && roster.find(experiment.innovationTeamId()).map(t -> t.has(me.personId())).orElse(false));
    }

    @GetMapping
    String board(@AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("board", experiments.board());
        model.addAttribute("today", experiments.today());
        model.addAttribute("mayRun", mayRun(me));
        return "ideas/experiments";
    }

    @GetMapping("/new")
    String newExperiment(@RequestParam(name = "idea", required = false) Long idea,
                         @AuthenticationPrincipal SignedInUser me, Model model) {
        if (!mayRun(me)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (idea != null) {
            ideas.find(idea).ifPresent(i -> {
                values.put("ideaId", Long.toString(i.id()));
                values.put("title", i.title());
                if (i.innovationTeamId() != null) {
                    values.put("teamId", i.innovationTeamId().toString());
                }
            });
        }
        values.put("startsOn", experiments.today().toString());
        values.put("endsOn", experiments.today().plusWeeks(4).toString());
        return form(model, values, Map.of());
    }

    @PostMapping
    String start(@RequestParam Map<String, String> form, @AuthenticationPrincipal SignedInUser me, Model model,
                 RedirectAttributes redirect) {
        if (!mayRun(me)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate starts = FormValues.date(form.get("startsOn"), "startsOn", errors);
        LocalDate ends = FormValues.date(form.get("endsOn"), "endsOn", errors);
        Long team = FormValues.number(form.get("teamId"));
        if (team != null && roster.find(team).isEmpty()) {
            errors.put("teamId", "innovation.error.unknown");
        } else if (!IdeasController.leads(me)
                && (team == null || !roster.find(team).map(t -> t.has(me.personId())).orElse(false))) {
            errors.put("teamId", "experiments.error.ownTeam");
        }
        if (errors.isEmpty()) {
            try {
                long id = experiments.start(new Experiments.Plan(FormValues.number(form.get("ideaId")), form.get("title"),
                        form.get("hypothesis"), form.get("whatWeTry"), form.get("participants"), starts, ends,
                        form.get("measure"), team), me.personId(), me.displayName());
                redirect.addFlashAttribute("saved", "experiments.saved.started");
                return "redirect:/ideas/experiments/" + id;
            } catch (InvalidIdea refused) {
                errors.put(refused.field(), refused.messageKey());
            }
        }
        return form(model, form, errors);
    }

    private String form(Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("teams", roster.all());
        return "ideas/experiment-form";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Model model) {
        Experiment experiment = find(id);
        model.addAttribute("experiment", experiment);
        model.addAttribute("idea", experiment.ideaId() == null ? null : ideas.find(experiment.ideaId()).orElse(null));
        model.addAttribute("team", experiment.innovationTeamId() == null ? null
                : roster.find(experiment.innovationTeamId()).orElse(null));
        model.addAttribute("today", experiments.today());
        model.addAttribute("mayDecide", mayDecide(me, experiment));
        model.addAttribute("decisions", Experiment.Decision.values());
        model.addAttribute("errors", Map.of());
        model.addAttribute("values", Map.of());
        return "ideas/experiment";
    }

    @PostMapping("/{id}/decision")
    String decide(@PathVariable long id, @RequestParam Map<String, String> form,
                  @AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect) {
        Experiment experiment = find(id);
        if (!mayDecide(me, experiment)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Experiment.Decision decision = null;
        try {
            decision = form.get("decision") == null ? null : Experiment.Decision.valueOf(form.get("decision"));
        } catch (IllegalArgumentException ignored) {
            // refused below as "choose a decision"
        }
        try {
            experiments.decide(id, form.get("result"), decision, form.get("reason"), me.personId(), me.displayName());
            redirect.addFlashAttribute("saved", "experiments.saved.decided");
            return "redirect:/ideas/experiments/" + id;
        } catch (InvalidIdea refused) {
            show(id, me, model);
            model.addAttribute("errors", Map.of(refused.field(), refused.messageKey()));
            model.addAttribute("values", form);
            return "ideas/experiment";
        }
    }

    private Experiment find(long id) {
        return experiments.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
