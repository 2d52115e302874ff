package nl.meedenken.organisation.web;

import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.organisation.internal.InvalidInput;
import nl.meedenken.organisation.internal.Person;
import nl.meedenken.organisation.internal.TeamAccess;
import nl.meedenken.platform.Language;
import nl.meedenken.platform.PublicUrl;
import nl.meedenken.platform.SignedInUser;
import nl.meedenken.platform.Times;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;

/**
 * Team leads open accounts for the members of their own team and make a new code when someone forgot
 * their password, the way the administrator does. The code is shown once, on a slip to print in the
 * person's own language. Every request is checked by {@link TeamAccess}, not only the buttons.
 */
@Controller
@RequestMapping("/team/access")
class TeamAccessController {

    /**
     * A code slip, made once when the code is made and shown once: the texts are already in the
     * person's language. Serializable, because it waits in the session for the one page that shows it.
     */
    record Slip(long personId, String personName, String loginName, String code, String link, String validUntil,
                String language, String direction, String title, String how, String codeLabel, String loginLabel,
                String keep) implements Serializable {
    }

    private final TeamAccess access;
    private final MessageSource messages;
    private final Times times;
    private final PublicUrl publicUrl;

    TeamAccessController(TeamAccess access, MessageSource messages, Times times, PublicUrl publicUrl) {
        this.access = access;
        this.messages = messages;
        this.times = times;
        this.publicUrl = publicUrl;
    }

    @GetMapping
    String team(@AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("team", access.team(me.personId()));
        return "organisation/team-access";
    }

    @PostMapping("/{id}/account")
    String open(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        try {
            Accounts.IssuedCode issued = access.open(me.personId(), id, me.auditName());
            return slip(access.member(me.personId(), id), issued, redirect, "account.saved.opened");
        } catch (InvalidInput refused) {
            redirect.addFlashAttribute("refused", refused.problems().get(0).messageKey());
            return "redirect:/team/access";
        }
    }

    /** Asks first when the person still has an open code, which the new one replaces. */
    @GetMapping("/{id}/code")
    String confirm(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Model model) {
        TeamAccess.Member member = access.member(me.personId(), id);
        if (!member.canRenew()) {
            throw refusal(member);
        }
        model.addAttribute("member", member);
        return "organisation/team-access-confirm";
    }

    @PostMapping("/{id}/code")
    String newCode(@PathVariable long id, @RequestParam(name = "replace", defaultValue = "false") boolean replace,
                   @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        TeamAccess.Member member = access.member(me.personId(), id);
        if (!member.canRenew()) {
            throw refusal(member);
        }
        if (member.codeExpiry() != null && !replace) {
            // an open code would stop working: nothing is made before the lead confirms
            return "redirect:/team/access/" + id + "/code";
        }
        try {
            Accounts.IssuedCode issued = access.newCode(me.personId(), id, me.auditName());
            return slip(member, issued, redirect, "account.saved.code");
        } catch (InvalidInput refused) {
            redirect.addFlashAttribute("refused", refused.problems().get(0).messageKey());
            return "redirect:/team/access";
        }
    }

    /** The slip of the code just made; once shown it is gone, a reload says so. */
    @GetMapping("/slip")
    String slip(Model model) {
        if (!model.containsAttribute("slip")) {
            model.addAttribute("gone", true);
        }
        return "organisation/team-access-slip";
    }

    /** Not a team lead, or a person with more rights than a team member: the usual 403 page. */
    @ExceptionHandler({TeamAccess.NotALead.class, TeamAccess.Protected.class})
    void forbidden(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.FORBIDDEN.value());
    }

    /** Someone outside the lead's own team, without a team, or deactivated: as if they did not exist. */
    @ExceptionHandler(TeamAccess.NotInYourTeam.class)
    void notInYourTeam(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    private static RuntimeException refusal(TeamAccess.Member member) {
        // no account yet: there is nothing to renew, like a page that is not there
        return new ResponseStatusException(member.eligible() ? HttpStatus.NOT_FOUND : HttpStatus.FORBIDDEN);
    }

    private String slip(TeamAccess.Member member, Accounts.IssuedCode issued, RedirectAttributes redirect,
                        String saved) {
        Person person = member.person();
        Language language = slipLanguage(person);
        Locale locale = language.screenLocale();
        String link = link(issued);
        String validUntil = times.in(locale).dateTime(issued.expiresAt());
        String login = member.account() != null ? member.account().loginName() : person.employeeNumber();
        Slip slip = new Slip(person.id(), person.name(), login, issued.code(), link, validUntil, language.code(),
                text("layout.direction", locale), text("access.slip.title", locale),
                text("access.slip.how", locale), text("access.slip.code", locale, validUntil),
                text("access.slip.login", locale), text("access.slip.keep", locale));
        redirect.addFlashAttribute("slip", slip);
        redirect.addFlashAttribute("leadValidUntil", issued.expiresAt());
        redirect.addFlashAttribute("saved", saved);
        return "redirect:/team/access/slip";
    }

    /**
     * The seam for sending the code as a text message (issue 21, item 3): the message, in the person's
     * language, that a future {@code TextMessages} service is to be handed together with the person's
     * phone number. There is no such service yet, so nothing calls this to send: the page offers
     * printing only, and no text message is pretended to go out.
     */
    String textMessage(Person person, Accounts.IssuedCode issued) {
        Locale locale = slipLanguage(person).screenLocale();
        String link = link(issued);
        return text("access.slip.textMessage", locale, issued.code(), times.in(locale).dateTime(issued.expiresAt()),
                link);
    }

    /** The activation link with the code, as the administrator's page gives it. */
    private String link(Accounts.IssuedCode issued) {
        return UriComponentsBuilder.fromUriString(publicUrl.of("/activate")).queryParam("code", issued.code())
                .build().toUriString();
    }

    /**
     * The language the slip speaks: the person's own when the screens speak it (as the page the link
     * opens does), else the language they chose for the screens.
     */
    static Language slipLanguage(Person person) {
        return person.language().hasScreens() ? person.language() : person.screens();
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
