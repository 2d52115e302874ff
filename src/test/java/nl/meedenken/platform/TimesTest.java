package nl.meedenken.platform;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class TimesTest {

    private final Times times = new Times(ZoneId.of("Europe/Amsterdam"), messages());

    private static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("format.date", Locale.forLanguageTag("nl"), "dd-MM-yyyy");
        messages.addMessage("format.dateTime", Locale.forLanguageTag("nl"), "dd-MM-yyyy HH:mm");
        messages.addMessage("format.dateTime", Locale.ENGLISH, "d MMM yyyy HH:mm");
        return messages;
    }

    @Test
    void aMomentLateInTheUtcEveningIsShownOnTheNextAmsterdamDay() {
        Instant lateEvening = Instant.parse("2026-10-24T23:30:00Z");
        assertThat(times.in(Locale.forLanguageTag("nl")).dateTime(lateEvening)).isEqualTo("25-10-2026 01:30");
        assertThat(times.in(Locale.forLanguageTag("nl")).date(lateEvening)).isEqualTo("25-10-2026");
        assertThat(times.in(Locale.ENGLISH).dateTime(lateEvening)).isEqualTo("25 Oct 2026 01:30");
    }

    @Test
    void summerAndWinterTimeAreBothFollowed() {
        var nl = times.in(Locale.forLanguageTag("nl"));
        assertThat(nl.time(Instant.parse("2026-10-25T00:30:00Z"))).as("still summer time").isEqualTo("02:30");
        assertThat(nl.time(Instant.parse("2026-10-25T01:30:00Z"))).as("winter time again").isEqualTo("02:30");
        assertThat(nl.time(Instant.parse("2027-03-28T01:30:00Z"))).as("summer time begins").isEqualTo("03:30");
        assertThat(nl.time(OffsetDateTime.parse("2026-12-07T12:00:00Z"))).isEqualTo("13:00");
    }

    @Test
    void localDatesAndMonthsAreShownAsTheyAreAndNothingStaysNothing() {
        var nl = times.in(Locale.forLanguageTag("nl"));
        assertThat(nl.date(LocalDate.of(2026, 10, 24))).isEqualTo("24-10-2026");
        assertThat(nl.format(YearMonth.of(2026, 3), "MMMM yyyy")).isEqualTo("maart 2026");
        assertThat(nl.dateTime(null)).isNull();
    }
}
