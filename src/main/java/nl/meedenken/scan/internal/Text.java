package nl.meedenken.scan.internal;

import java.util.Locale;

/** A text of the questionnaire in both languages. */
public record Text(String nl, String en) {

    public String in(Locale locale) {
        return locale != null && "nl".equals(locale.getLanguage()) ? nl : en;
    }

    public String in(String language) {
        return "nl".equals(language) ? nl : en;
    }
}
