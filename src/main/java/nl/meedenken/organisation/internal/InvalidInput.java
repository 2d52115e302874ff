package nl.meedenken.organisation.internal;

import java.util.List;

/**
 * A change was refused because of what was entered. Each problem names the form field
 * and a message key, so the page can show the reason next to the field in the
 * person's own language.
 */
public class InvalidInput extends RuntimeException {

    /** One reason, tied to one field. */
    public record Problem(String field, String messageKey, Object... arguments) {
    }

    private final transient List<Problem> problems;

    public InvalidInput(String field, String messageKey, Object... arguments) {
        this(List.of(new Problem(field, messageKey, arguments)));
    }

    public InvalidInput(List<Problem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.messageKey()).toList().toString());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
