package nl.meedenken.ideas;

/** An idea as other modules may show it. */
public record IdeaSummary(long id, String title, String status, long authorId) {
}
