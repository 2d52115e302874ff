package nl.meedenken.ideas.web;

import jakarta.servlet.http.HttpServletRequest;
import nl.meedenken.ideas.internal.Idea;
import nl.meedenken.ideas.internal.IdeaBox;
import nl.meedenken.ideas.internal.InvalidIdea;
import nl.meedenken.organisation.Posters;
import nl.meedenken.platform.GuestLimits;
import nl.meedenken.platform.Refused;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Sending an idea from a site's QR poster without an account, and reading its answer with the
 * follow-up code (the same kind of code as an anonymous report's).
 */
@Controller
class GuestIdeaController {

    static final String HONEYPOT = "website";

    private final IdeaBox ideas;
    private final Posters posters;
    private final GuestLimits limits;

    GuestIdeaController(IdeaBox ideas, Posters posters, GuestLimits limits) {
        this.ideas = ideas;
        this.posters = posters;
        this.limits = limits;
    }

    @GetMapping(Posters.GUEST_PATH + "{token}/idea")
    String form(@PathVariable String token, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("key", UUID.randomUUID().toString());
        return form(model, poster(token), values, Map.of(), null);
    }

    @PostMapping(Posters.GUEST_PATH + "{token}/idea")
    String send(@PathVariable String token, @RequestParam Map<String, String> form, HttpServletRequest request,
                Model model) {
        Posters.Poster poster = poster(token);
        String address = request.getRemoteAddr();
        try {
            limits.check(address);
        } catch (Refused tooMany) {
            return form(model, poster, form, Map.of(), tooMany.messageKey());
        }
        if (form.get(HONEYPOT) != null && !form.get(HONEYPOT).isBlank()) {
            limits.sent(address);
            return form(model, poster, form, Map.of(), "guest.limit.address");
        }
        try {
            IdeaBox.SentWithoutAccount sent = ideas.submitWithoutAccount(new IdeaBox.GuestIdea(form.get("title"),
                    form.get("problem"), form.get("proposal"), form.get("name"), form.get("phone"),
                    poster.site().id().value(), form.get("key")));
            if (!sent.repeated()) {
                limits.sent(address);
            }
            model.addAttribute("sent", sent);
            model.addAttribute("answerDays", ideas.answerDays());
            model.addAttribute("guestHome", Posters.GUEST_PATH + poster.token());
            return "ideas/guest-sent";
        } catch (InvalidIdea refused) {
            Map<String, String> errors = Map.of(refused.field(), refused.messageKey());
            return form(model, poster, form, errors, null);
        }
    }

    @GetMapping("/ideas/follow-up")
    String followUpForm() {
        return "ideas/follow-up";
    }

    @PostMapping("/ideas/follow-up")
    String followUp(@RequestParam(name = "code", required = false) String code, Model model) {
        Idea idea = ideas.byCode(code).orElse(null);
        if (idea == null) {
            model.addAttribute("wrong", true);
            return "ideas/follow-up";
        }
        model.addAttribute("idea", idea);
        model.addAttribute("answers", ideas.answers(idea.id()));
        model.addAttribute("today", ideas.today());
        return "ideas/follow-up-answer";
    }

    private String form(Model model, Posters.Poster poster, Map<String, String> values, Map<String, String> errors,
                        String refused) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("answerDays", ideas.answerDays());
        model.addAttribute("guestSite", poster.site().name());
        model.addAttribute("guestHome", Posters.GUEST_PATH + poster.token());
        if (refused != null) {
            model.addAttribute("refused", refused);
        }
        return "ideas/guest-form";
    }

    private Posters.Poster poster(String token) {
        return posters.byToken(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
