package nl.meedenken.platform;

/** A signed-in person switched the language of the screens; the owner of people stores it. */
public record LanguageChosen(long personId, Language language) {
}
