package nl.meedenken.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import java.io.IOException;

/**
 * Sends every failed sign-in back to the same form with the same message: an unknown login,
 * a wrong password and an account that waits after failed attempts cannot be told apart.
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

    static final String REFUSED = "/login?error";

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        response.sendRedirect(request.getContextPath() + REFUSED);
    }
}
