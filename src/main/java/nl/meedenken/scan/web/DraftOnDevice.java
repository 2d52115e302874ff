package nl.meedenken.scan.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.meedenken.platform.DeviceState;
import nl.meedenken.scan.internal.Answering;
import org.springframework.stereotype.Component;

/**
 * The answer draft a device carries: removed, cookie and row, when someone signs in or out on
 * it, so that the next person on a shared phone neither sees nor sends the previous one's answers.
 */
@Component
class DraftOnDevice implements DeviceState {

    private final Answering answering;

    DraftOnDevice(Answering answering) {
        this.answering = answering;
    }

    @Override
    public void clear(HttpServletRequest request, HttpServletResponse response) {
        java.util.List<String> tokens = DraftCookie.all(request);
        if (tokens.isEmpty()) {
            return;
        }
        tokens.forEach(answering::discard);
        DraftCookie.clear(request, response);
    }
}
