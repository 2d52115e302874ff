package nl.meedenken.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/**
 * A form or upload larger than the server reads ({@code server.tomcat.max-http-form-post-size}
 * for forms, {@code spring.servlet.multipart.max-request-size} for uploads) goes back to the page
 * it came from with the limit, before anything reads it. Without this, the servlet container
 * drops the fields of such a request, the CSRF check then finds no token and the person gets a
 * "not for you" page, or a bare 413. Runs before the security filters.
 */
class OversizedRequests extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(OversizedRequests.class);
    /** Bodies up to this size are read to the end (and dropped), so the browser gets to see the answer. */
    private static final long DRAIN_AT_MOST = 64L * 1024 * 1024;

    private final long formLimit;
    private final long uploadLimit;
    private final long fileLimit;

    OversizedRequests(long formLimit, long uploadLimit, long fileLimit) {
        this.formLimit = formLimit;
        this.uploadLimit = uploadLimit;
        this.fileLimit = fileLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        long length = request.getContentLengthLong();
        boolean form = type.startsWith("application/x-www-form-urlencoded");
        boolean upload = type.startsWith("multipart/");
        long limit = form ? formLimit : uploadLimit;
        if (!(form || upload) || limit <= 0 || length <= limit) {
            chain.doFilter(request, response);
            return;
        }
        LOG.info("Refused a {} of {} bytes on {} (limit {})", form ? "form" : "upload", length, request.getRequestURI(), limit);
        if (length <= DRAIN_AT_MOST) {
            drain(request.getInputStream());
        } else {
            response.setHeader("Connection", "close");
        }
        String location = KeptForm.backTo(request);
        FormReturn.redirect(request, response, location, Map.of("refused",
                form ? "input.error.formTooLarge" : "input.error.uploadTooLarge",
                "refusedArgs", new Object[]{Math.max(1, (form ? limit : fileLimit) / (1024 * 1024))}));
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (in) {
            while (in.read(buffer) >= 0) {
                // dropped
            }
        }
    }
}
