package nl.meedenken.organisation.internal;

import nl.meedenken.platform.Role;

/** Filters for the list of people; empty values mean "any". */
public record PersonSearch(String text, Long teamId, Long siteId, Role role, Status status) {

    public enum Status { ACTIVE, INACTIVE, ALL }

    public PersonSearch {
        text = text == null || text.isBlank() ? null : text.strip();
        status = status == null ? Status.ACTIVE : status;
    }

    public static PersonSearch everyoneActive() {
        return new PersonSearch(null, null, null, null, Status.ACTIVE);
    }
}
