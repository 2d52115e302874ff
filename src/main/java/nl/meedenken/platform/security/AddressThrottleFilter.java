package nl.meedenken.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.meedenken.platform.AuditEntry;
import nl.meedenken.platform.AuditLog;
import nl.meedenken.platform.SignInGuard;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses sign-in and activation attempts from an address that failed too often lately,
 * whichever account it tries. Protects against guessing across many accounts.
 */
class AddressThrottleFilter extends OncePerRequestFilter {

    private final SignInGuard guard;
    private final AuditLog audit;

    AddressThrottleFilter(SignInGuard guard, AuditLog audit) {
        this.guard = guard;
        this.audit = audit;
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
        chain.doFilter(request, response);
    }
}
