package nl.meedenken.platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The limits on sending without an account, on a clock far in the future, so that what is counted
 * here never counts for other tests and theirs not here.
 */
@SpringBootTest
class GuestLimitsTest {

    @Autowired
    JdbcClient jdbc;

    private final ThreadLocalRandom random = ThreadLocalRandom.current();
    private final Instant start = Instant.parse("2100-01-01T00:00:00Z")
            .plus(Duration.ofDays(random.nextInt(1, 30_000)));

    private GuestLimits at(Instant now, int perAddress, int everywhere) {
        return new GuestLimits(jdbc, Clock.fixed(now, ZoneOffset.UTC), perAddress, everywhere);
    }

    @AfterEach
    void removeOwn() {
        jdbc.sql("delete from guest_sending where occurred_at >= :from and occurred_at < :to")
                .param("from", Timestamp.from(start.minus(Duration.ofDays(1))))
                .param("to", Timestamp.from(start.plus(Duration.ofDays(1)))).update();
    }

    @Test
    void oneAddressIsStoppedAtItsLimitAndOthersGoOn() {
        int limit = random.nextInt(2, 8);
        GuestLimits limits = at(start, limit, 1000);
        String address = "10.77." + random.nextInt(256) + ".1";
        for (int i = 0; i < limit; i++) {
            limits.check(address);
            limits.sent(address);
        }
        assertThat(catchThrowableOfType(Refused.class, () -> limits.check(address)).messageKey())
                .isEqualTo("guest.limit.address");
        assertThatCode(() -> limits.check("10.76.0.1")).doesNotThrowAnyException();
        assertThatCode(() -> at(start.plus(GuestLimits.WINDOW).plusSeconds(1), limit, 1000).check(address))
                .as("after the window the address may send again").doesNotThrowAnyException();
    }

    @Test
    void manyAddressesTogetherStopEveryone() {
        int everywhere = random.nextInt(3, 10);
        GuestLimits limits = at(start, 100, everywhere);
        for (int i = 0; i < everywhere; i++) {
            limits.sent("10.75." + i + ".1");
        }
        assertThat(catchThrowableOfType(Refused.class, () -> limits.check("10.75.250.1")).messageKey())
                .isEqualTo("guest.limit.everywhere");
    }
}
