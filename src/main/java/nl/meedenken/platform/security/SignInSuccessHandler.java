package nl.meedenken.platform.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.meedenken.platform.SignedInUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.servlet.LocaleResolver;

import java.io.IOException;

/**
 * After signing in, the screens switch to the person's own language, and what the device kept
 * for whoever used it before (an answer draft of the scan) is removed. When a form was sent
 * after the session had ended, the person goes back to that form, filled in.
 */
class SignInSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    private final LocaleResolver localeResolver;
    private final DeviceStateCleanup deviceState;

    SignInSuccessHandler(LocaleResolver localeResolver, DeviceStateCleanup deviceState) {
        this.localeResolver = localeResolver;
        this.deviceState = deviceState;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws ServletException, IOException {
        deviceState.clear(request, response);
        if (authentication.getPrincipal() instanceof SignedInUser user) {
            localeResolver.setLocale(request, response, user.language().screenLocale());
        }
        if (SessionEndedHandler.giveBack(request, response)) {
            clearAuthenticationAttributes(request);
            return;
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
