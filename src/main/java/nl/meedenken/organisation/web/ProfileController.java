package nl.meedenken.organisation.web;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.organisation.internal.InvalidInput;
import nl.meedenken.platform.SignedInUser;
import nl.meedenken.platform.delivery.DeliveryChoices;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own page: their details, their language, how news reaches them and their password. */
@Controller
class ProfileController {

    /** The change-password form. */
    public record PasswordForm(String current, String password, String repeated) {
    }

    private final People people;
    private final Accounts accounts;
    private final DeliveryChoices choices;

    ProfileController(People people, Accounts accounts, DeliveryChoices choices) {
        this.people = people;
        this.accounts = accounts;
        this.choices = choices;
    }

    @GetMapping("/profile")
    String profile(@AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("passwordForm", new PasswordForm("", "", ""));
        return page(me, model);
    }

    @PostMapping("/profile/password")
    String changePassword(@AuthenticationPrincipal SignedInUser me,
                          @ModelAttribute("passwordForm") PasswordForm form, BindingResult result, Model model,
                          RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request,
                          jakarta.servlet.http.HttpServletResponse response) {
        try {
            int version = accounts.changePassword(me.accountId(), form.current(), form.password(), form.repeated());
            // other sessions of this person end; this one goes on with the new version
            var current = org.springframework.security.core.context.SecurityContextHolder.getContext()
                    .getAuthentication();
            var updated = org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                    .authenticated(me.withSessionVersion(version), null, current.getAuthorities());
            updated.setDetails(current.getDetails());
            var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
            context.setAuthentication(updated);
            org.springframework.security.core.context.SecurityContextHolder.setContext(context);
            new org.springframework.security.web.context.HttpSessionSecurityContextRepository()
                    .saveContext(context, request, response);
            redirect.addFlashAttribute("saved", "password.saved");
            return "redirect:/profile";
        } catch (InvalidInput refused) {
            FormErrors.show(refused, result);
            return page(me, model);
        }
    }

    private String page(SignedInUser me, Model model) {
        var person = people.details(me.personId()).orElseThrow();
        model.addAttribute("person", person);
        model.addAttribute("teamMates", person.teamId() == null ? java.util.List.of()
                : people.inTeam(new nl.meedenken.organisation.TeamId(person.teamId())).stream()
                        .filter(p -> p.id().value() != me.personId()).toList());
        model.addAttribute("newsLines", choices.of(me.personId()));
        model.addAttribute("newsChannels", choices.offered(me.personId()));
        model.addAttribute("newsQuiet", choices.quietHours());
        return "organisation/profile";
    }
}
