package nl.meedenken.platform.translation;

import nl.meedenken.platform.SignedInUser;
import nl.meedenken.platform.TranslatableTexts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Machine translation of what colleagues write, shown beside the original and marked as made
 * by a machine (docs/adr/0021). Off unless {@code meedenken.translation.url} names a server.
 * Texts written without a name are never sent unless {@code meedenken.translation.anonymous-texts}
 * is switched on explicitly, nor are texts in which their module found details that could point to a
 * person (a mistake report naming a colleague or a plate). Each translation is kept in the database, so the same text is sent
 * once per language.
 */
@Service
public class Translations {

    /** A translation as the reader sees it. */
    public record Shown(String original, String translated, String detectedLanguage, String targetLanguage) {
        public boolean sameLanguage() {
            return detectedLanguage != null && detectedLanguage.equals(targetLanguage);
        }
    }

    /** Why nothing was translated: the page says so in the reader's language. */
    public static final class Refused extends RuntimeException {
        private final String messageKey;

        Refused(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    static final int MAX_LENGTH = 10_000;

    private final JdbcClient jdbc;
    private final Translator translator;
    private final boolean anonymousTexts;
    private final Map<String, TranslatableTexts> kinds;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    Translations(JdbcClient jdbc, Clock clock, List<TranslatableTexts> texts,
                 @Value("${meedenken.translation.url:}") String url,
                 @Value("${meedenken.translation.api-key:}") String apiKey,
                 @Value("${meedenken.translation.anonymous-texts:false}") boolean anonymousTexts) {
        this(jdbc, clock, texts, url == null || url.isBlank() ? null : new LibreTranslate(url.strip(), apiKey), anonymousTexts);
    }

    Translations(JdbcClient jdbc, Clock clock, List<TranslatableTexts> texts, Translator translator, boolean anonymousTexts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.translator = translator;
        this.anonymousTexts = anonymousTexts;
        this.kinds = texts.stream().collect(Collectors.toUnmodifiableMap(TranslatableTexts::kind, Function.identity()));
    }

    /** Whether the Translate button is offered for a text, named or not. */
    public boolean offered(boolean anonymous) {
        return translator != null && (!anonymous || anonymousTexts);
    }

    /** Translates one text for a reader, into the language of the reader's screens. */
    public Shown translate(String kind, long id, SignedInUser reader, Locale target) {
        TranslatableTexts texts = kinds.get(kind);
        if (texts == null) {
            throw new Refused("translation.notFound");
        }
        TranslatableTexts.Original original = texts.original(id, reader).orElseThrow(() -> new Refused("translation.notFound"));
        if (translator == null) {
            throw new Refused("translation.off");
        }
        if (original.anonymous() && !anonymousTexts) {
            throw new Refused("translation.anonymous");
        }
        if (original.identifying() && !anonymousTexts) {
            throw new Refused("translation.identifying");
        }
        String text = original.text() == null ? "" : original.text().strip();
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new Refused("translation.notFound");
        }
        String language = target.getLanguage();
        String hash = hash(text);
        Optional<Shown> kept = jdbc.sql("select translated, detected from translation_cache where source_hash = :h and target = :t")
                .param("h", hash).param("t", language)
                .query((rs, i) -> new Shown(text, rs.getString(1), rs.getString(2), language)).optional();
        if (kept.isPresent()) {
            return shown(texts, kept.get());
        }
        Translator.Result result;
        try {
            result = translator.translate(text, language);
        } catch (Translator.Unavailable e) {
            throw new Refused("translation.unavailable");
        }
        jdbc.sql("""
                        insert into translation_cache (source_hash, target, translated, detected, created_at)
                        values (:h, :t, :text, :d, :at) on conflict (source_hash, target) do nothing
                        """)
                .param("h", hash).param("t", language).param("text", result.text())
                .param("d", result.detectedLanguage()).param("at", Timestamp.from(clock.instant())).update();
        return shown(texts, new Shown(text, result.text(), result.detectedLanguage(), language));
    }

    /** The identity check runs on the translation too: what it finds there is not shown. */
    private Shown shown(TranslatableTexts texts, Shown shown) {
        if (!anonymousTexts && texts.identifies(shown.translated())) {
            throw new Refused("translation.identifying");
        }
        return shown;
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
