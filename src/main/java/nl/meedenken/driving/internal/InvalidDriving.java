package nl.meedenken.driving.internal;

import nl.meedenken.platform.Refused;

/** An agreement, card link or upload was refused; names the field and a message key. */
public class InvalidDriving extends Refused {

    public InvalidDriving(String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }
}
