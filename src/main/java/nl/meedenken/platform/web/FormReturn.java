package nl.meedenken.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.util.Map;

/**
 * Sends a browser back to a page with a message that survives the redirect (a flash
 * attribute, as {@code RedirectAttributes} would), also from outside a controller: from a
 * filter, an interceptor or the security chain. htmx requests get {@code HX-Redirect}, so the
 * whole page changes instead of a fragment.
 */
public final class FormReturn {

    private static final SessionFlashMapManager FLASH = new SessionFlashMapManager();

    private FormReturn() {
    }

    /** Back to the page the form was on (or home), with what was typed and the reason. */
    public static void back(HttpServletRequest request, HttpServletResponse response, KeptForm kept) throws IOException {
        redirect(request, response, KeptForm.backTo(request), Map.of(KeptForm.ATTRIBUTE, kept));
    }

    /** To {@code location} (a path inside the application) with the given flash attributes. */
    public static void redirect(HttpServletRequest request, HttpServletResponse response, String location,
                                Map<String, ?> flash) throws IOException {
        FlashMap output = RequestContextUtils.getOutputFlashMap(request);
        if (output != null && RequestContextUtils.getFlashMapManager(request) != null) {
            // inside the dispatcher: the same flash map a controller's RedirectAttributes would fill
            output.putAll(flash);
            RequestContextUtils.saveOutputFlashMap(request.getContextPath() + location, request, response);
        } else {
            FlashMap map = new FlashMap();
            map.putAll(flash);
            map.setTargetRequestPath(request.getContextPath() + UriComponentsBuilder.fromUriString(location).build().getPath());
            FLASH.saveOutputFlashMap(map, request, response);
        }
        String url = request.getContextPath() + location;
        if (request.getHeader("HX-Request") != null) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setHeader("HX-Redirect", url);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", url);
    }
}
