package nl.meedenken.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.meedenken.platform.SignInGuard;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends a failed sign-in back to the form. When the account is now locked, the form is
 * told until when, so it can say when to try again.
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

    private final SignInGuard guard;

    SignInFailureHandler(SignInGuard guard) {
        this.guard = guard;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String loginName = request.getParameter("username");
        Optional<Instant> lockedUntil = loginName == null ? Optional.empty() : guard.lockedUntil(loginName);
        String target = lockedUntil
                .map(until -> "/login?locked=" + until.getEpochSecond())
                .orElse("/login?error");
        response.sendRedirect(request.getContextPath() + target);
    }
}
