package nl.meedenken.platform;

import java.util.Locale;
import java.util.Optional;

/**
 * Where to send a person's notifications by e-mail, and in which language. The module that
 * knows people provides it; without an address a person gets in-app notifications only.
 */
public interface Recipients {

    record Recipient(String name, String email, Locale locale) {
    }

    Optional<Recipient> find(long personId);
}
