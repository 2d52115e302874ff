package nl.meedenken.organisation.web;

import nl.meedenken.organisation.internal.FirstAdministrator;
import nl.meedenken.organisation.internal.InvalidInput;
import nl.meedenken.platform.Language;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/** The one-time page of a new installation that creates the first administrator. */
@Controller
class SetupController {

    /** The setup form. */
    public record SetupForm(String name, String employeeNumber, String loginName, String password,
                            String repeated) {
    }

    private final FirstAdministrator firstAdministrator;
    private final LocaleResolver locales;

    SetupController(FirstAdministrator firstAdministrator, LocaleResolver locales) {
        this.firstAdministrator = firstAdministrator;
        this.locales = locales;
    }

    @GetMapping("/setup")
    String form(Model model) {
        model.addAttribute("form", new SetupForm("", "", "", "", ""));
        return "organisation/setup";
    }

    @PostMapping("/setup")
    String create(@ModelAttribute("form") SetupForm form, BindingResult result, HttpServletRequest request,
                  RedirectAttributes redirect) {
        Language language = Language.fromCode(locales.resolveLocale(request).getLanguage()).orElse(Language.DEFAULT);
        try {
            firstAdministrator.create(new FirstAdministrator.FirstAdmin(form.name(), form.employeeNumber(),
                    form.loginName(), form.password(), form.repeated(), language), "setup page");
            redirect.addFlashAttribute("activatedLogin", form.loginName() == null || form.loginName().isBlank()
                    ? form.employeeNumber() : form.loginName());
            return "redirect:/login?activated";
        } catch (InvalidInput refused) {
            FormErrors.show(refused, result);
            return "organisation/setup";
        }
    }
}
