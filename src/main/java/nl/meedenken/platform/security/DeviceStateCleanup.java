package nl.meedenken.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.meedenken.platform.DeviceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * Clears what modules keep on the device ({@link DeviceState}) when someone signs out and when
 * someone signs in, so the next person on a shared device finds nothing of the one before.
 */
class DeviceStateCleanup implements LogoutHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceStateCleanup.class);

    private final ObjectProvider<DeviceState> states;

    DeviceStateCleanup(ObjectProvider<DeviceState> states) {
        this.states = states;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        clear(request, response);
    }

    void clear(HttpServletRequest request, HttpServletResponse response) {
        states.orderedStream().forEach(state -> {
            try {
                state.clear(request, response);
            } catch (RuntimeException e) {
                // signing in or out goes on; the state expires by itself
                LOG.warn("Could not clear {} on this device", state.getClass().getSimpleName(), e);
            }
        });
    }
}
