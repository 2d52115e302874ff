package nl.meedenken.evaluations.internal;

/** A card on the board; {@code authorName} is empty for anonymous cards. */
public record Card(long id, CardKind kind, String text, Long authorId, String authorName, Long groupOf,
                   Long actionId) {

    public boolean anonymous() {
        return authorId == null;
    }
}
