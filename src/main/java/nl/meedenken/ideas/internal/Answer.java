package nl.meedenken.ideas.internal;

import java.time.Instant;

/** One answer to an idea: the status it gave, why, who and when. */
public record Answer(IdeaStatus status, String reason, String byName, Instant at) {
}
