package nl.meedenken.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Locale;

/**
 * The one place where a time or date is written for a reader. A moment (an {@link Instant},
 * {@link OffsetDateTime}, {@link ZonedDateTime} or {@link Date}) is shown in the reader's zone,
 * {@code meedenken.time-zone} ({@code Europe/Amsterdam} unless configured; people cannot choose
 * their own zone yet); a local date, time or month is shown as it is. The language decides the
 * month names and the patterns {@code format.date} and {@code format.dateTime}.
 *
 * <p>Templates reach it as {@code #times}: {@code ${#times.date(idea.submittedAt)}},
 * {@code ${#times.format(stop.arrivedAt, 'HH:mm')}}.
 */
@Component
public class Times {

    private final ZoneId zone;
    private final MessageSource messages;

    public Times(@Value("${meedenken.time-zone:Europe/Amsterdam}") ZoneId zone, MessageSource messages) {
        this.zone = zone;
        this.messages = messages;
    }

    /** The zone every moment is shown in. */
    public ZoneId zone() {
        return zone;
    }

    /** The same formatter, writing in one language (a page, a PDF or an e-mail). */
    public Reader in(Locale locale) {
        return new Reader(locale == null ? LocaleContextHolder.getLocale() : locale);
    }

    /** A moment as a date-time in the reader's zone; local values stay as they are; null stays null. */
    public TemporalAccessor local(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant.atZone(zone);
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(zone);
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(zone);
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(zone);
        }
        if (value instanceof LocalDate || value instanceof LocalDateTime || value instanceof LocalTime
                || value instanceof YearMonth) {
            return (TemporalAccessor) value;
        }
        throw new IllegalArgumentException("Not a time or date: " + value.getClass().getName());
    }

    public String format(Object value, String pattern, Locale locale) {
        TemporalAccessor local = local(value);
        return local == null ? null : DateTimeFormatter.ofPattern(pattern, locale).format(local);
    }

    /** Formatting in one language; what {@code #times} is in a template. */
    public final class Reader {

        private final Locale locale;

        private Reader(Locale locale) {
            this.locale = locale;
        }

        /** With a pattern of {@link DateTimeFormatter}: {@code 'HH:mm'}, {@code 'MMMM yyyy'}. */
        public String format(Object value, String pattern) {
            return Times.this.format(value, pattern, locale);
        }

        /** The day, in this language's notation ({@code format.date}). */
        public String date(Object value) {
            return format(value, pattern("format.date", "dd-MM-yyyy"));
        }

        /** Day and time, in this language's notation ({@code format.dateTime}). */
        public String dateTime(Object value) {
            return format(value, pattern("format.dateTime", "dd-MM-yyyy HH:mm"));
        }

        /** Hours and minutes. */
        public String time(Object value) {
            return format(value, "HH:mm");
        }

        private String pattern(String key, String fallback) {
            return messages.getMessage(key, null, fallback, locale);
        }
    }
}
