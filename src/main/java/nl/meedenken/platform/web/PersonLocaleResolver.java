package nl.meedenken.platform.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.meedenken.platform.Language;
import nl.meedenken.platform.SignedInUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the language of the screens: a signed-in person's own choice first, then what
 * this device chose before (a cookie), then what the browser asks for, then Dutch.
 */
class PersonLocaleResolver implements LocaleResolver {

    static final String COOKIE = "meedenken-lang";
    private static final List<Locale> SUPPORTED = Language.withScreens().stream().map(Language::screenLocale).toList();

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Object chosen = request.getAttribute(COOKIE);
        if (chosen instanceof Locale locale) {
            return locale;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInUser user) {
            return user.language().screenLocale();
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    var language = Language.fromCode(cookie.getValue());
                    if (language.isPresent()) {
                        return language.get().screenLocale();
                    }
                }
            }
        }
        if (request.getHeader("Accept-Language") != null) {
            for (Locale asked : java.util.Collections.list(request.getLocales())) {
                for (Locale supported : SUPPORTED) {
                    if (supported.getLanguage().equals(asked.getLanguage())) {
                        return supported;
                    }
                }
            }
        }
        return Language.DEFAULT.screenLocale();
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale value = locale == null ? Language.DEFAULT.screenLocale() : locale;
        request.setAttribute(COOKIE, value);
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, value.getLanguage());
            cookie.setPath("/");
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
    }
}
