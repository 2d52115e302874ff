package nl.meedenken.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.meedenken.platform.AuditEntry;
import nl.meedenken.platform.AuditLog;
import nl.meedenken.platform.SignInGuard;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Before a sign-in or activation attempt is checked: refuses an address that failed too often
 * lately, whichever account it tries (against guessing across many accounts), and refuses a
 * sign-in for an account that waits from this address after failed attempts (the back-off).
 *
 * <p>A refusal during the back-off looks exactly like a wrong password, and costs the same: the
 * typed password is hashed against a dummy, so neither the page nor the time it takes tells
 * whether the login exists, the password was wrong or the account waits. The address is the
 * one Tomcat settled on: forwarded headers count only from trusted proxies (README, "Behind a
 * reverse proxy").
 */
class AddressThrottleFilter extends OncePerRequestFilter {

    private final SignInGuard guard;
    private final AuditLog audit;
    private final PasswordEncoder passwords;
    private volatile String dummyHash;

    AddressThrottleFilter(SignInGuard guard, AuditLog audit, PasswordEncoder passwords) {
        this.guard = guard;
        this.audit = audit;
        this.passwords = passwords;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        String path = Paths.of(request);
        return !(path.equals("/login") || path.equals("/activate"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        if (guard.addressBlocked(address)) {
            audit.record(AuditEntry.Type.ADDRESS_THROTTLED, null, request.getParameter("username"), address,
                    Paths.of(request));
            response.sendRedirect(request.getContextPath() + Paths.of(request) + "?throttled");
            return;
        }
        String login = request.getParameter("username");
        if (Paths.of(request).equals("/login") && login != null && guard.waitingUntil(login, address).isPresent()) {
            String password = request.getParameter("password");
            passwords.matches(password == null ? "" : password, dummyHash());
            guard.refusedWhileWaiting(login, address);
            response.sendRedirect(request.getContextPath() + SignInFailureHandler.REFUSED);
            return;
        }
        chain.doFilter(request, response);
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = passwords.encode("no account has this password " + System.nanoTime());
            dummyHash = hash;
        }
        return hash;
    }
}
