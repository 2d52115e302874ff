package nl.meedenken.platform.delivery;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Text messages fit in three parts and always keep the link whole. */
class SmsTextTest {

    private static final String LINK = "https://meedenken.example.nl/ideas/1234";

    @Test
    void aShortMessageGoesAsItIsInOnePart() {
        String text = SmsText.fit("Je idee is aangenomen.", LINK);
        assertThat(text).isEqualTo("Je idee is aangenomen. " + LINK);
        assertThat(SmsText.parts(text)).isEqualTo(1);
        assertThat(SmsText.gsm(text)).isTrue();
    }

    @RepeatedTest(5)
    void aLongLatinMessageIsShortenedToThreeGsmPartsAndKeepsTheLink() {
        String text = "Woord ".repeat(100 + ThreadLocalRandom.current().nextInt(300));
        String fitted = SmsText.fit(text, LINK);
        assertThat(fitted).endsWith("... " + LINK);
        assertThat(SmsText.gsm(fitted)).isTrue();
        assertThat(SmsText.parts(fitted)).isLessThanOrEqualTo(3);
        assertThat(fitted.length()).isLessThanOrEqualTo(3 * 153);
    }

    @RepeatedTest(5)
    void aLongCyrillicOrArabicMessageIsShortenedToThreeUcs2Parts() {
        String word = ThreadLocalRandom.current().nextBoolean() ? "Повідомлення " : "رسالة ";
        String fitted = SmsText.fit(word.repeat(40 + ThreadLocalRandom.current().nextInt(60)), LINK);
        assertThat(SmsText.gsm(fitted)).isFalse();
        assertThat(fitted).endsWith("… " + LINK);
        assertThat(fitted.length()).isLessThanOrEqualTo(3 * 67);
        assertThat(SmsText.parts(fitted)).isLessThanOrEqualTo(3);
    }

    @Test
    void oneLetterOutsideGsmMakesTheWholeMessageUcs2() {
        assertThat(SmsText.gsm("Zadanie: sprawdź")).isFalse();
        assertThat(SmsText.parts("ś".repeat(70))).isEqualTo(1);
        assertThat(SmsText.parts("ś".repeat(71))).isEqualTo(2);
        assertThat(SmsText.parts("a".repeat(160))).isEqualTo(1);
        assertThat(SmsText.parts("a".repeat(161))).isEqualTo(2);
        assertThat(SmsText.parts("€".repeat(80))).as("the euro sign takes two places").isEqualTo(1);
        assertThat(SmsText.parts("€".repeat(81))).isEqualTo(2);
    }

    @Test
    void phoneNumbersBecomeInternationalAndAreMaskedInTheLog() {
        assertThat(SmsText.international("06 1000 2001", "31")).contains("+31610002001");
        assertThat(SmsText.international("0049 (151) 123-4567", "31")).contains("+491511234567");
        assertThat(SmsText.international("+48 601 234 567", "31")).contains("+48601234567");
        assertThat(SmsText.international("call me", "31")).isEmpty();
        assertThat(SmsText.masked("+31610002001")).isEqualTo("+316*****001").doesNotContain("1000");
    }
}
