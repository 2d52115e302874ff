package nl.meedenken.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.meedenken.platform.SignInGuard;
import nl.meedenken.platform.SignedInUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * Ends a session as soon as its person is deactivated, gets other roles or a new password,
 * on whichever node the next request lands. One small query per page.
 */
class SessionValidityFilter extends OncePerRequestFilter {

    private static final List<String> STATIC = List.of("/webjars/", "/css/", "/js/", "/img/", "/favicon");

    private final SignInGuard guard;

    SessionValidityFilter(SignInGuard guard) {
        this.guard = guard;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = Paths.of(request);
        return STATIC.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInUser user && !guard.stillValid(user)) {
            SecurityContextHolder.clearContext();
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login?ended");
            return;
        }
        chain.doFilter(request, response);
    }
}
