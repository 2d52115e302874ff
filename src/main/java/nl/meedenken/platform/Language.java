package nl.meedenken.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Languages a person can prefer, and the screens shown in them. A language has screens as soon
 * as its message bundle ({@code messages_<code>.properties}) is on the class path; until then a
 * person who prefers it sees English. Arabic is written right to left (each bundle says its own
 * direction in {@code layout.direction}) and shows numbers in Latin digits, like times, plates and
 * phone numbers around it (docs/adr/0020). Portuguese is European Portuguese ({@code pt-PT}).
 */
public enum Language {
    NL("nl"),
    EN("en"),
    DE("de"),
    PL("pl"),
    RO("ro"),
    BG("bg"),
    PT("pt"),
    TR("tr"),
    UK("uk"),
    AR("ar");

    public static final Language DEFAULT = NL;

    private final String code;
    private final boolean screens;

    Language(String code) {
        this.code = code;
        this.screens = "en".equals(code)
                || Language.class.getClassLoader().getResource("messages_" + code + ".properties") != null;
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
        if (!screens) {
            return Locale.forLanguageTag(EN.code);
        }
        return Locale.forLanguageTag(switch (code) {
            case "ar" -> "ar-u-nu-latn";
            case "pt" -> "pt-PT"; // the screens are written in European Portuguese, and group thousands so
            default -> code;
        });
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

    /** The language of a locale, when it is one of these. */
    public static Optional<Language> of(Locale locale) {
        return locale == null ? Optional.empty() : fromCode(locale.getLanguage());
    }

    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.code.equals(wanted)).findFirst();
    }
}
