package nl.meedenken.learning.internal;

import java.time.Instant;

/** What everyone can learn from a report, with identifying details taken out. */
public record Lesson(long id, long reportId, String title, String situation, String lesson, Category category,
                     String publishedBy, Instant publishedAt) {
}
