package nl.meedenken.ideas.web;

import nl.meedenken.ideas.internal.Experiments;
import nl.meedenken.ideas.internal.IdeaBox;
import nl.meedenken.ideas.internal.InnovationRoster;
import nl.meedenken.ideas.internal.InvalidIdea;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.platform.FormValues;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Innovation teams: a list for everyone, a team page with its ideas and experiments; management forms teams. */
@Controller
@RequestMapping("/ideas/teams")
class InnovationTeamsController {

    private final InnovationRoster roster;
    private final IdeaBox ideas;
    private final Experiments experiments;
    private final People people;

    InnovationTeamsController(InnovationRoster roster, IdeaBox ideas, Experiments experiments, People people) {
        this.roster = roster;
        this.ideas = ideas;
        this.experiments = experiments;
        this.people = people;
    }

    @GetMapping
    String list(@AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("teams", roster.all());
        model.addAttribute("mayForm", me.has(Role.MANAGEMENT));
        return "ideas/teams";
    }

    @GetMapping("/new")
    String newTeam(@AuthenticationPrincipal SignedInUser me, Model model) {
        management(me);
        return form(model, "", "", Set.of(), Map.of());
    }

    @PostMapping
    String create(@RequestParam MultiValueMap<String, String> form, @AuthenticationPrincipal SignedInUser me,
                  Model model, RedirectAttributes redirect) {
        management(me);
        Set<Long> members = new LinkedHashSet<>();
        List<String> chosen = form.getOrDefault("members", List.of());
        chosen.stream().map(FormValues::number).filter(Objects::nonNull).forEach(members::add);
        try {
            long id = roster.create(form.getFirst("name"), form.getFirst("mandate"), members, me.auditName());
            redirect.addFlashAttribute("saved", "innovation.saved.created");
            return "redirect:/ideas/teams/" + id;
        } catch (InvalidIdea refused) {
            return form(model, form.getFirst("name"), form.getFirst("mandate"), members,
                    Map.of(refused.field(), refused.messageKey()));
        }
    }

    private String form(Model model, String name, String mandate, Set<Long> members, Map<String, String> errors) {
        model.addAttribute("name", name);
        model.addAttribute("mandate", mandate);
        model.addAttribute("chosen", members);
        model.addAttribute("errors", errors);
        model.addAttribute("people", people.withRole(Role.EMPLOYEE).stream().filter(PersonSummary::active)
                .sorted(Comparator.comparing(PersonSummary::name)).toList());
        return "ideas/team-form";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Model model) {
        management(me);
        InnovationRoster.Team team = roster.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("teamId", id);
        Set<Long> members = new LinkedHashSet<>();
        team.members().forEach(m -> members.add(m.id().value()));
        return form(model, team.name(), team.mandate(), members, Map.of());
    }

    @PostMapping("/{id}")
    String change(@PathVariable long id, @RequestParam MultiValueMap<String, String> form,
                  @AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect) {
        management(me);
        roster.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Set<Long> members = new LinkedHashSet<>();
        form.getOrDefault("members", List.of()).stream().map(FormValues::number).filter(Objects::nonNull)
                .forEach(members::add);
        try {
            roster.change(id, form.getFirst("name"), form.getFirst("mandate"), members);
            redirect.addFlashAttribute("saved", "innovation.saved.changed");
            return "redirect:/ideas/teams/" + id;
        } catch (InvalidIdea refused) {
            model.addAttribute("teamId", id);
            return form(model, form.getFirst("name"), form.getFirst("mandate"), members,
                    Map.of(refused.field(), refused.messageKey()));
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Model model) {
        InnovationRoster.Team team = roster.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("team", team);
        model.addAttribute("ideas", ideas.search(new IdeaBox.Filter(null, null, null, null, null, false, id, null), 0));
        model.addAttribute("experiments", experiments.ofTeam(id));
        model.addAttribute("today", experiments.today());
        model.addAttribute("mayForm", me.has(Role.MANAGEMENT));
        return "ideas/team";
    }

    private static void management(SignedInUser me) {
        if (!me.has(Role.MANAGEMENT)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
