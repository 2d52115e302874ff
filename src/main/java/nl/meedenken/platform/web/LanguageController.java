package nl.meedenken.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.meedenken.platform.Language;
import nl.meedenken.platform.LanguageChosen;
import nl.meedenken.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** Switches the language of the screens, remembered on this device and, when signed in, for the person. */
@Controller
class LanguageController {

    private final LocaleResolver localeResolver;
    private final ApplicationEventPublisher events;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    LanguageController(LocaleResolver localeResolver, ApplicationEventPublisher events) {
        this.localeResolver = localeResolver;
        this.events = events;
    }

    @PostMapping("/language")
    String choose(@RequestParam("lang") String code, @RequestParam(name = "returnTo", required = false) String returnTo,
                  HttpServletRequest request, HttpServletResponse response) {
        Language language = Language.fromCode(code).filter(Language::hasScreens).orElse(Language.DEFAULT);
        localeResolver.setLocale(request, response, language.screenLocale());
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInUser user) {
            events.publishEvent(new LanguageChosen(user.personId(), language));
            var updated = UsernamePasswordAuthenticationToken.authenticated(user.withLanguage(language), null,
                    auth.getAuthorities());
            updated.setDetails(auth.getDetails());
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(updated);
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
        }
        return "redirect:" + SafeRedirects.localPath(returnTo);
    }
}
