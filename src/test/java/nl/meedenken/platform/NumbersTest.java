package nl.meedenken.platform;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.thymeleaf.util.NumberPointType;
import org.thymeleaf.util.NumberUtils;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTest {

    static final Locale DUTCH = Locale.forLanguageTag("nl");
    static final Locale ENGLISH = Locale.ENGLISH;

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.longs().between(0, 99_999_999_999_999L)
                .flatMap(cents -> Arbitraries.integers().between(0, 2)
                        .map(scale -> BigDecimal.valueOf(cents).movePointLeft(2).setScale(scale,
                                java.math.RoundingMode.DOWN)));
    }

    @Provide
    Arbitrary<Locale> languages() {
        return Arbitraries.of(DUTCH, ENGLISH, Locale.forLanguageTag("nl-NL"), Locale.UK, Locale.US);
    }

    @Property(tries = 2000)
    void anAmountFormattedByTheTemplatesReadsBackAsTheSameValue(@ForAll("amounts") BigDecimal amount,
                                                                 @ForAll("languages") Locale locale) {
        String shown = NumberUtils.format(amount, 1, NumberPointType.DEFAULT, amount.scale(), NumberPointType.DEFAULT,
                locale);
        Numbers.Reading reading = Numbers.read("€ " + shown, locale, Numbers.Rule.amount());
        assertThat(reading.problem()).as(shown).isNull();
        assertThat(reading.value()).as(shown).isEqualByComparingTo(amount);
    }

    @Property(tries = 2000)
    void anAmountShownWithTheSharedRoundingReadsBackAsTheSameValue(@ForAll("amounts") BigDecimal amount,
                                                                   @ForAll("languages") Locale locale) {
        // what pages, CSV and PDF show (#rounded, Rounding.format); a double holds up to 15 digits exactly
        net.jqwik.api.Assume.that(amount.precision() <= 15);
        String shown = Rounding.format(amount.doubleValue(), amount.scale(), locale);
        Numbers.Reading reading = Numbers.read("€ " + shown, locale, Numbers.Rule.amount());
        assertThat(reading.problem()).as(shown).isNull();
        assertThat(reading.value()).as(shown).isEqualByComparingTo(amount);
    }

    @Property(tries = 2000)
    void aNumberFormattedByTheProductReadsBackAsTheSameValue(@ForAll("amounts") BigDecimal amount,
                                                              @ForAll("languages") Locale locale) {
        String shown = Numbers.format(amount, locale);
        Numbers.Reading reading = Numbers.read(shown, locale, Numbers.Rule.amount());
        assertThat(reading.value()).as(shown).isEqualByComparingTo(amount);
    }

    @Property(tries = 1000)
    void aThousandGroupingWrittenInTheOtherLanguageIsRefusedNeverGuessed(
            @ForAll @IntRange(min = 1, max = 999) int thousands, @ForAll @IntRange(min = 0, max = 999) int rest) {
        String english = thousands + "," + String.format("%03d", rest);
        String dutch = thousands + "." + String.format("%03d", rest);
        long meant = thousands * 1000L + rest;

        assertThat(Numbers.read(dutch, DUTCH, Numbers.Rule.amount()).value()).isEqualByComparingTo(BigDecimal.valueOf(meant));
        assertThat(Numbers.read(english, ENGLISH, Numbers.Rule.amount()).value()).isEqualByComparingTo(BigDecimal.valueOf(meant));
        assertThat(Numbers.read(english, DUTCH, Numbers.Rule.amount()).problem().messageKey()).isEqualTo("input.number.ambiguous");
        assertThat(Numbers.read(dutch, ENGLISH, Numbers.Rule.amount()).problem().messageKey()).isEqualTo("input.number.ambiguous");
    }

    @Property(tries = 1000)
    void aReadingIsNeverAValueTheOtherLanguageReadsDifferently(@ForAll("typed") String text) {
        Numbers.Rule any = new Numbers.Rule(6, null, null, true);
        Numbers.Reading dutch = Numbers.read(text, DUTCH, any);
        Numbers.Reading english = Numbers.read(text, ENGLISH, any);
        if (dutch.ok() && english.ok() && !dutch.empty() && dutch.value().compareTo(english.value()) != 0) {
            // the only disagreement allowed: one language reads a thousand grouping, the other refuses
            throw new AssertionError(text + " is " + dutch.value() + " in Dutch and " + english.value() + " in English");
        }
    }

    @Provide
    Arbitrary<String> typed() {
        return Arbitraries.strings().withChars("0123456789.,€ -").ofMinLength(1).ofMaxLength(12);
    }

    @Property(tries = 500)
    void aCountWithDecimalsIsRefusedAndAWholeCountIsKept(@ForAll @LongRange(min = 0, max = 9_999_999) long count,
                                                         @ForAll @IntRange(min = 1, max = 9) int tenth) {
        assertThat(Numbers.read(count + "," + tenth, DUTCH, Numbers.Rule.count(10_000_000)).problem().messageKey())
                .isEqualTo("input.number.whole");
        assertThat(Numbers.read(Numbers.format(BigDecimal.valueOf(count), DUTCH), DUTCH,
                Numbers.Rule.count(10_000_000)).value()).isEqualTo(BigDecimal.valueOf(count));
    }

    @Example
    void readsDutchNotation() {
        assertThat(amount("412.000", DUTCH)).isEqualByComparingTo("412000");
        assertThat(amount("1.234,50", DUTCH)).isEqualByComparingTo("1234.50");
        assertThat(amount("€ 12,50", DUTCH)).isEqualByComparingTo("12.50");
        assertThat(amount("€12,5", DUTCH)).isEqualByComparingTo("12.5");
        assertThat(amount("12,50 €", DUTCH)).isEqualByComparingTo("12.50");
        assertThat(amount("412 000", DUTCH)).isEqualByComparingTo("412000");
        assertThat(amount("412\u00a0000,75", DUTCH)).isEqualByComparingTo("412000.75");
        assertThat(amount("1.234.567", DUTCH)).isEqualByComparingTo("1234567");
        assertThat(amount("0,125", DUTCH)).isEqualByComparingTo("0.13");
        assertThat(amount("412000", DUTCH)).isEqualByComparingTo("412000");
    }

    @Example
    void readsEnglishNotation() {
        assertThat(amount("412,000", ENGLISH)).isEqualByComparingTo("412000");
        assertThat(amount("1,234.50", ENGLISH)).isEqualByComparingTo("1234.50");
        assertThat(amount("€ 12.50", ENGLISH)).isEqualByComparingTo("12.50");
        assertThat(amount("EUR 1,000,000", ENGLISH)).isEqualByComparingTo("1000000");
    }

    @Example
    void readsTheOtherNotationOnlyWhereItHasOneMeaning() {
        assertThat(amount("12.50", DUTCH)).isEqualByComparingTo("12.50");
        assertThat(amount("412000.00", DUTCH)).isEqualByComparingTo("412000");
        assertThat(amount("1,234.50", DUTCH)).isEqualByComparingTo("1234.50");
        assertThat(amount("12,5", ENGLISH)).isEqualByComparingTo("12.5");
        assertThat(amount("1.234,50", ENGLISH)).isEqualByComparingTo("1234.50");
    }

    @Example
    void refusesWhatIsAmbiguousOrUnreadable() {
        String[][] table = {
                {"412,000", "nl", "input.number.ambiguous"},
                {"1,234", "nl", "input.number.ambiguous"},
                {"412.000", "en", "input.number.ambiguous"},
                {"1.5", "en", null},
                {"1.2.3", "nl", "input.number.invalid"},
                {"12.34.5", "nl", "input.number.invalid"},
                {"1,234,5", "en", "input.number.invalid"},
                {"1.23.456", "nl", "input.number.invalid"},
                {"1..5", "nl", "input.number.invalid"},
                {"1,,5", "nl", "input.number.invalid"},
                {",5", "nl", "input.number.invalid"},
                {"5,", "nl", "input.number.invalid"},
                {"veel", "nl", "input.number.invalid"},
                {"12a", "nl", "input.number.invalid"},
                {"1e5", "en", "input.number.invalid"},
                {"0x10", "en", "input.number.invalid"},
                {"€€12", "nl", "input.number.invalid"},
                {"--12", "nl", "input.number.invalid"},
                {"1 2", "nl", "input.number.invalid"},
                {"1.234 567", "nl", "input.number.invalid"},
                {"-12", "nl", "input.number.negative"},
                {"−12", "nl", "input.number.negative"},
                {"€ -12,50", "nl", "input.number.negative"},
                {"0,004", "nl", "input.number.roundsToZero"},
                {"1.000.000.000.000", "nl", "input.number.tooLarge"},
                {"NaN", "en", "input.number.invalid"},
                {"Infinity", "en", "input.number.invalid"},
        };
        for (String[] row : table) {
            Numbers.Reading reading = Numbers.read(row[0], Locale.forLanguageTag(row[1]), Numbers.Rule.amount());
            assertThat(reading.problem() == null ? null : reading.problem().messageKey()).as(row[0] + " in " + row[1])
                    .isEqualTo(row[2]);
        }
    }

    @Example
    void aGroupingTheFieldCannotHoldIsNoAmbiguity() {
        Numbers.Rule longitude = Numbers.Rule.decimal(6, -180, 180);
        assertThat(Numbers.read("5,120", DUTCH, longitude).value()).isEqualByComparingTo("5.12");
        assertThat(Numbers.read("-5,120", DUTCH, longitude).value()).isEqualByComparingTo("-5.12");
        assertThat(Numbers.read("5.120", ENGLISH, longitude).value()).isEqualByComparingTo("5.12");
        assertThat(Numbers.read("5,120", DUTCH, Numbers.Rule.amount()).problem().messageKey())
                .isEqualTo("input.number.ambiguous");
    }

    @Example
    void aEuroSignIsOnlyForAmounts() {
        assertThat(Numbers.read("€ 12", DUTCH, Numbers.Rule.count(100)).problem().messageKey())
                .isEqualTo("input.number.invalid");
    }

    @Example
    void anEmptyTextIsNeitherAValueNorAProblem() {
        assertThat(Numbers.read("  ", DUTCH, Numbers.Rule.amount()).empty()).isTrue();
        assertThat(Numbers.read(null, DUTCH, Numbers.Rule.amount()).empty()).isTrue();
    }

    @Example
    void theAmbiguityMessageOffersBothReadingsInTheReadersNotation() {
        Numbers.Problem problem = Numbers.read("412,000", DUTCH, Numbers.Rule.amount()).problem();
        assertThat(problem.arguments()).containsExactly("412,000", "412.000", "412000", "412");
    }

    private static BigDecimal amount(String text, Locale locale) {
        Numbers.Reading reading = Numbers.read(text, locale, Numbers.Rule.amount());
        assertThat(reading.problem()).as(text).isNull();
        return reading.value();
    }
}
