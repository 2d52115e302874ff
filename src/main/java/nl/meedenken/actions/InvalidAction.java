package nl.meedenken.actions;

/** An action was refused; names the field and a message key for the form. */
public class InvalidAction extends RuntimeException {

    private final String field;
    private final String messageKey;

    public InvalidAction(String field, String messageKey) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
