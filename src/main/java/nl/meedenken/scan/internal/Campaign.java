package nl.meedenken.scan.internal;

import java.time.LocalDate;
import java.util.List;

/** A round of the scan: who is asked, when, which questions, and how small a group may be shown. */
public record Campaign(long id, String title, long instrumentId, Kind kind, List<String> dimensions,
                       LocalDate opensOn, LocalDate closesOn, int minGroupSize, Status status,
                       List<Long> targetSites, List<Long> targetTeams, String origin,
                       List<Long> excludedPeople, boolean restricted) {

    public enum Status {
        DRAFT, OPEN, CLOSED;

        public String labelKey() {
            return "scan.status." + name();
        }
    }

    public enum Kind { FULL, PULSE }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    /** Whether a person of this team and site is asked. No targets means everyone. */
    public boolean targets(Long teamId, Long siteId) {
        boolean siteOk = targetSites.isEmpty() || (siteId != null && targetSites.contains(siteId));
        boolean teamOk = targetTeams.isEmpty() || (teamId != null && targetTeams.contains(teamId));
        return siteOk && teamOk;
    }

    /** Whether this person is asked: in a targeted team and site, and not someone the pulse is about. */
    public boolean targets(long personId, Long teamId, Long siteId) {
        return !excludedPeople.contains(personId) && targets(teamId, siteId);
    }

    /** Whether a dimension of the questionnaire is asked in this campaign. */
    public boolean asks(String dimension) {
        return kind == Kind.FULL || dimensions.contains(dimension);
    }
}
