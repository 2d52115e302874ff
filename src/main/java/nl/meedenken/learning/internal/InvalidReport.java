package nl.meedenken.learning.internal;

import nl.meedenken.platform.Refused;

/** A report, answer or lesson was refused; names the field and a message key. */
public class InvalidReport extends Refused {

    public InvalidReport(String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }
}
