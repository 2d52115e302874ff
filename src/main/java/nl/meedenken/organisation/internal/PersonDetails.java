package nl.meedenken.organisation.internal;

import nl.meedenken.platform.Language;
import nl.meedenken.platform.Role;

import java.util.Locale;
import java.util.Set;

/** Everything an administrator can say about a person; the command to register or change one. */
public record PersonDetails(String employeeNumber, String name, Language language, String email, String phone,
                            Long teamId, Long siteId, Set<Role> roles) {

    public PersonDetails {
        employeeNumber = clean(employeeNumber);
        name = clean(name);
        email = clean(email);
        email = email == null ? null : email.toLowerCase(Locale.ROOT);
        phone = clean(phone);
        language = language == null ? Language.DEFAULT : language;
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
