package nl.meedenken.organisation;

import nl.meedenken.platform.Language;
import nl.meedenken.platform.Role;

import java.util.Set;

/** What other modules may know about a person. */
public record PersonSummary(PersonId id, String employeeNumber, String name, Language language, TeamId team,
                            SiteId site, Set<Role> roles, boolean active) {

    public boolean has(Role role) {
        return role == Role.EMPLOYEE || roles.contains(role);
    }
}
