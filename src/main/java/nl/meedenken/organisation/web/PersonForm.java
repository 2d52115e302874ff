package nl.meedenken.organisation.web;

import nl.meedenken.organisation.internal.Person;
import nl.meedenken.organisation.internal.PersonDetails;
import nl.meedenken.platform.Language;
import nl.meedenken.platform.Role;

import java.util.EnumSet;
import java.util.Set;

/** The person form as the browser sends it; turned into {@link PersonDetails} for the service. */
public record PersonForm(String employeeNumber, String name, String language, String email, String phone,
                         Long teamId, Long siteId, Set<Role> roles) {

    static PersonForm empty() {
        return new PersonForm("", "", Language.DEFAULT.code(), "", "", null, null, EnumSet.noneOf(Role.class));
    }

    static PersonForm of(Person person) {
        return new PersonForm(person.employeeNumber(), person.name(), person.language().code(), person.email(),
                person.phone(), person.teamId(), person.siteId(), person.roles());
    }

    PersonDetails details() {
        return new PersonDetails(employeeNumber, name, Language.fromCode(language).orElse(Language.DEFAULT), email,
                phone, teamId, siteId, roles);
    }

    public boolean hasRole(Role role) {
        return roles != null && roles.contains(role);
    }
}
