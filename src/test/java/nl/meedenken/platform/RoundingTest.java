package nl.meedenken.platform;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A figure is written the same way everywhere: half up, never "-0,0", and a change is exactly the difference of
 * the two figures the reader sees beside it.
 */
class RoundingTest {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");
    private static final List<Locale> LANGUAGES = List.of(DUTCH, Locale.ENGLISH);

    @Property
    void aValueThatRoundsToNothingIsWrittenWithoutAMinus(@ForAll @DoubleRange(min = -0.0499, max = 0.0499) @Scale(6) double tiny) {
        for (Locale locale : LANGUAGES) {
            assertThat(Rounding.format(tiny, 1, locale)).isIn("0,0", "0.0");
            assertThat(Rounding.format(tiny / 100, 0, locale)).isEqualTo("0");
            assertThat(Rounding.signed(tiny, locale)).isIn("0,0", "0.0");
        }
    }

    @Property
    void theChangeBesideTwoFiguresIsTheirShownDifference(@ForAll @DoubleRange(min = 1, max = 5) double before,
                                                        @ForAll @DoubleRange(min = 1, max = 5) double now) {
        BigDecimal shownBefore = new BigDecimal(Rounding.format(before, 1, Locale.ENGLISH));
        BigDecimal shownNow = new BigDecimal(Rounding.format(now, 1, Locale.ENGLISH));
        String signed = Rounding.signed(Rounding.change(before, now), Locale.ENGLISH);
        BigDecimal change = new BigDecimal(signed.replace("+", ""));
        assertThat(shownBefore.add(change)).isEqualByComparingTo(shownNow);
        assertThat(signed.startsWith("+")).isEqualTo(shownNow.compareTo(shownBefore) > 0);
        assertThat(signed.startsWith("-")).isEqualTo(shownNow.compareTo(shownBefore) < 0);
        // the Dutch text says the same with a decimal comma
        assertThat(Rounding.signed(Rounding.change(before, now), DUTCH)).isEqualTo(signed.replace('.', ','));
    }

    @Test
    void fourPointZeroToFourPointZeroIsNoChangeEvenWhenTheUnroundedValuesDiffer() {
        assertThat(Rounding.format(3.96, 1, DUTCH)).isEqualTo("4,0");
        assertThat(Rounding.format(4.04, 1, DUTCH)).isEqualTo("4,0");
        assertThat(Rounding.signed(Rounding.change(3.96, 4.04), DUTCH)).isEqualTo("0,0");
        assertThat(Rounding.signed(Rounding.change(4.04, 4.06), DUTCH)).isEqualTo("+0,1");
    }

    @Test
    void halvesRoundUpTheWayPeopleDo() {
        assertThat(Rounding.format(2.25, 1, DUTCH)).isEqualTo("2,3");
        assertThat(Rounding.format(2.35, 1, Locale.ENGLISH)).isEqualTo("2.4");
        assertThat(Rounding.format(412000.0, 0, DUTCH)).isEqualTo("412.000");
        assertThat(Rounding.format(412000.0, 0, Locale.ENGLISH)).isEqualTo("412,000");
        assertThat(Rounding.format(null, 1, DUTCH)).isEqualTo("–");
        assertThat(Rounding.signed(null, DUTCH)).isEqualTo("–");
        assertThat(Rounding.change(null, 4.0)).isNull();
        assertThat(Rounding.percent(0.625, DUTCH)).isEqualTo("63%");
        assertThat(Rounding.percent(-0.001, DUTCH)).isEqualTo("0%");
    }

    /** Thymeleaf's own decimal formatting rounds half-even and writes "-0,0": no template may use it. */
    @Test
    void noTemplateFormatsFiguresAroundTheSharedRounding() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".html")).filter(f -> {
                try {
                    String text = Files.readString(f);
                    return text.contains("#numbers.formatDecimal") || text.contains("#numbers.formatPercent");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(Path::toString).toList();
            assertThat(offenders).as("templates that round figures their own way").isEmpty();
        }
    }
}
