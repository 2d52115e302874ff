package nl.meedenken.challenges.web;

import nl.meedenken.challenges.internal.Challenge;
import nl.meedenken.challenges.internal.ChallengeBoard;
import nl.meedenken.challenges.internal.InvalidChallenge;
import nl.meedenken.ideas.Ideas;
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

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Challenges and shop-floor problems: the list, posting one, taking part, and closing with follow-up. */
@Controller
@RequestMapping("/challenges")
class ChallengesController {

    private final ChallengeBoard board;
    private final Ideas ideas;

    ChallengesController(ChallengeBoard board, Ideas ideas) {
        this.board = board;
        this.ideas = ideas;
    }

    @GetMapping
    String list(@RequestParam(name = "q", required = false) String q,
                @RequestParam(name = "kind", required = false) String kind,
                @RequestParam(name = "state", required = false) String state,
                @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        Challenge.Kind chosen = parseKind(kind);
        Boolean open = "open".equals(state) ? Boolean.TRUE : "closed".equals(state) ? Boolean.FALSE : null;
        model.addAttribute("page", board.list(q, chosen, open, page));
        model.addAttribute("q", q);
        model.addAttribute("kind", chosen);
        model.addAttribute("state", state);
        model.addAttribute("kinds", Challenge.Kind.values());
        model.addAttribute("today", board.today());
        return "challenges/list";
    }

    @GetMapping("/new")
    String newChallenge(@AuthenticationPrincipal SignedInUser me, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("kind", me.has(Role.MANAGEMENT) ? "COMPANY" : "SHOP_FLOOR");
        values.put("deadline", board.today().plusWeeks(3).toString());
        return form(me, model, values, List.of("", "", ""), Map.of());
    }

    @PostMapping
    String post(@RequestParam MultiValueMap<String, String> form, @AuthenticationPrincipal SignedInUser me, Model model,
                RedirectAttributes redirect) {
        Map<String, String> values = form.toSingleValueMap();
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate deadline = FormValues.date(values.get("deadline"), "deadline", errors);
        List<String> options = form.getOrDefault("option", List.of());
        if (errors.isEmpty()) {
            try {
                long id = board.post(new ChallengeBoard.Post(parseKind(values.get("kind")), values.get("title"),
                        values.get("context"), values.get("question"), deadline, options), me.personId(),
                        me.has(Role.MANAGEMENT));
                redirect.addFlashAttribute("saved", "challenges.saved.posted");
                return "redirect:/challenges/" + id;
            } catch (InvalidChallenge refused) {
                errors.put(refused.field(), refused.messageKey());
            }
        }
        return form(me, model, values, options, errors);
    }

    private String form(SignedInUser me, Model model, Map<String, String> values, List<String> options,
                        Map<String, String> errors) {
        List<String> shown = new java.util.ArrayList<>(options);
        while (shown.size() < 6) {
            shown.add("");
        }
        model.addAttribute("values", values);
        model.addAttribute("options", shown);
        model.addAttribute("errors", errors);
        model.addAttribute("management", me.has(Role.MANAGEMENT));
        return "challenges/form";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Model model) {
        Challenge challenge = find(id);
        model.addAttribute("challenge", challenge);
        model.addAttribute("options", board.options(id));
        model.addAttribute("myVote", board.voteOf(id, me.personId()).orElse(null));
        model.addAttribute("inputs", board.inputs(id));
        model.addAttribute("linked", board.linkedIdeas(id));
        model.addAttribute("myIdeas", ideas.byAuthor(me.personId()));
        model.addAttribute("teamsOn", ideas.teamsOn(id));
        model.addAttribute("innovationTeams", ideas.innovationTeams());
        model.addAttribute("accepting", challenge.acceptsInputOn(board.today()));
        model.addAttribute("mayClose", challenge.open() && (challenge.postedBy() == me.personId() || me.has(Role.MANAGEMENT)));
        model.addAttribute("management", me.has(Role.MANAGEMENT));
        return "challenges/challenge";
    }

    @PostMapping("/{id}/input")
    String respond(@PathVariable long id, @RequestParam(name = "text", required = false) String text,
                   @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        find(id);
        return act(id, redirect, "challenges.saved.input", () -> board.respond(id, me.personId(), text), "#input");
    }

    @PostMapping("/{id}/vote")
    String vote(@PathVariable long id, @RequestParam(name = "option", required = false) Long option,
                @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        find(id);
        return act(id, redirect, "challenges.saved.vote", () -> board.vote(id, me.personId(), option), "#options");
    }

    @PostMapping("/{id}/ideas")
    String link(@PathVariable long id, @RequestParam(name = "idea", required = false) Long idea,
                @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        find(id);
        return act(id, redirect, "challenges.saved.linked",
                () -> board.linkIdea(id, idea == null ? -1 : idea, me.personId()), "#ideas");
    }

    @PostMapping("/{id}/team")
    String assign(@PathVariable long id, @RequestParam(name = "team", required = false) Long team,
                  @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        find(id);
        if (!me.has(Role.MANAGEMENT)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return act(id, redirect, "challenges.saved.assigned", () -> board.assign(id, team == null ? -1 : team), "");
    }

    @PostMapping("/{id}/team/{team}/remove")
    String unassign(@PathVariable long id, @PathVariable long team, @AuthenticationPrincipal SignedInUser me,
                    RedirectAttributes redirect) {
        find(id);
        if (!me.has(Role.MANAGEMENT)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        ideas.unassignChallenge(team, id);
        redirect.addFlashAttribute("saved", "challenges.saved.unassigned");
        return "redirect:/challenges/" + id;
    }

    @GetMapping("/{id}/close")
    String closeForm(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Model model) {
        Challenge challenge = closable(id, me);
        model.addAttribute("challenge", challenge);
        model.addAttribute("contributors", board.told(challenge, me.personId()).size());
        model.addAttribute("followUp", "");
        model.addAttribute("errors", Map.of());
        return "challenges/close";
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable long id, @RequestParam(name = "followUp", required = false) String followUp,
                 @AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect) {
        Challenge challenge = closable(id, me);
        try {
            int told = board.close(id, followUp, me.personId(), me.displayName(), me.has(Role.MANAGEMENT)).size();
            redirect.addFlashAttribute("saved", "challenges.saved.closed");
            redirect.addFlashAttribute("savedArgs", new Object[]{told});
            return "redirect:/challenges/" + id;
        } catch (InvalidChallenge refused) {
            model.addAttribute("challenge", challenge);
            model.addAttribute("contributors", board.told(challenge, me.personId()).size());
            model.addAttribute("followUp", followUp);
            model.addAttribute("errors", Map.of(refused.field(), refused.messageKey()));
            return "challenges/close";
        }
    }

    private Challenge closable(long id, SignedInUser me) {
        Challenge challenge = find(id);
        if (challenge.postedBy() != me.personId() && !me.has(Role.MANAGEMENT)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        if (!challenge.open()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        return challenge;
    }

    private String act(long id, RedirectAttributes redirect, String saved, Runnable work, String anchor) {
        try {
            work.run();
            redirect.addFlashAttribute("saved", saved);
        } catch (InvalidChallenge refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
            if (refused.arguments() != null && refused.arguments().length > 0) {
                redirect.addFlashAttribute("refusedArgs", refused.arguments());
            }
        }
        return "redirect:/challenges/" + id + anchor;
    }

    private Challenge find(long id) {
        return board.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static Challenge.Kind parseKind(String text) {
        try {
            return text == null || text.isBlank() ? null : Challenge.Kind.valueOf(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
