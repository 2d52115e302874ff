package nl.meedenken.organisation.internal;

import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.SiteId;
import nl.meedenken.organisation.TeamId;
import nl.meedenken.platform.Language;
import nl.meedenken.platform.Role;

import java.util.Set;

/** A person as stored, with the names of their team and site for showing in lists. */
public record Person(long id, String employeeNumber, String name, Language language, String email, String phone,
                     Long teamId, String teamName, Long siteId, String siteName, boolean active, Set<Role> roles,
                     boolean hasAccount, Language screenLanguage) {

    /** The language of the screens: the one chosen on a screen, else the preferred one if it has screens. */
    public Language screens() {
        return screenLanguage != null ? screenLanguage : language;
    }

    public PersonDetails details() {
        return new PersonDetails(employeeNumber, name, language, email, phone, teamId, siteId, roles);
    }

    public PersonSummary summary() {
        return new PersonSummary(new PersonId(id), employeeNumber, name, language,
                teamId == null ? null : new TeamId(teamId), siteId == null ? null : new SiteId(siteId), roles, active);
    }
}
