package nl.meedenken.scan.internal;

import nl.meedenken.platform.Refused;

/** Something entered for the scan was refused; names the field and a message key. */
public class InvalidScanInput extends Refused {

    public InvalidScanInput(String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }
}
