package nl.meedenken.platform;

/**
 * A change was refused because of what was entered. Names the form field and a message
 * key with its arguments, so the page can say why next to the field, in the person's language.
 */
public class Refused extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    public Refused(String field, String messageKey, Object... arguments) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments;
    }
}
