package nl.meedenken.platform.web;

import nl.meedenken.platform.SignedInUser;
import nl.meedenken.platform.translation.Translations;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Locale;

/**
 * The Translate button beside what a colleague wrote: the machine translation appears under the
 * original (with htmx in place, without it on a page of its own with a way back).
 */
@Controller
class TranslationController {

    private final Translations translations;

    TranslationController(Translations translations) {
        this.translations = translations;
    }

    @PostMapping("/translate/{kind:[a-z-]{1,40}}/{id}")
    String translate(@PathVariable String kind, @PathVariable long id, @AuthenticationPrincipal SignedInUser me,
                     @RequestParam(name = "returnTo", required = false) String returnTo,
                     @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model) {
        try {
            model.addAttribute("shown", translations.translate(kind, id, me, locale));
        } catch (Translations.Refused refused) {
            model.addAttribute("refused", refused.messageKey());
        }
        if (htmx != null) {
            return "translation :: result";
        }
        model.addAttribute("returnTo", SafeRedirects.localPath(returnTo));
        return "translation";
    }
}
