package nl.meedenken.leadership.internal;

import java.time.Instant;
import java.util.Locale;

/** One lesson of the programme, in Dutch and English; bodies are Markdown. */
public record Lesson(long id, String slug, int position, String titleNl, String titleEn, String bodyNl,
                     String bodyEn, String assignmentNl, String assignmentEn, Evidence evidence, boolean hasImage,
                     String imageAltNl, String imageAltEn, boolean archived, String changedBy, Instant changedAt) {

    private static boolean dutch(Locale locale) {
        return locale != null && "nl".equals(locale.getLanguage());
    }

    public String title(Locale locale) {
        return dutch(locale) ? titleNl : titleEn;
    }

    public String body(Locale locale) {
        return dutch(locale) ? bodyNl : bodyEn;
    }

    public String assignment(Locale locale) {
        return dutch(locale) ? assignmentNl : assignmentEn;
    }

    public String imageAlt(Locale locale) {
        return dutch(locale) ? imageAltNl : imageAltEn;
    }
}
