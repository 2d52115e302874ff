package nl.meedenken.platform;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.util.Optional;

/**
 * A shared device (the canteen tablet) in kiosk mode. The device remembers only where its start page
 * is, in a cookie; everything of a person — the session with its sign-in, a draft, a chosen language —
 * is dropped when the start page opens, so the next person sees nothing of the one before.
 */
public final class Kiosk {

    /** The cookie that puts a device in kiosk mode; its value is the start page's token. */
    public static final String COOKIE = "meedenken-kiosk";
    /** The path of a kiosk's start page, before its token. */
    public static final String PATH = "/kiosk/";
    private static final Duration KEPT = Duration.ofDays(365);

    private Kiosk() {
    }

    /** The start page of the kiosk this device is, if it is one. */
    public static Optional<String> home(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null
                    && cookie.getValue().matches("[a-z0-9]{20,64}")) {
                return Optional.of(PATH + cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * Starts afresh for the next person: ends the session (and a sign-in), forgets every cookie but the
     * kiosk's own, and keeps the device in kiosk mode with this token.
     */
    public static void startAgain(HttpServletRequest request, HttpServletResponse response, String token) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (!COOKIE.equals(cookie.getName())) {
                    for (String path : new String[] {"/", "/scan/answer"}) {
                        Cookie gone = new Cookie(cookie.getName(), "");
                        gone.setPath(path);
                        gone.setMaxAge(0);
                        response.addCookie(gone);
                    }
                }
            }
        }
        Cookie kiosk = new Cookie(COOKIE, token);
        kiosk.setPath("/");
        kiosk.setHttpOnly(true);
        kiosk.setSecure(request.isSecure());
        kiosk.setMaxAge((int) KEPT.toSeconds());
        kiosk.setAttribute("SameSite", "Lax");
        response.addCookie(kiosk);
    }

    /** The device is no longer a kiosk. */
    public static void stop(HttpServletResponse response) {
        Cookie gone = new Cookie(COOKIE, "");
        gone.setPath("/");
        gone.setMaxAge(0);
        response.addCookie(gone);
    }
}
