package nl.meedenken.openbook.internal;

import nl.meedenken.platform.Refused;

/** Figures were refused; names the field and a message key. */
public class InvalidFigures extends Refused {

    public InvalidFigures(String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }
}
