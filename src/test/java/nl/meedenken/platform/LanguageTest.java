package nl.meedenken.platform;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Which languages have screens, how they are written, and what a language without screens reads. */
class LanguageTest {

    @Test
    void theTenLanguagesOfTheShopFloorHaveScreens() {
        assertThat(Language.withScreens()).containsExactly(Language.NL, Language.EN, Language.DE, Language.PL,
                Language.RO, Language.BG, Language.PT, Language.TR, Language.UK, Language.AR);
    }

    @Test
    void aLanguageWithoutScreensReadsEnglishAndOnlyRightToLeftScriptsAreMirrored() {
        for (Language language : Language.values()) {
            Locale screens = language.screenLocale();
            if (!language.hasScreens()) {
                assertThat(screens).as(language.code()).isEqualTo(Locale.ENGLISH);
            }
            boolean rtl = language == Language.AR || language == Language.FA;
            assertThat(language.rightToLeft()).as(language.code()).isEqualTo(rtl);
            assertThat(language.nativeName()).as(language.code()).isNotBlank().isNotEqualTo(language.code());
            assertThat(Language.fromCode(" " + language.code().toUpperCase(Locale.ROOT) + " ")).contains(language);
        }
        assertThat(Language.AR.screenLocale().toLanguageTag()).isEqualTo("ar-u-nu-latn");
        assertThat(Language.PT.screenLocale().toLanguageTag()).isEqualTo("pt-PT");
        assertThat(Language.of(Locale.forLanguageTag("pt-BR"))).contains(Language.PT);
        assertThat(Language.fromCode("xx")).isEmpty();
    }
}
