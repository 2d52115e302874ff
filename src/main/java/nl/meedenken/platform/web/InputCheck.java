package nl.meedenken.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks every value a request carries before any controller sees it, for what no form of the
 * product can take: characters that are not text (NUL and other control characters; tab and
 * line breaks are text), whole numbers too large for any id or amount, and days outside the
 * years 1000–9999. A form that carries one goes back to its page with what was typed and the
 * reason next to the field, and nothing is changed; a search or filter (GET) is shown again
 * without the unusable characters.
 */
public class InputCheck implements HandlerInterceptor {

    /** 19 digits and more do not fit in a long; no id, count or amount of the product comes near. */
    private static final Pattern HUGE_NUMBER = Pattern.compile("[+-]?0*[1-9]\\d{18,}");
    /** A day (or a day and time) as a date input sends it, but with a year that is not four digits. */
    private static final Pattern ODD_YEAR = Pattern.compile("([+-]\\d+|\\d{5,})-\\d{2}-\\d{2}([T ].*)?");

    /** A reason why a value cannot be taken: the field and a message key. */
    record Problem(String field, String messageKey) {
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!(handler instanceof HandlerMethod)) {
            return true;
        }
        Optional<Problem> problem = problem(request.getParameterMap());
        if (problem.isEmpty()) {
            return true;
        }
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            if (problem.get().messageKey().equals("input.error.character")) {
                StringBuilder clean = new StringBuilder(request.getRequestURI().substring(request.getContextPath().length()));
                char separator = '?';
                for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
                    for (String value : entry.getValue()) {
                        clean.append(separator).append(encoded(entry.getKey())).append('=').append(encoded(value));
                        separator = '&';
                    }
                }
                FormReturn.redirect(request, response, clean.toString(), Map.of("refused", "input.error.characterRemoved"));
            } else {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            }
            return false;
        }
        FormReturn.back(request, response, KeptForm.of(request, problem.get().field(), problem.get().messageKey()));
        return false;
    }

    private static String encoded(String text) {
        return java.net.URLEncoder.encode(withoutUnusableCharacters(text), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The first value of the request that no form can take, if any. */
    static Optional<Problem> problem(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
            if (hasUnusableCharacter(entry.getKey())) {
                return Optional.of(new Problem(null, "input.error.character"));
            }
            for (String value : entry.getValue()) {
                if (value == null) {
                    continue; // a bare ?error in a query string, as some clients pass it
                }
                if (hasUnusableCharacter(value)) {
                    return Optional.of(new Problem(entry.getKey(), "input.error.character"));
                }
                String stripped = value.strip();
                if (HUGE_NUMBER.matcher(stripped).matches()) {
                    return Optional.of(new Problem(entry.getKey(), "input.error.numberTooLarge"));
                }
                if (ODD_YEAR.matcher(stripped).matches()) {
                    return Optional.of(new Problem(entry.getKey(), "input.error.year"));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Control characters other than tab and line breaks, unpaired halves of a surrogate pair,
     * and the non-characters U+FFFE and U+FFFF: nothing a person types, and PostgreSQL refuses NUL.
     */
    public static boolean hasUnusableCharacter(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (unusable(value, i)) {
                return true;
            }
        }
        return false;
    }

    static String withoutUnusableCharacters(String value) {
        if (!hasUnusableCharacter(value)) {
            return value;
        }
        StringBuilder clean = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            if (!unusable(value, i)) {
                clean.append(value.charAt(i));
            }
        }
        return clean.toString();
    }

    private static boolean unusable(String value, int i) {
        char c = value.charAt(i);
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0xfffe || c == 0xffff) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
        }
        return false;
    }
}
