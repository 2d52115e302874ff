package nl.meedenken.platform;

import java.util.Locale;
import java.util.Optional;

/**
 * Where to send a person's notifications outside the app (an e-mail address, a phone number for text
 * messages), and in which language. The module that knows people provides it; without an address or a
 * number a person gets in-app notifications only.
 */
public interface Recipients {

    /** {@code email} and {@code phone} may be null or blank when the person has none. */
    record Recipient(String name, String email, Locale locale, String phone) {

        public Recipient(String name, String email, Locale locale) {
            this(name, email, locale, null);
        }

        public boolean hasEmail() {
            return email != null && !email.isBlank();
        }

        public boolean hasPhone() {
            return phone != null && !phone.isBlank();
        }
    }

    Optional<Recipient> find(long personId);
}
