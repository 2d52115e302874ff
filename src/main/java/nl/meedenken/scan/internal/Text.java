package nl.meedenken.scan.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A text of the questionnaire: always in Dutch and English, and in the other languages its
 * version was translated into. A language without a translation reads the English.
 */
public record Text(String nl, String en, Map<String, String> translations) {

    public Text {
        translations = translations == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(translations));
    }

    public Text(String nl, String en) {
        this(nl, en, Map.of());
    }

    /** Read from the questionnaire file: one entry per language code. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Text of(Map<String, String> byLanguage) {
        Map<String, String> others = new LinkedHashMap<>(byLanguage);
        String nl = others.remove("nl");
        String en = others.remove("en");
        return new Text(nl, en, others);
    }

    /** Written as it is read: one entry per language code. */
    @JsonValue
    Map<String, String> byLanguage() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("nl", nl);
        all.put("en", en);
        all.putAll(translations);
        return all;
    }

    public String in(Locale locale) {
        return in(locale == null ? null : locale.getLanguage());
    }

    public String in(String language) {
        if ("nl".equals(language)) {
            return nl;
        }
        if (language != null && translations.containsKey(language)) {
            return translations.get(language);
        }
        return en;
    }

    /** Whether this text exists in the language itself, not only in English. */
    public boolean has(String language) {
        return "nl".equals(language) || "en".equals(language) || translations.containsKey(language);
    }

    public Set<String> languages() {
        return byLanguage().keySet();
    }
}
