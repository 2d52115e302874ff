package nl.meedenken.platform;

import java.util.Optional;

/**
 * What a module offers for translation: one kind of text (an idea, a comment, a wish), looked
 * up by id for a reader who may read it. The text is always read on the server, so the
 * Translate button cannot be used to send any text anywhere, nor to read what the reader may not.
 */
public interface TranslatableTexts {

    /**
     * The text as written; whether it was written without a name; whether the module found details in it
     * that could point to a person (a name, a plate, a phone number). Neither is sent unless allowed.
     */
    record Original(String text, boolean anonymous, boolean identifying) {

        public Original(String text, boolean anonymous) {
            this(text, anonymous, false);
        }
    }

    /** The kind in the button's address, e.g. {@code idea}; letters and dashes only. */
    String kind();

    /** The text, if it exists and the reader may read it. */
    Optional<Original> original(long id, SignedInUser reader);

    /**
     * Whether a translation shows something that could point to a person that the original did not
     * (a name the machine spelled in another script); such a translation is not shown.
     */
    default boolean identifies(String translated) {
        return false;
    }

    /** A kind of text that is only looked up, with the reading rule inside the lookup. */
    static TranslatableTexts of(String kind, java.util.function.BiFunction<Long, SignedInUser, Optional<Original>> lookup) {
        return new TranslatableTexts() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Optional<Original> original(long id, SignedInUser reader) {
                return lookup.apply(id, reader);
            }
        };
    }
}
