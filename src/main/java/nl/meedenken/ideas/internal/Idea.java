package nl.meedenken.ideas.internal;

import java.time.Instant;
import java.time.LocalDate;

/** An idea as its page shows it. */
public record Idea(long id, String title, String problem, String proposal, Category category, Long siteId,
                   Long teamId, long authorId, String authorName, Instant createdAt, LocalDate answerDueOn,
                   IdeaStatus status, Instant firstAnsweredAt, Long innovationTeamId, Long challengeId,
                   String challengeTitle, int supporters, boolean hasPhoto, boolean withoutAccount) {

    /** The author as colleagues see it: for an idea sent without an account, the name the guest gave, if any. */
    public boolean namedGuest() {
        return withoutAccount && authorName != null;
    }

    /** Not answered and past the promised date. */
    public boolean overdueOn(LocalDate today) {
        return firstAnsweredAt == null && today.isAfter(answerDueOn);
    }

    /** Answered, but after the promised date. */
    public boolean answeredLate() {
        return firstAnsweredAt != null
                && firstAnsweredAt.atZone(java.time.ZoneId.of("Europe/Amsterdam")).toLocalDate().isAfter(answerDueOn);
    }

    public boolean answered() {
        return firstAnsweredAt != null;
    }
}
