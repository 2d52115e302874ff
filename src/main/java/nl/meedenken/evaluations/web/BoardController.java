package nl.meedenken.evaluations.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.meedenken.actions.Actions;
import nl.meedenken.actions.InvalidAction;
import nl.meedenken.evaluations.internal.Card;
import nl.meedenken.evaluations.internal.CardKind;
import nl.meedenken.evaluations.internal.EvaluationRights;
import nl.meedenken.evaluations.internal.InvalidEvaluation;
import nl.meedenken.evaluations.internal.Session;
import nl.meedenken.evaluations.internal.Sessions;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.TeamId;
import nl.meedenken.platform.FormValues;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import nl.meedenken.platform.Refused;
import org.springframework.http.HttpStatus;
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

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The team's evaluations: planning them, the live board, the summary and the history.
 * Changes on the board answer an htmx request with the new board, and a full page otherwise.
 */

/**
 * One evaluation session: the planned page, the live board (cards, votes, groups, actions),
 * closing it, and its summary. Changes answer an htmx request with the new board, and a
 * full page otherwise.
 */
@Controller
@RequestMapping("/evaluations")
class BoardController {

    private final Sessions sessions;
    private final EvaluationRights rights;
    private final People people;
    private final Actions actions;
    private final Names names;

    BoardController(Sessions sessions, EvaluationRights rights, People people, Actions actions, Names names) {
        this.sessions = sessions;
        this.rights = rights;
        this.people = people;
        this.actions = actions;
        this.names = names;
    }

    @GetMapping("/sessions/{id}")
    String session(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Model model) {
        Session session = participating(id, me);
        if (session.state() == Session.State.CLOSED) {
            return "redirect:/evaluations/sessions/" + id + "/summary";
        }
        model.addAttribute("evaluation", session);
        model.addAttribute("teamName", names.teams().get(session.teamId()));
        model.addAttribute("facilitator", names.person(session.facilitatorId()));
        model.addAttribute("leads", rights.leads(session, me));
        model.addAttribute("kinds", CardKind.values());
        if (session.state() == Session.State.PLANNED) {
            model.addAttribute("review", actions.openFor(new TeamId(session.teamId()),
                    nl.meedenken.actions.Origin.Type.EVALUATION));
            model.addAttribute("facilitators", people.withRole(Role.EMPLOYEE).stream().filter(PersonSummary::active)
                    .sorted(Comparator.comparing(PersonSummary::name)).toList());
            return "evaluations/planned";
        }
        model.addAttribute("review", sessions.reviewed(id));
        model.addAttribute("reviewNow", reviewNow(id));
        model.addAttribute("today", sessions.today());
        model.addAttribute("board", sessions.board(id, me.personId()));
        return "evaluations/session";
    }

    /** The live board; answers "nothing new" (204) while the version the page has is current. */
    @GetMapping("/sessions/{id}/board")
    Object board(@PathVariable long id, @RequestParam(name = "version", required = false) Long version,
                 @AuthenticationPrincipal SignedInUser me, Model model) {
        Session session = participating(id, me);
        if (version != null && version == session.version()) {
            return ResponseEntity.noContent().build();
        }
        return boardFragment(session, me, model);
    }

    private String boardFragment(Session session, SignedInUser me, Model model) {
        model.addAttribute("evaluation", sessions.find(session.id()).orElseThrow());
        model.addAttribute("leads", rights.leads(session, me));
        model.addAttribute("board", sessions.board(session.id(), me.personId()));
        return "evaluations/session :: board";
    }

    @PostMapping("/sessions/{id}/start")
    String start(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        leading(id, me);
        try {
            sessions.start(id);
            redirect.addFlashAttribute("saved", "evaluations.saved.started");
        } catch (InvalidEvaluation refused) {
            refuse(redirect, refused);
        }
        return "redirect:/evaluations/sessions/" + id;
    }

    @PostMapping("/sessions/{id}/replan")
    String replan(@PathVariable long id, @RequestParam(name = "plannedOn", required = false) String on,
                  @RequestParam(name = "facilitatorId", required = false) Long facilitator,
                  @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        leading(id, me);
        try {
            Map<String, String> errors = new LinkedHashMap<>();
            LocalDate date = FormValues.date(on, "plannedOn", errors);
            if (!errors.isEmpty()) {
                throw new InvalidEvaluation("plannedOn", errors.get("plannedOn"));
            }
            sessions.replan(id, date, facilitator);
            redirect.addFlashAttribute("saved", "evaluations.saved.replanned");
        } catch (InvalidEvaluation refused) {
            refuse(redirect, refused);
        }
        return "redirect:/evaluations/sessions/" + id;
    }

    @PostMapping("/sessions/{id}/cards")
    String addCard(@PathVariable long id, @RequestParam(name = "kind", required = false) String kind,
                   @RequestParam(name = "text", required = false) String text,
                   @RequestParam(name = "anonymous", required = false) String anonymous,
                   @AuthenticationPrincipal SignedInUser me, HttpServletRequest request, HttpServletResponse response,
                   Model model, RedirectAttributes redirect) {
        Session session = participating(id, me);
        return change(session, me, request, response, model, redirect, "evaluations.saved.card",
                () -> sessions.addCard(id, kind(kind), text, me.personId(), anonymous != null));
    }

    @PostMapping("/sessions/{id}/cards/{card}/vote")
    String vote(@PathVariable long id, @PathVariable long card, @AuthenticationPrincipal SignedInUser me,
                HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Session session = participating(id, me);
        return change(session, me, request, response, model, redirect, null, () -> sessions.vote(id, card, me.personId()));
    }

    @GetMapping("/sessions/{id}/cards/{card}/group")
    String groupForm(@PathVariable long id, @PathVariable long card, @AuthenticationPrincipal SignedInUser me,
                     Model model) {
        Session session = leading(id, me);
        List<Card> cards = sessions.cards(id);
        Card chosen = cards.stream().filter(c -> c.id() == card).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("evaluation", session);
        model.addAttribute("card", chosen);
        model.addAttribute("others", cards.stream()
                .filter(c -> c.groupOf() == null && c.id() != card && c.kind() == chosen.kind()).toList());
        model.addAttribute("othersElsewhere", cards.stream()
                .filter(c -> c.groupOf() == null && c.id() != card && c.kind() != chosen.kind()).toList());
        return "evaluations/group";
    }

    @PostMapping("/sessions/{id}/cards/{card}/group")
    String group(@PathVariable long id, @PathVariable long card, @RequestParam(name = "into") long into,
                 @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        leading(id, me);
        try {
            sessions.group(id, card, into);
            redirect.addFlashAttribute("saved", "evaluations.saved.grouped");
        } catch (InvalidEvaluation refused) {
            refuse(redirect, refused);
        }
        return "redirect:/evaluations/sessions/" + id + "#card-" + into;
    }

    @PostMapping("/sessions/{id}/cards/{card}/ungroup")
    String ungroup(@PathVariable long id, @PathVariable long card, @AuthenticationPrincipal SignedInUser me,
                   HttpServletRequest request, HttpServletResponse response, Model model,
                   RedirectAttributes redirect) {
        Session session = leading(id, me);
        return change(session, me, request, response, model, redirect, "evaluations.saved.ungrouped",
                () -> sessions.ungroup(id, card));
    }

    @GetMapping("/sessions/{id}/cards/{card}/action")
    String actionForm(@PathVariable long id, @PathVariable long card, @AuthenticationPrincipal SignedInUser me,
                      Model model) {
        Session session = leading(id, me);
        Card chosen = sessions.cards(id).stream().filter(c -> c.id() == card).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", chosen.text().length() > 200 ? chosen.text().substring(0, 200) : chosen.text());
        values.put("dueOn", sessions.today().plusWeeks(4).toString());
        return actionForm(session, chosen, model, values, Map.of());
    }

    @PostMapping("/sessions/{id}/cards/{card}/action")
    String makeAction(@PathVariable long id, @PathVariable long card, @RequestParam Map<String, String> form,
                      @AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect) {
        Session session = leading(id, me);
        Card chosen = sessions.cards(id).stream().filter(c -> c.id() == card).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate due = FormValues.date(form.get("dueOn"), "dueOn", errors);
        if (errors.isEmpty()) {
            try {
                sessions.makeAction(id, card, form.get("title"), form.get("description"),
                        FormValues.number(form.get("ownerId")), due, me.displayName());
                redirect.addFlashAttribute("saved", "evaluations.saved.action");
                return "redirect:/evaluations/sessions/" + id + "#card-" + card;
            } catch (InvalidAction | InvalidEvaluation refused) {
                errors.put(((Refused) refused).field(), ((Refused) refused).messageKey());
            }
        }
        return actionForm(session, chosen, model, form, errors);
    }

    private String actionForm(Session session, Card card, Model model, Map<String, String> values,
                              Map<String, String> errors) {
        model.addAttribute("evaluation", session);
        model.addAttribute("card", card);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("owners", people.inTeam(new TeamId(session.teamId())).stream()
                .filter(PersonSummary::active).sorted(Comparator.comparing(PersonSummary::name)).toList());
        return "evaluations/action";
    }

    @GetMapping("/sessions/{id}/close")
    String closeForm(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Model model) {
        Session session = leading(id, me);
        model.addAttribute("evaluation", session);
        model.addAttribute("board", sessions.board(id, me.personId()));
        return "evaluations/close";
    }

    @PostMapping("/sessions/{id}/close")
    String close(@PathVariable long id, @RequestParam(name = "note", required = false) String note,
                 @AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect) {
        Session session = leading(id, me);
        try {
            sessions.close(id, note);
            redirect.addFlashAttribute("saved", "evaluations.saved.closed");
            return "redirect:/evaluations/sessions/" + id + "/summary";
        } catch (InvalidEvaluation refused) {
            if (!"note".equals(refused.field())) {
                refuse(redirect, refused);
                return "redirect:/evaluations/sessions/" + id;
            }
            model.addAttribute("evaluation", session);
            model.addAttribute("board", sessions.board(id, me.personId()));
            model.addAttribute("note", note);
            model.addAttribute("noteError", refused);
            return "evaluations/close";
        }
    }

    /** Marks an open action from an earlier session done during the review; whoever leads may. */
    @PostMapping("/sessions/{id}/review/{action}/done")
    String reviewDone(@PathVariable long id, @PathVariable long action, @AuthenticationPrincipal SignedInUser me,
                      RedirectAttributes redirect) {
        Session session = leading(id, me);
        if (session.state() != Session.State.RUNNING
                || sessions.reviewed(id).stream().noneMatch(r -> r.actionId() == action)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            actions.move(new nl.meedenken.actions.ActionId(action), nl.meedenken.actions.ActionStatus.DONE, null,
                    me.displayName());
            redirect.addFlashAttribute("saved", "actions.saved.status.DONE");
        } catch (InvalidAction refused) {
            refuse(redirect, refused);
        }
        return "redirect:/evaluations/sessions/" + id;
    }

    @GetMapping("/sessions/{id}/summary")
    String summary(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Model model) {
        Session session = find(id);
        if (!rights.readsHistory(session.teamId(), me) && !rights.takesPart(session, me)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        model.addAttribute("evaluation", session);
        model.addAttribute("teamName", names.teams().get(session.teamId()));
        model.addAttribute("facilitator", names.person(session.facilitatorId()));
        model.addAttribute("board", sessions.board(id, -1));
        model.addAttribute("review", sessions.reviewed(id));
        model.addAttribute("reviewNow", reviewNow(id));
        model.addAttribute("kinds", CardKind.values());
        model.addAttribute("made", actions.from(nl.meedenken.actions.Origin.Type.EVALUATION, id));
        return "evaluations/summary";
    }

    // ---- a team's history

    private String change(Session session, SignedInUser me, HttpServletRequest request, HttpServletResponse response,
                          Model model, RedirectAttributes redirect, String savedKey, Runnable work) {
        boolean htmx = request.getHeader("HX-Request") != null;
        Refused problem = null;
        try {
            work.run();
        } catch (InvalidEvaluation refused) {
            problem = refused;
        }
        if (htmx) {
            if (problem != null) {
                model.addAttribute("problem", problem.messageKey());
                model.addAttribute("problemArgs", problem.arguments());
                // tells the page not to empty the form: what was typed is still needed
                response.setHeader("X-Refused", "true");
            }
            return boardFragment(session, me, model);
        }
        if (problem != null) {
            refuse(redirect, problem);
        } else if (savedKey != null) {
            redirect.addFlashAttribute("saved", savedKey);
        }
        return "redirect:/evaluations/sessions/" + session.id();
    }

    private static void refuse(RedirectAttributes redirect, Refused refused) {
        redirect.addFlashAttribute("refused", refused.messageKey());
        if (refused.arguments() != null && refused.arguments().length > 0) {
            redirect.addFlashAttribute("refusedArgs", refused.arguments());
        }
    }

    private Map<Long, nl.meedenken.actions.ActionStatus> reviewNow(long sessionId) {
        Map<Long, nl.meedenken.actions.ActionStatus> now = new LinkedHashMap<>();
        sessions.reviewed(sessionId).forEach(r -> actions.find(new nl.meedenken.actions.ActionId(r.actionId()))
                .ifPresent(a -> now.put(r.actionId(), a.status())));
        return now;
    }

    private Session find(long id) {
        return sessions.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Session participating(long id, SignedInUser me) {
        Session session = find(id);
        if (!rights.takesPart(session, me)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return session;
    }

    private Session leading(long id, SignedInUser me) {
        Session session = find(id);
        if (!rights.leads(session, me)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return session;
    }

    private static CardKind kind(String kind) {
        try {
            return kind == null ? null : CardKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
