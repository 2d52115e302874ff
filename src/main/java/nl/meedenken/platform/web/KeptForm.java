package nl.meedenken.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What someone typed into a form that was not taken (a character that cannot be stored, a
 * value out of range, a session that had ended), to be put back into the same form on the
 * page they return to, with the reason next to the field when it is known. The page shows
 * the reason in any case; {@code /js/meedenken.js} fills the fields in by name.
 * Passwords, codes and the CSRF token are never kept, and what is kept is bounded.
 *
 * @param action    the path the form was sent to, so the right form on the page is filled in
 * @param fields    the fields as sent, in order, without what must not be kept
 * @param field     the field the reason is about, or null
 * @param messageKey the reason, a message key
 * @param arguments arguments of the message
 * @param keptAt    when it was kept
 */
public record KeptForm(String action, List<Field> fields, String field, String messageKey, List<String> arguments,
                       Instant keptAt) implements Serializable {

    /** At most this many characters of all values together are kept; what does not fit is left out. */
    static final int MAX_CHARACTERS = 100_000;
    /** At most this many fields are kept. */
    static final int MAX_FIELDS = 300;

    /** The flash attribute (and session attribute) the layout reads. */
    public static final String ATTRIBUTE = "keptForm";

    /** One field's value. A field that occurs more than once (check boxes) is kept once per value. */
    public record Field(String name, String value) implements Serializable {
    }

    public KeptForm {
        fields = List.copyOf(fields);
        arguments = List.copyOf(arguments);
    }

    /** The arguments as the message source wants them. */
    public Object[] argumentArray() {
        return arguments.toArray();
    }

    /** This form with another reason. */
    public KeptForm because(String newField, String newMessageKey, Object... newArguments) {
        return new KeptForm(action, fields, newField, newMessageKey, strings(newArguments), keptAt);
    }

    /**
     * What the request carries, less passwords, codes and tokens, and with characters that cannot
     * be stored taken out (so sending the form again works).
     */
    public static KeptForm of(HttpServletRequest request, String field, String messageKey, Object... arguments) {
        List<Field> fields = new ArrayList<>();
        int budget = MAX_CHARACTERS;
        for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
            String name = entry.getKey();
            if (!keepable(name)) {
                continue;
            }
            for (String value : entry.getValue()) {
                String clean = InputCheck.withoutUnusableCharacters(value);
                if (fields.size() >= MAX_FIELDS || clean.length() > budget) {
                    continue;
                }
                budget -= clean.length();
                fields.add(new Field(name, clean));
            }
        }
        return new KeptForm(request.getRequestURI(), fields, field, messageKey, strings(arguments), Instant.now());
    }

    /** Names of fields that are never kept: secrets, and fields that are not typed. */
    static boolean keepable(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !(lower.startsWith("_") || lower.contains("password") || lower.contains("token") || lower.contains("secret")
                || lower.equals("code") || lower.equals("repeated") || lower.equals("key") || lower.contains("csrf"));
    }

    /** Where to go back to: the page the form was on, when the browser said so and it is ours; else home. */
    public static String backTo(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return "/";
        }
        try {
            URI uri = URI.create(referer);
            if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(request.getServerName())) {
                return "/";
            }
            String path = uri.getRawPath();
            if (path == null || path.isEmpty()) {
                return "/";
            }
            String context = request.getContextPath();
            if (!context.isEmpty() && path.startsWith(context)) {
                path = path.substring(context.length());
            }
            String local = SafeRedirects.localPath(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
            return local.startsWith("/login") || local.startsWith("/logout") ? "/" : local;
        } catch (IllegalArgumentException unreadable) {
            return "/";
        }
    }

    private static List<String> strings(Object... arguments) {
        List<String> list = new ArrayList<>();
        for (Object argument : arguments) {
            list.add(String.valueOf(argument));
        }
        return list;
    }
}
