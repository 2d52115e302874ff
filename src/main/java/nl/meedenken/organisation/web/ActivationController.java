package nl.meedenken.organisation.web;

import jakarta.servlet.http.HttpServletRequest;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.organisation.internal.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** With the code from the administrator, a person chooses their own password. */
@Controller
class ActivationController {

    /** The activation form. */
    public record ActivationForm(String code, String password, String repeated) {
    }

    private final Accounts accounts;
    private final org.springframework.web.servlet.LocaleResolver locales;

    ActivationController(Accounts accounts, org.springframework.web.servlet.LocaleResolver locales) {
        this.accounts = accounts;
        this.locales = locales;
    }

    /**
     * The page a link with a code opens. It speaks the language of the person the code was made
     * for, unless this device already chose a language: a new colleague who reads Polish sees
     * Polish before signing in for the first time.
     */
    @GetMapping("/activate")
    String form(@RequestParam(name = "code", required = false) String code, Model model, HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response) {
        boolean deviceChose = request.getCookies() != null && java.util.Arrays.stream(request.getCookies())
                .anyMatch(c -> "meedenken-lang".equals(c.getName()));
        if (!deviceChose) {
            accounts.languageOfCode(code).filter(nl.meedenken.platform.Language::hasScreens).ifPresent(language -> {
                locales.setLocale(request, response, language.screenLocale());
                org.springframework.context.i18n.LocaleContextHolder.setLocale(language.screenLocale());
            });
        }
        model.addAttribute("form", new ActivationForm(code == null ? "" : code, "", ""));
        return "organisation/activate";
    }

    @PostMapping("/activate")
    String activate(@ModelAttribute("form") ActivationForm form, BindingResult result, HttpServletRequest request,
                    RedirectAttributes redirect) {
        try {
            String loginName = accounts.activate(form.code(), form.password(), form.repeated(),
                    request.getRemoteAddr());
            redirect.addFlashAttribute("activatedLogin", loginName);
            return "redirect:/login?activated";
        } catch (InvalidInput refused) {
            FormErrors.show(refused, result);
            return "organisation/activate";
        }
    }
}
