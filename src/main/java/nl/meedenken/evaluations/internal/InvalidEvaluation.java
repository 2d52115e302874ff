package nl.meedenken.evaluations.internal;

import nl.meedenken.platform.Refused;

/** A change to an evaluation was refused; names the field and a message key. */
public class InvalidEvaluation extends Refused {

    public InvalidEvaluation(String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }
}
