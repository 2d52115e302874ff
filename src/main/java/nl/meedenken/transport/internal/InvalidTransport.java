package nl.meedenken.transport.internal;

import nl.meedenken.platform.Refused;

/** An order, trip, wish or stop action was refused; names the field and a message key. */
public class InvalidTransport extends Refused {

    public InvalidTransport(String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }
}
