package nl.meedenken.platform;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the values of a submitted form. What cannot be read is left empty, or noted in the
 * form's errors under the field's name, with the key {@code validation.date} for dates.
 */
public final class FormValues {

    private FormValues() {
    }

    /** A whole number, or {@code null} when the field is empty or not a number. */
    public static Long number(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A decimal number, with a comma or a point; {@code null} when empty, {@code NaN} when it
     * cannot be read, so the caller's own check refuses it with its own message.
     */
    public static Double decimal(String text) {
        try {
            return text == null || text.isBlank() ? null : Double.valueOf(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * A decimal number as the reader's language writes it ({@link Numbers}), between {@code min} and
     * {@code max}: {@code null} when empty, {@code NaN} when refused (unreadable, ambiguous or out of
     * range), so the caller's own check refuses it with its own message.
     */
    public static Double decimal(String text, Locale locale, int scale, double min, double max) {
        Numbers.Reading reading = Numbers.read(text, locale, Numbers.Rule.decimal(scale, min, max));
        if (reading.problem() != null) {
            return Double.NaN;
        }
        return reading.value() == null ? null : reading.value().doubleValue();
    }

    /**
     * A typed whole number as the reader's language writes it ({@code 3.200} in Dutch), or
     * {@code null} when empty or refused, so the caller's own check asks for it again.
     */
    public static Long count(String text, Locale locale) {
        Numbers.Reading reading = Numbers.read(text, locale, Numbers.Rule.count(Long.MAX_VALUE));
        if (reading.problem() != null || reading.value() == null) {
            return null;
        }
        try {
            return reading.value().longValueExact();
        } catch (ArithmeticException tooLarge) {
            return null;
        }
    }

    /** A date as a date input sends it ({@code 2026-11-28}); a badly written one is noted in the errors. */
    public static LocalDate date(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "validation.date");
            return null;
        }
    }

    /** A time as a time input sends it ({@code 08:30}); a badly written one is noted in the errors. */
    public static LocalTime time(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "validation.time");
            return null;
        }
    }

    /** Makes the refusal a module uses for its forms, such as {@code InvalidIdea::new}. */
    @FunctionalInterface
    public interface Refusal {
        Refused of(String field, String messageKey, Object... arguments);
    }

    /**
     * A typed text, trimmed, with the line breaks a browser sends (two characters) counted as
     * one. Empty gives {@code null}, or {@code validation.required} when the field must be
     * filled in; longer than {@code max} gives {@code validation.tooLong}.
     */
    public static String text(String raw, String field, int max, boolean required, Refusal refusal) {
        String value = raw == null ? "" : raw.replace("\r\n", "\n").strip();
        if (value.isEmpty()) {
            if (required) {
                throw refusal.of(field, "validation.required");
            }
            return null;
        }
        if (value.length() > max) {
            throw refusal.of(field, "validation.tooLong", max);
        }
        return value;
    }
}
