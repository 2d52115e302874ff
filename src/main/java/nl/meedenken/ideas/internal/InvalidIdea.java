package nl.meedenken.ideas.internal;

import nl.meedenken.platform.Refused;

/** A change to an idea, experiment or innovation team was refused. */
public class InvalidIdea extends Refused {

    public InvalidIdea(String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }
}
