package nl.meedenken.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Languages a person can prefer, and the screens shown in them. A language has screens as soon
 * as its message bundle ({@code messages_<code>.properties}) is on the class path; until then a
 * person who prefers it sees English, so adding the screens of a language is adding its bundles
 * (see the README). Arabic is written right to left (each bundle says its own
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
    AR("ar"),
    // languages people can prefer that have no screens yet: they read English until a bundle set exists
    CS("cs"),
    ES("es"),
    FA("fa"),
    FR("fr"),
    HR("hr"),
    HU("hu"),
    IT("it"),
    LT("lt"),
    LV("lv"),
    RU("ru"),
    SK("sk"),
    SO("so");

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
        if (rightToLeft()) {
            // numbers, times and plates in Latin digits, like what stands around them
            return Locale.forLanguageTag(code + "-u-nu-latn");
        }
        // the screens are written in European Portuguese, and group thousands with a space
        return Locale.forLanguageTag("pt".equals(code) ? "pt-PT" : code);
    }

    /** Whether the language is written right to left (Arabic, Farsi), as ICU knows it. */
    public boolean rightToLeft() {
        return com.ibm.icu.util.ULocale.forLanguageTag(code).isRightToLeft();
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
