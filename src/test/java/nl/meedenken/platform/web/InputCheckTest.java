package nl.meedenken.platform.web;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which values no form can take, for generated texts: typed text passes, a control character anywhere does not. */
class InputCheckTest {

    @Provide
    Arbitrary<String> typedText() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .withChars(" .,;:!?'\"-+()€éëïöüçñßøåłńśźżąęŁŚŻ\t\n\r")
                .ofMaxLength(300).map(s -> s + "🚚");
    }

    @Provide
    Arbitrary<Character> controlCharacter() {
        java.util.List<Character> controls = new java.util.ArrayList<>();
        for (char c = 0; c <= 0x9f; c++) {
            if ((c < 0x20 || c >= 0x7f) && c != '\t' && c != '\n' && c != '\r') {
                controls.add(c);
            }
        }
        return Arbitraries.of(controls);
    }

    @Property
    void typedTextPasses(@ForAll("typedText") String text) {
        String stripped = text;
        assertThat(InputCheck.problem(Map.of("title", new String[]{stripped}))).isEmpty();
        assertThat(InputCheck.withoutUnusableCharacters(stripped)).isEqualTo(stripped);
    }

    @Property
    void aControlCharacterAnywhereIsRefusedForItsField(@ForAll("typedText") String text,
                                                       @ForAll("controlCharacter") char control,
                                                       @ForAll @IntRange(min = 0, max = 300) int at) {
        String clean = text;
        int position = Math.min(at, clean.length() - 2);
        String spoilt = clean.substring(0, position) + control + clean.substring(position);

        var problem = InputCheck.problem(Map.of("ok", new String[]{"fine"}, "problem", new String[]{spoilt}));

        assertThat(problem).hasValueSatisfying(p -> {
            assertThat(p.field()).isEqualTo("problem");
            assertThat(p.messageKey()).isEqualTo("input.error.character");
        });
        assertThat(InputCheck.withoutUnusableCharacters(spoilt)).isEqualTo(clean);
    }

    @Property
    void aLoneHalfOfASurrogatePairIsRefused(@ForAll @IntRange(min = 0xD800, max = 0xDFFF) int half) {
        assertThat(InputCheck.hasUnusableCharacter("a" + (char) half + "b")).isTrue();
    }

    @Property
    void wholeNumbersTooLargeForAnyIdAreRefused(@ForAll @IntRange(min = 19, max = 60) int digits) {
        String number = "9".repeat(digits);
        assertThat(InputCheck.problem(Map.of("teamId", new String[]{number}))).hasValueSatisfying(p ->
                assertThat(p.messageKey()).isEqualTo("input.error.numberTooLarge"));
        assertThat(InputCheck.problem(Map.of("teamId", new String[]{"9".repeat(Math.min(digits, 18))}))).isEmpty();
    }

    @Property
    void daysOutsideFourDigitYearsAreRefused(@ForAll @IntRange(min = 10_000, max = 999_999_999) int year) {
        assertThat(InputCheck.problem(Map.of("on", new String[]{year + "-01-01"}))).isPresent();
        assertThat(InputCheck.problem(Map.of("on", new String[]{"-" + year + "-01-01"}))).isPresent();
        assertThat(InputCheck.problem(Map.of("on", new String[]{"+" + year + "-12-31T08:00"}))).isPresent();
        assertThat(InputCheck.problem(Map.of("on", new String[]{"2026-12-31"}))).isEmpty();
    }
}
