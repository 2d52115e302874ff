package nl.meedenken.scan.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.time.Duration;

/**
 * The device's key to its answers in progress: a random token, only in this cookie. It is sent
 * with every request of the site (path {@code /}), so that signing in and out ({@code /login},
 * {@code /logout}) can remove the draft it opens, not only the cookie.
 */
final class DraftCookie {

    static final String NAME = "meedenken-scan";
    static final String PATH = "/";
    /** Where the cookie lived before it was sent everywhere; cleared too, for devices that still have one. */
    static final String OLD_PATH = "/scan/answer";

    private DraftCookie() {
    }

    static String read(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (NAME.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /**
     * Writes the token. A draft started with an account lives 7 days on the device (it is removed
     * on signing in or out); one started with a paper code lives until the browser closes, and is
     * also bound to the browser session ({@link #bind}).
     */
    static void write(HttpServletRequest request, HttpServletResponse response, String token, boolean withCode) {
        Cookie cookie = new Cookie(NAME, token);
        cookie.setPath(PATH);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(withCode ? -1 : (int) Duration.ofDays(7).toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    /** Every token the request carries (a device may still have one under the old path). */
    static java.util.List<String> all(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(request.getCookies()).filter(c -> NAME.equals(c.getName()))
                .map(Cookie::getValue).toList();
    }

    /** The session attribute that says which code draft this browser session started or took up again. */
    static final String SESSION_ATTRIBUTE = "meedenken.scan.codeDraft";

    /** Binds a code draft to this browser session; only its hash is kept there. */
    static void bind(HttpServletRequest request, String tokenHash) {
        request.getSession(true).setAttribute(SESSION_ATTRIBUTE, tokenHash);
    }

    /** Whether this browser session started (or took up again, with its code) the draft of that hash. */
    static boolean bound(HttpServletRequest request, String tokenHash) {
        var session = request.getSession(false);
        return session != null && tokenHash != null && tokenHash.equals(session.getAttribute(SESSION_ATTRIBUTE));
    }

    static void clear(HttpServletRequest request, HttpServletResponse response) {
        for (String path : new String[]{PATH, OLD_PATH}) {
            Cookie cookie = new Cookie(NAME, "");
            cookie.setPath(path);
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setMaxAge(0);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
    }
}
