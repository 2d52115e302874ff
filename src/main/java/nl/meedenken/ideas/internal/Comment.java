package nl.meedenken.ideas.internal;

import java.time.Instant;

/** A colleague's comment on an idea. */
public record Comment(long id, String authorName, String text, Instant at) {
}
