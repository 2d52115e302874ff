package nl.meedenken.platform.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.meedenken.platform.SignedInUser;
import nl.meedenken.platform.web.FormReturn;
import nl.meedenken.platform.web.KeptForm;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.util.AntPathMatcher;

import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * A form sent after its session ended (a restart, signing out in another tab, the time-out)
 * fails the CSRF check. Instead of the "not for you" page, which loses what was typed, what
 * was typed is kept (not passwords, codes or the token; bounded in size) and the person goes
 * to sign in; after signing in they are back on the form's page with the fields filled in, to
 * send it again themselves: nothing is sent for them. A form that was open so long that its
 * token is stale while the person is still signed in (they signed in again in another tab)
 * goes straight back to its page, filled in. Every other refusal is left to {@code delegate}.
 */
class SessionEndedHandler implements AccessDeniedHandler {

    /** The session attribute that holds a kept form until the next sign-in. */
    static final String PENDING = SessionEndedHandler.class.getName() + ".PENDING";
    /** A kept form is given back only to a sign-in within this time, so a later user of a shared device does not get it. */
    static final Duration KEPT_FOR = Duration.ofMinutes(30);

    /** A kept form waiting for the sign-in, with the page to return to. */
    record Pending(String backTo, KeptForm form, Instant keptAt) implements Serializable {
    }

    private final AccessDeniedHandler delegate;
    private final String[] publicPaths;

    SessionEndedHandler(AccessDeniedHandler delegate, String... publicPaths) {
        this.delegate = delegate;
        this.publicPaths = publicPaths;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        String path = Paths.of(request);
        if (!(denied instanceof CsrfException) || !"POST".equals(request.getMethod())) {
            delegate.handle(request, response, denied);
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = auth != null && auth.getPrincipal() instanceof SignedInUser;
        if (path.equals("/logout") && signedIn) {
            // signing out from a page open so long that its token is stale: back to that page, fresh, to press again
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + KeptForm.backTo(request));
            return;
        }
        if (path.equals("/login") || path.equals("/logout")) {
            // a sign-in page left open too long, or signing out of a session that is gone: sign in afresh
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        if (signedIn || isPublic(request)) {
            FormReturn.back(request, response, KeptForm.of(request, null, "input.kept.stale"));
            return;
        }
        request.getSession(true).setAttribute(PENDING, new Pending(KeptForm.backTo(request),
                KeptForm.of(request, null, "input.kept.restored"), Instant.now()));
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/login?sessionEnded");
    }

    private boolean isPublic(HttpServletRequest request) {
        String path = Paths.of(request);
        AntPathMatcher matcher = new AntPathMatcher();
        return Arrays.stream(publicPaths).anyMatch(p -> matcher.match(p, path));
    }

    /**
     * After a sign-in: back to the page of the kept form, filled in, when one is waiting and still
     * fresh. False when there is none (then the usual page after sign-in).
     */
    static boolean giveBack(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING) instanceof Pending pending)) {
            return false;
        }
        session.removeAttribute(PENDING);
        if (pending.keptAt().plus(KEPT_FOR).isBefore(Instant.now())) {
            return false;
        }
        FormReturn.redirect(request, response, pending.backTo(), Map.of(KeptForm.ATTRIBUTE, pending.form()));
        return true;
    }
}
