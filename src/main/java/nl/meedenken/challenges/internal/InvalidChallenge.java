package nl.meedenken.challenges.internal;

import nl.meedenken.platform.Refused;

/** A change to a challenge was refused. */
public class InvalidChallenge extends Refused {

    public InvalidChallenge(String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }
}
