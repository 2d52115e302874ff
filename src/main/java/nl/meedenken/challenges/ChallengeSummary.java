package nl.meedenken.challenges;

import java.time.LocalDate;

/** A challenge as other modules may show it. */
public record ChallengeSummary(long id, String title, String kind, String state, LocalDate deadline) {
}
