package nl.meedenken.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads numbers as people type them, in the notation of their language, for every form and
 * every import (ADR 0016). In Dutch the comma is the decimal mark and the point groups
 * thousands ({@code 412.000}, {@code 1.234,50}, {@code € 12,50}); in English the other way
 * round. A text that the other notation reads differently, and that this notation reads only
 * as three decimals ({@code 412,000} in Dutch, {@code 412.000} in English), is refused: we never guess.
 * <p>
 * A {@link Rule} says what a field holds: how many decimals are stored, the smallest and the
 * largest value, and whether a euro sign may be typed. A value with more decimals is rounded
 * to what is stored, unless it would become zero: that is refused too.
 */
public final class Numbers {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u2009]");
    private static final Pattern BODY = Pattern.compile("\\d(?:[.,_]?\\d)*");

    private Numbers() {
    }

    /** What a field holds: decimals stored, bounds (inclusive), and whether € may be typed. */
    public record Rule(int scale, BigDecimal min, BigDecimal max, boolean money) {

        /** Euros with cents, from zero up to the largest amount a {@code numeric(14, 2)} column holds. */
        public static Rule amount() {
            return new Rule(2, BigDecimal.ZERO, new BigDecimal("999999999999.99"), true);
        }

        /** A whole number from zero up to {@code max}. */
        public static Rule count(long max) {
            return new Rule(0, BigDecimal.ZERO, BigDecimal.valueOf(max), false);
        }

        /** A number with at most {@code scale} decimals stored, between {@code min} and {@code max}. */
        public static Rule decimal(int scale, double min, double max) {
            return new Rule(scale, BigDecimal.valueOf(min), BigDecimal.valueOf(max), false);
        }
    }

    /** Why a text was refused: a message key of the platform bundle and its arguments (already formatted). */
    public record Problem(String messageKey, Object... arguments) {
    }

    /** Either a value or the reason it was refused. */
    public record Reading(BigDecimal value, Problem problem) {
        public boolean ok() {
            return problem == null;
        }

        public boolean empty() {
            return value == null && problem == null;
        }
    }

    /**
     * Reads a typed number. An empty text gives an empty reading (neither value nor problem):
     * whether that is allowed is the caller's decision.
     */
    public static Reading read(String text, Locale locale, Rule rule) {
        if (text == null || text.isBlank()) {
            return new Reading(null, null);
        }
        String typed = text.strip();
        String body = SPACES.matcher(typed).replaceAll("_");
        boolean negative = false;
        boolean euro = false;
        // a sign and a euro sign may come in either order: -€ 12, € -12
        for (int i = 0; i < 2; i++) {
            if (!negative && (body.startsWith("-") || body.startsWith("\u2212"))) {
                negative = true;
                body = body.substring(1);
            } else if (!euro && body.startsWith("€")) {
                euro = true;
                body = body.substring(1);
            } else if (!euro && body.regionMatches(true, 0, "EUR", 0, 3)) {
                euro = true;
                body = body.substring(3);
            }
            body = stripUnderscores(body);
        }
        if (!euro && body.endsWith("€")) {
            euro = true;
            body = stripUnderscores(body.substring(0, body.length() - 1));
        }
        if (euro && !rule.money()) {
            return refused("input.number.invalid", typed, example(locale, rule));
        }
        if (!BODY.matcher(body).matches()) {
            return refused("input.number.invalid", typed, example(locale, rule));
        }
        boolean commaDecimal = commaIsDecimal(locale);
        char mine = commaDecimal ? ',' : '.';
        char theirs = commaDecimal ? '.' : ',';
        Optional<Notation> own = readAs(body, mine, theirs);
        Optional<Notation> other = readAs(body, theirs, mine);
        BigDecimal value;
        if (own.isPresent()) {
            if (other.isPresent() && own.get().value().compareTo(other.get().value()) != 0
                    && own.get().decimals() && fits(other.get().value(), rule, negative)) {
                // 412,000 in Dutch: three decimals here, a thousand grouping in the other notation
                // (unless the field cannot hold the grouped value: 5,120 as a longitude is 5.12)
                Notation grouped = other.get();
                return refused("input.number.ambiguous", typed, format(grouped.value(), locale),
                        grouped.value().toPlainString(), format(own.get().value(), locale));
            }
            value = own.get().value();
        } else if (other.isPresent()) {
            // only one reading at all: 12.50 in Dutch, 1.234,50 in English
            value = other.get().value();
        } else {
            return refused("input.number.invalid", typed, example(locale, rule));
        }
        if (negative) {
            value = value.negate();
        }
        return check(value, typed, locale, rule);
    }

    private static boolean fits(BigDecimal value, Rule rule, boolean negative) {
        BigDecimal signed = negative ? value.negate() : value;
        return (rule.min() == null || signed.compareTo(rule.min()) >= 0)
                && (rule.max() == null || signed.compareTo(rule.max()) <= 0);
    }

    private static String stripUnderscores(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '_') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '_') {
            end--;
        }
        return text.substring(start, end);
    }

    private static Reading check(BigDecimal value, String typed, Locale locale, Rule rule) {
        BigDecimal stored = value;
        if (value.scale() > rule.scale()) {
            if (rule.scale() == 0 && value.stripTrailingZeros().scale() > 0) {
                return refused("input.number.whole", typed);
            }
            stored = value.setScale(rule.scale(), RoundingMode.HALF_UP);
            if (stored.signum() == 0 && value.signum() != 0) {
                return refused("input.number.roundsToZero", typed,
                        format(BigDecimal.ONE.movePointLeft(rule.scale()), locale));
            }
        }
        if (stored.signum() < 0 && rule.min() != null && rule.min().signum() >= 0) {
            return refused("input.number.negative", typed);
        }
        if (rule.min() != null && stored.compareTo(rule.min()) < 0) {
            return refused("input.number.tooSmall", typed, format(rule.min(), locale));
        }
        if (rule.max() != null && stored.compareTo(rule.max()) > 0) {
            return refused("input.number.tooLarge", typed, format(rule.max(), locale));
        }
        return new Reading(rule.scale() == 0 ? stored.setScale(0, RoundingMode.UNNECESSARY) : stored, null);
    }

    private static Reading refused(String key, Object... arguments) {
        return new Reading(null, new Problem(key, arguments));
    }

    /** How the number was read in one notation, and whether a decimal mark was used. */
    private record Notation(BigDecimal value, boolean decimals) {
    }

    /**
     * Reads the body with {@code decimal} as the decimal mark and {@code group} (or a space,
     * written as {@code _}) between groups of exactly three digits.
     */
    private static Optional<Notation> readAs(String body, char decimal, char group) {
        int mark = body.indexOf(decimal);
        if (mark >= 0 && body.indexOf(decimal, mark + 1) >= 0) {
            return Optional.empty();
        }
        String whole = mark < 0 ? body : body.substring(0, mark);
        String fraction = mark < 0 ? "" : body.substring(mark + 1);
        if (!fraction.chars().allMatch(Character::isDigit) || (mark >= 0 && fraction.isEmpty())) {
            return Optional.empty();
        }
        String digits;
        if (whole.chars().allMatch(Character::isDigit)) {
            digits = whole;
        } else {
            boolean spaces = whole.indexOf('_') >= 0;
            if (spaces && whole.indexOf(group) >= 0) {
                return Optional.empty();
            }
            String separator = Pattern.quote(String.valueOf(spaces ? '_' : group));
            if (!whole.matches("[1-9]\\d{0,2}(?:" + separator + "\\d{3})+")) {
                return Optional.empty();
            }
            digits = whole.replace(String.valueOf(spaces ? '_' : group), "");
        }
        if (digits.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Notation(new BigDecimal(fraction.isEmpty() ? digits : digits + "." + fraction),
                mark >= 0));
    }

    /** Whether the language writes a comma before the decimals (Dutch) rather than a point (English). */
    public static boolean commaIsDecimal(Locale locale) {
        return DecimalFormatSymbols.getInstance(locale == null ? Locale.forLanguageTag("nl") : locale)
                .getDecimalSeparator() == ',';
    }

    /**
     * A number as the product shows it in this language: thousands grouped, the decimals it has
     * (trailing zeros dropped), so that {@link #read} gives it back.
     */
    public static String format(BigDecimal value, Locale locale) {
        DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(
                locale == null ? Locale.forLanguageTag("nl") : locale);
        BigDecimal plain = value.stripTrailingZeros();
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(Math.max(0, plain.scale()));
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        format.setGroupingUsed(true);
        return format.format(plain);
    }

    /** A value for a form field: grouped as the language writes it, or empty for none. */
    public static String forField(BigDecimal value, Locale locale) {
        return value == null ? "" : format(value, locale);
    }

    private static String example(Locale locale, Rule rule) {
        BigDecimal sample = rule.scale() == 0 ? new BigDecimal("1250") : new BigDecimal("1250.5");
        return format(sample, locale);
    }
}
