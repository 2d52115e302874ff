package nl.meedenken.actions.web;

import nl.meedenken.actions.ActionEdit;
import nl.meedenken.actions.ActionId;
import nl.meedenken.actions.ActionQuery;
import nl.meedenken.actions.ActionStatus;
import nl.meedenken.actions.ActionSummary;
import nl.meedenken.actions.Actions;
import nl.meedenken.actions.InvalidAction;
import nl.meedenken.actions.NewAction;
import nl.meedenken.actions.Origin;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.TeamId;
import nl.meedenken.organisation.TeamSummary;
import nl.meedenken.platform.FormValues;
import nl.meedenken.platform.Page;
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
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** My actions, the team's actions, overdue actions, and one action with its history. */
@Controller
@RequestMapping("/actions")
class ActionsController {

    static final int PAGE_SIZE = 20;

    private final Actions actions;
    private final People people;
    private final ActionRights rights;

    ActionsController(Actions actions, People people, ActionRights rights) {
        this.actions = actions;
        this.people = people;
        this.rights = rights;
    }

    @GetMapping
    String mine(@RequestParam(name = "status", defaultValue = "open") String status,
                @RequestParam(name = "page", defaultValue = "0") int page,
                @AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("tab", "mine");
        model.addAttribute("status", status);
        model.addAttribute("page", actions.list(ActionQuery.ownedBy(me.personId(), statuses(status)), page, PAGE_SIZE));
        return list(model);
    }

    @GetMapping("/team")
    String team(@RequestParam(name = "team", required = false) Long team,
                @RequestParam(name = "status", defaultValue = "open") String status,
                @RequestParam(name = "page", defaultValue = "0") int page,
                @AuthenticationPrincipal SignedInUser me, Model model) {
        List<TeamSummary> choosable = rights.seesAllTeams(me)
                ? people.teams().stream().filter(TeamSummary::active).toList()
                : people.teams().stream().filter(t -> rights.teamOf(me).map(t.id()::equals).orElse(false)).toList();
        Long chosen = team != null && choosable.stream().anyMatch(t -> t.id().value() == team) ? team
                : rights.teamOf(me).map(TeamId::value).orElse(choosable.isEmpty() ? null : choosable.get(0).id().value());
        if (team != null && !team.equals(chosen)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        model.addAttribute("tab", "team");
        model.addAttribute("status", status);
        model.addAttribute("teams", choosable);
        model.addAttribute("chosenTeam", chosen);
        model.addAttribute("page", chosen == null ? new Page<>(List.of(), 0, PAGE_SIZE, 0)
                : actions.list(ActionQuery.ofTeams(Set.of(chosen), statuses(status)), page, PAGE_SIZE));
        return list(model);
    }

    @GetMapping("/overdue")
    String overdue(@RequestParam(name = "page", defaultValue = "0") int page,
                   @AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("tab", "overdue");
        model.addAttribute("status", "open");
        model.addAttribute("mineOverdue", actions.list(new ActionQuery(me.personId(), null, null, true), 0, 100).items());
        ActionQuery wider = null;
        if (me.has(Role.MANAGEMENT)) {
            wider = new ActionQuery(null, null, null, true);
            model.addAttribute("widerKey", "actions.overdue.everywhere");
        } else if (me.has(Role.TEAM_LEAD)) {
            wider = rights.teamOf(me).map(t -> new ActionQuery(null, Set.of(t.value()), null, true)).orElse(null);
            model.addAttribute("widerKey", "actions.overdue.team");
        }
        model.addAttribute("page", wider == null ? null : actions.list(wider, page, PAGE_SIZE));
        return list(model);
    }

    private String list(Model model) {
        model.addAttribute("today", actions.today());
        return "actions/list";
    }

    @GetMapping("/new")
    String newAction(@AuthenticationPrincipal SignedInUser me, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ownerId", Long.toString(me.personId()));
        values.put("dueOn", actions.today().plusWeeks(2).toString());
        return form(me, model, values, null, Map.of());
    }

    @PostMapping
    String create(@RequestParam Map<String, String> form, @AuthenticationPrincipal SignedInUser me, Model model,
                  RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate due = FormValues.date(form.get("dueOn"), "dueOn", errors);
        Long owner = FormValues.number(form.get("ownerId"));
        if (owner != null && owner != me.personId() && !rights.assignsToOthers(me)) {
            errors.put("ownerId", "actions.error.ownOnly");
        }
        checkTeam(me, FormValues.number(form.get("teamId")), null, errors);
        if (errors.isEmpty()) {
            try {
                ActionId id = actions.create(new NewAction(form.get("title"), form.get("description"), owner,
                        FormValues.number(form.get("teamId")), due, Origin.manual()), me.displayName());
                redirect.addFlashAttribute("saved", "actions.saved.created");
                return "redirect:/actions/" + id.value();
            } catch (InvalidAction refused) {
                errors.put(refused.field(), refused.messageKey());
            }
        }
        return form(me, model, form, null, errors);
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Model model) {
        ActionSummary action = visible(id, me);
        model.addAttribute("action", action);
        model.addAttribute("history", actions.history(action.id()));
        model.addAttribute("mayChange", rights.mayChange(me, action));
        model.addAttribute("today", actions.today());
        return "actions/action";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Model model) {
        ActionSummary action = changeable(id, me);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", action.title());
        values.put("description", action.description() == null ? "" : action.description());
        values.put("ownerId", Long.toString(action.ownerId()));
        values.put("teamId", action.teamId() == null ? "" : action.teamId().toString());
        values.put("dueOn", action.dueOn().toString());
        return form(me, model, values, action, Map.of());
    }

    @PostMapping("/{id}")
    String change(@PathVariable long id, @RequestParam Map<String, String> form,
                  @AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect) {
        ActionSummary action = changeable(id, me);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate due = FormValues.date(form.get("dueOn"), "dueOn", errors);
        Long owner = FormValues.number(form.get("ownerId"));
        if (owner != null && owner != action.ownerId() && owner != me.personId() && !rights.assignsToOthers(me)) {
            errors.put("ownerId", "actions.error.ownOnly");
        }
        checkTeam(me, FormValues.number(form.get("teamId")), action.teamId(), errors);
        if (errors.isEmpty()) {
            try {
                actions.change(action.id(), new ActionEdit(form.get("title"), form.get("description"), owner,
                        FormValues.number(form.get("teamId")), due), me.displayName());
                redirect.addFlashAttribute("saved", "actions.saved.changed");
                return "redirect:/actions/" + id;
            } catch (InvalidAction refused) {
                errors.put(refused.field(), refused.messageKey());
            }
        }
        return form(me, model, form, action, errors);
    }

    @GetMapping("/{id}/drop")
    String confirmDrop(@PathVariable long id, @RequestParam(name = "returnTo", required = false) String returnTo,
                       @AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("action", changeable(id, me));
        model.addAttribute("returnTo", local(returnTo, id));
        model.addAttribute("errors", Map.of());
        return "actions/drop";
    }

    @PostMapping("/{id}/status")
    String move(@PathVariable long id, @RequestParam(name = "to", required = false) String to,
                @RequestParam(name = "reason", required = false) String reason,
                @RequestParam(name = "returnTo", required = false) String returnTo,
                @AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect) {
        ActionSummary action = changeable(id, me);
        ActionStatus target = parse(to);
        try {
            actions.move(action.id(), target, reason, me.displayName());
            redirect.addFlashAttribute("saved", "actions.saved.status." + target.name());
        } catch (InvalidAction refused) {
            if (target == ActionStatus.DROPPED) {
                model.addAttribute("action", action);
                model.addAttribute("returnTo", local(returnTo, id));
                model.addAttribute("errors", Map.of(refused.field(), refused.messageKey()));
                return "actions/drop";
            }
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return "redirect:" + local(returnTo, id);
    }

    private String form(SignedInUser me, Model model, Map<String, String> values, ActionSummary action,
                        Map<String, String> errors) {
        List<PersonSummary> owners;
        if (rights.assignsToOthers(me)) {
            owners = people.withRole(Role.EMPLOYEE).stream().filter(PersonSummary::active)
                    .sorted(Comparator.comparing(PersonSummary::name)).toList();
        } else {
            // others can only take an action on themselves, or keep the owner it has
            Set<Long> ids = new LinkedHashSet<>();
            ids.add(me.personId());
            if (action != null) {
                ids.add(action.ownerId());
            }
            owners = ids.stream().flatMap(p -> people.find(new PersonId(p)).stream()).toList();
        }
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("action", action);
        model.addAttribute("owners", owners);
        model.addAttribute("teams", people.teams().stream().filter(TeamSummary::active).toList());
        return "actions/form";
    }

    /** Without a lead's role, an action stays in one's own team (or the team it already had). */
    private void checkTeam(SignedInUser me, Long team, Long current, Map<String, String> errors) {
        if (team == null || rights.assignsToOthers(me) || team.equals(current)) {
            return;
        }
        if (!rights.teamOf(me).map(t -> t.value() == team).orElse(false)) {
            errors.put("teamId", "actions.error.ownTeamOnly");
        }
    }

    private ActionSummary visible(long id, SignedInUser me) {
        ActionSummary action = actions.find(new ActionId(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!rights.maySee(me, action)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return action;
    }

    private ActionSummary changeable(long id, SignedInUser me) {
        ActionSummary action = visible(id, me);
        if (!rights.mayChange(me, action)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return action;
    }

    private static Set<ActionStatus> statuses(String filter) {
        return switch (filter) {
            case "done" -> EnumSet.of(ActionStatus.DONE, ActionStatus.DROPPED);
            case "all" -> EnumSet.allOf(ActionStatus.class);
            default -> EnumSet.of(ActionStatus.OPEN, ActionStatus.DOING);
        };
    }

    private static ActionStatus parse(String to) {
        try {
            return ActionStatus.valueOf(to == null ? "" : to);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
    }



    /** Back to the page that sent the change, if it is one of ours; else the action itself. */
    private static String local(String returnTo, long id) {
        if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.contains("\\")
                || returnTo.contains("\r") || returnTo.contains("\n")) {
            return "/actions/" + id;
        }
        return returnTo;
    }
}
