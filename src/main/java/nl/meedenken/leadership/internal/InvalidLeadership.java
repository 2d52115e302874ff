package nl.meedenken.leadership.internal;

import nl.meedenken.platform.Refused;

/** A lesson, reflection or feedback round was refused; names the field and a message key. */
public class InvalidLeadership extends Refused {

    public InvalidLeadership(String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }
}
