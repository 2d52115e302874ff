package nl.meedenken.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.meedenken.platform.SetupState;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * A fresh production installation has nobody who can sign in. Until the first
 * administrator exists, every page leads to the setup page; afterwards the setup page
 * is gone.
 */
class SetupGateFilter extends OncePerRequestFilter {

    private static final List<String> ALWAYS_OPEN = List.of("/webjars/", "/css/", "/js/", "/img/", "/icons/", "/favicon",
            "/actuator/health", "/error", "/language", "/manifest.webmanifest", "/sw.js", "/offline");

    private final SetupState setup;

    SetupGateFilter(SetupState setup) {
        this.setup = setup;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = Paths.of(request);
        boolean open = ALWAYS_OPEN.stream().anyMatch(path::startsWith);
        boolean setupPage = path.equals("/setup");
        if (!open) {
            boolean needed = setup.needsFirstAdministrator();
            if (needed && !setupPage) {
                response.sendRedirect(request.getContextPath() + "/setup");
                return;
            }
            if (!needed && setupPage) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
