package nl.meedenken.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.meedenken.platform.web.InputCheck;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A sign-in whose name or password holds a character no login can have (NUL and other control
 * characters) fails as any wrong sign-in does, before it reaches the database, which refuses
 * such text. The sign-in filter is no controller, so the central input check does not see it.
 */
class UnusableSignIn extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && Paths.of(request).equals("/login"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String name : new String[]{"username", "password"}) {
            String value = request.getParameter(name);
            if (value != null && (InputCheck.hasUnusableCharacter(value) || value.length() > 1000)) {
                response.sendRedirect(request.getContextPath() + "/login?error");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
