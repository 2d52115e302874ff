package nl.meedenken.platform.translation;

/**
 * A machine translation service. The one adapter today talks to a self-hosted LibreTranslate
 * server ({@link LibreTranslate}); without {@code meedenken.translation.url} there is none and
 * the Translate buttons are not shown.
 */
public interface Translator {

    /** The text in the target language, and the language the service thinks the original is in. */
    record Result(String text, String detectedLanguage) {
    }

    /** Thrown when the service cannot be reached or refuses; the page says so and keeps the original. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    Result translate(String text, String targetLanguage);
}
