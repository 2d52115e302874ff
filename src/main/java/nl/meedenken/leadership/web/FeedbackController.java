package nl.meedenken.leadership.web;

import nl.meedenken.leadership.internal.FeedbackRounds;
import nl.meedenken.leadership.internal.InvalidLeadership;
import nl.meedenken.leadership.internal.Progress;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Upward feedback: a leader starts a round among their team, closes it and reads the
 * figures with the trend over earlier rounds, and decides whether management may read them.
 * Management starts a wave for all leaders and reads its aggregate.
 */
@Controller
@RequestMapping("/leadership/feedback")
class FeedbackController {

    private final FeedbackRounds rounds;
    private final Progress progress;

    FeedbackController(FeedbackRounds rounds, Progress progress) {
        this.rounds = rounds;
        this.progress = progress;
    }

    @GetMapping
    String overview(@AuthenticationPrincipal SignedInUser me, Model model) {
        return overview(me, model, rounds.today().plusWeeks(2).toString(), Map.of());
    }

    private String overview(SignedInUser me, Model model, String closesOn, Map<String, String> errors) {
        model.addAttribute("rounds", rounds.of(me.personId()));
        model.addAttribute("eligibility", rounds.eligibility(me.personId()));
        model.addAttribute("closesOn", closesOn);
        model.addAttribute("latest", rounds.today().plusWeeks(8));
        model.addAttribute("errors", errors);
        model.addAttribute("statements", FeedbackRounds.STATEMENTS);
        boolean management = me.has(Role.MANAGEMENT);
        model.addAttribute("management", management);
        if (management) {
            model.addAttribute("waves", rounds.waves());
            model.addAttribute("shared", rounds.shared().stream().filter(r -> r.leaderId() != me.personId()).toList());
        }
        return "leadership/feedback";
    }

    @PostMapping
    String start(@RequestParam(name = "closesOn", required = false) String closesOn,
                 @AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new HashMap<>();
        LocalDate closes = FormValues.date(closesOn, "closesOn", errors);
        if (errors.isEmpty()) {
            try {
                long id = rounds.start(me.personId(), closes, me.personId(), me.displayName(), null);
                redirect.addFlashAttribute("saved", "leadership.saved.roundStarted");
                return "redirect:/leadership/feedback/" + id;
            } catch (InvalidLeadership refused) {
                errors.put(refused.field(), refused.messageKey());
            }
        }
        return overview(me, model, closesOn, errors);
    }

    @GetMapping("/{id}")
    String round(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Model model) {
        FeedbackRounds.Round round = rounds.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean own = round.leaderId() == me.personId();
        if (!own && !(me.has(Role.MANAGEMENT) && round.shared())) {
            // reading someone else's round needs their consent; say nothing about whether it exists
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!own) {
            rounds.read(round, me.displayName());
        }
        List<FeedbackRounds.Round> history = rounds.of(round.leaderId()).stream()
                .filter(r -> r.result().shown() && r.id() <= round.id() && (own || r.shared()))
                .sorted(java.util.Comparator.comparing(FeedbackRounds.Round::id)).toList();
        model.addAttribute("round", round);
        model.addAttribute("own", own);
        model.addAttribute("history", history);
        model.addAttribute("statements", FeedbackRounds.STATEMENTS);
        model.addAttribute("minLeaders", FeedbackRounds.MIN_LEADERS);
        return "leadership/round";
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        try {
            rounds.close(id, me.personId(), me.displayName());
            redirect.addFlashAttribute("saved", "leadership.saved.roundClosed");
        } catch (InvalidLeadership refused) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/leadership/feedback/" + id;
    }

    @PostMapping("/{id}/share")
    String share(@PathVariable long id, @RequestParam(name = "shared", defaultValue = "false") boolean shared,
                 @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        try {
            rounds.share(id, me.personId(), shared, me.displayName());
            redirect.addFlashAttribute("saved", shared ? "leadership.saved.shared" : "leadership.saved.unshared");
        } catch (InvalidLeadership refused) {
            if ("leadership.error.notYourRound".equals(refused.messageKey())) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            redirect.addFlashAttribute("refused", refused.messageKey());
            redirect.addFlashAttribute("refusedArgs", refused.arguments());
        }
        return "redirect:/leadership/feedback/" + id;
    }

    @GetMapping("/wave")
    String wavePlan(@AuthenticationPrincipal SignedInUser me, Model model) {
        return wavePage(model, rounds.today().plusWeeks(2).toString(), Map.of());
    }

    private String wavePage(Model model, String closesOn, Map<String, String> errors) {
        model.addAttribute("plan", rounds.wavePlan(progress.leaders()));
        model.addAttribute("closesOn", closesOn);
        model.addAttribute("latest", rounds.today().plusWeeks(8));
        model.addAttribute("errors", errors);
        return "leadership/wave-start";
    }

    @PostMapping("/wave")
    String startWave(@RequestParam(name = "closesOn", required = false) String closesOn,
                     @AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new HashMap<>();
        LocalDate closes = FormValues.date(closesOn, "closesOn", errors);
        if (errors.isEmpty()) {
            try {
                var outcome = rounds.startWave(progress.leaders(), closes, me.personId(), me.displayName());
                redirect.addFlashAttribute("saved", "leadership.saved.waveStarted");
                redirect.addFlashAttribute("savedArgs", new Object[]{outcome.started().size()});
                return "redirect:/leadership/feedback/waves/" + outcome.waveId();
            } catch (InvalidLeadership refused) {
                errors.put(refused.field(), refused.messageKey());
            }
        }
        return wavePage(model, closesOn, errors);
    }

    @GetMapping("/waves/{id}")
    String wave(@PathVariable long id, Model model) {
        model.addAttribute("aggregate", rounds.aggregate(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("minLeaders", FeedbackRounds.MIN_LEADERS);
        return "leadership/wave";
    }
}
