package nl.meedenken.learning.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A report of a mistake or near miss. For an anonymous report {@code reporterId} and
 * {@code reportedAt} are empty and {@code reportedIn} is only the month.
 */
public record Report(long id, Category category, String whatHappened, String location, String prevention,
                     Long siteId, Long reporterId, Instant reportedAt, LocalDate reportedIn, boolean mayPublish,
                     boolean answered, String learned, String change, String thanks, String answeredBy,
                     Instant answeredAt) {

    public boolean anonymous() {
        return reporterId == null;
    }

    /**
     * Who reads a report when signed in: team leads and management (the reports pages, see the
     * security configuration), and the person who made it with their name (their own reports).
     */
    public boolean readableBy(nl.meedenken.platform.SignedInUser reader) {
        return reader.has(nl.meedenken.platform.Role.TEAM_LEAD) || reader.has(nl.meedenken.platform.Role.MANAGEMENT)
                || (reporterId != null && reporterId == reader.personId());
    }
}
