package nl.meedenken.innovations.internal;

import nl.meedenken.platform.Refused;

/** A project, readiness item, phase change, pulse or link was refused; names the field and a message key. */
public class InvalidInnovation extends Refused {

    public InvalidInnovation(String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }
}
