package nl.meedenken.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Languages a person can prefer. The screens exist in Dutch and English; a person who
 * prefers another language sees English until that translation exists, and modules that
 * carry their own translations (a scan questionnaire) can use the preference directly.
 */
public enum Language {
    NL("nl", true),
    EN("en", true),
    DE("de", false),
    PL("pl", false),
    RO("ro", false),
    BG("bg", false),
    PT("pt", false),
    TR("tr", false),
    UK("uk", false),
    AR("ar", false);

    public static final Language DEFAULT = NL;

    private final String code;
    private final boolean screens;

    Language(String code, boolean screens) {
        this.code = code;
        this.screens = screens;
    }

    public String code() {
        return code;
    }

    /** Whether the application's own screens are translated into this language. */
    public boolean hasScreens() {
        return screens;
    }

    /** The locale the screens are shown in for someone who prefers this language. */
    public Locale screenLocale() {
        return Locale.forLanguageTag(screens ? code : EN.code);
    }

    /** The language's name in that language itself, as people recognise it in a list. */
    public String nativeName() {
        Locale locale = Locale.forLanguageTag(code);
        String name = locale.getDisplayLanguage(locale);
        return name.isEmpty() ? code : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    public static List<Language> withScreens() {
        return Arrays.stream(values()).filter(Language::hasScreens).toList();
    }

    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.code.equals(wanted)).findFirst();
    }
}
