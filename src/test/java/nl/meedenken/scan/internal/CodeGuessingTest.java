package nl.meedenken.scan.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The guessing limits, on a clock of their own far in the future, so that the attempts made
 * here never count for other tests (which count only up to their own now) and theirs not here.
 */
@SpringBootTest
class CodeGuessingTest {

    @Autowired
    JdbcClient jdbc;

    private final Instant start = Instant.parse("2100-01-01T00:00:00Z")
            .plus(Duration.ofDays(ThreadLocalRandom.current().nextInt(1, 30_000)));

    private CodeGuessing at(Instant now, int perAddress, int everywhere) {
        return new CodeGuessing(jdbc, Clock.fixed(now, ZoneOffset.UTC), perAddress, everywhere);
    }

    @AfterEach
    void removeOwnAttempts() {
        jdbc.sql("delete from scan_code_attempt where occurred_at >= :from and occurred_at < :to")
                .param("from", java.sql.Timestamp.from(start.minus(Duration.ofDays(1))))
                .param("to", java.sql.Timestamp.from(start.plus(Duration.ofDays(1)))).update();
    }

    @Test
    void wrongCodesFromManyAddressesStopEveryoneForTheWindow() {
        CodeGuessing guessing = at(start, 20, 10);
        for (int i = 0; i < 10; i++) {
            String address = "10.99." + i + ".1";
            guessing.check(address);
            guessing.wrong(address);
        }
        var stopped = catchThrowableOfType(InvalidScanInput.class, () -> guessing.check("10.99.200.1"));
        assertThat(stopped.messageKey()).isEqualTo("scan.answer.error.tooManyAttemptsEverywhere");

        assertThatCode(() -> at(start.plus(CodeGuessing.WINDOW).plusSeconds(1), 20, 10).check("10.99.200.1"))
                .as("after the window, codes can be tried again").doesNotThrowAnyException();
    }

    @Test
    void oneAddressIsStoppedBeforeEveryoneIs() {
        CodeGuessing guessing = at(start, 3, 10);
        for (int i = 0; i < 3; i++) {
            guessing.wrong("10.98.0.1");
        }
        assertThat(catchThrowableOfType(InvalidScanInput.class, () -> guessing.check("10.98.0.1")).messageKey())
                .isEqualTo("scan.answer.error.tooManyAttempts");
        assertThatCode(() -> guessing.check("10.98.0.2")).doesNotThrowAnyException();
    }

    @Test
    void attemptsOutsideTheWindowDoNotCount() {
        at(start.minus(CodeGuessing.WINDOW).minusSeconds(1), 1, 1).wrong("10.97.0.1");
        at(start.plusSeconds(1), 1, 1).wrong("10.97.0.1"); // later than now: not counted either
        assertThatCode(() -> at(start, 1, 1).check("10.97.0.1")).doesNotThrowAnyException();
    }

    @Test
    void guessingOneCodeStaysInfeasibleWithinTheLimits() {
        double codes = Math.pow(ParticipationCodes.ALPHABET.length(), ParticipationCodes.LENGTH);
        assertThat(Math.log(codes) / Math.log(2)).as("random bits of a code").isGreaterThan(69);
        double guessesPerYear = 200.0 * (365.25 * 24 * 60 / CodeGuessing.WINDOW.toMinutes());
        double unusedCodes = 100_000; // far more than any company prints
        assertThat(guessesPerYear * unusedCodes / codes).as("chance to hit any unused code in a year")
                .isLessThan(1e-9);
    }
}
