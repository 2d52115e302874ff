package nl.meedenken.actions;

import nl.meedenken.platform.Refused;

/** An action was refused; names the field and a message key for the form. */
public class InvalidAction extends Refused {

    public InvalidAction(String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }
}
