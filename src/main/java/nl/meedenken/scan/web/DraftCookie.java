package nl.meedenken.scan.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.time.Duration;

/** The device's key to its answers in progress: a random token, only in this cookie. */
final class DraftCookie {

    static final String NAME = "meedenken-scan";
    static final String PATH = "/scan/answer";

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

    static void write(HttpServletRequest request, HttpServletResponse response, String token) {
        Cookie cookie = new Cookie(NAME, token);
        cookie.setPath(PATH);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge((int) Duration.ofDays(7).toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    static void clear(HttpServletRequest request, HttpServletResponse response) {
        Cookie cookie = new Cookie(NAME, "");
        cookie.setPath(PATH);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(0);
        response.addCookie(cookie);
    }
}
