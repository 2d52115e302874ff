package nl.meedenken.platform.security;

import jakarta.servlet.http.HttpServletRequest;

/** The path of a request inside the application, the same behind any context path or servlet mapping. */
final class Paths {

    private Paths() {
    }

    static String of(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        return path.isEmpty() ? "/" : path;
    }
}
