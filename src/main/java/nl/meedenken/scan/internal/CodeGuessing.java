package nl.meedenken.scan.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Limits on guessing paper codes. A wrong code belongs to no campaign (it is unknown), so
 * besides the limit per network address there is one over all addresses together: an
 * attacker with many addresses gets no more guesses than the whole company in the same
 * window. The sums behind the numbers are in {@code docs/anonymity.md}.
 */
@Component
class CodeGuessing {

    static final Duration WINDOW = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int perAddress;
    private final int everywhere;

    CodeGuessing(JdbcClient jdbc, Clock clock,
                 @Value("${meedenken.scan.code-guesses-per-address:20}") int perAddress,
                 @Value("${meedenken.scan.code-guesses-everywhere:200}") int everywhere) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.perAddress = perAddress;
        this.everywhere = everywhere;
    }

    /** Refuses the attempt, before the code is even looked at, when a limit of this window is reached. */
    void check(String address) {
        Instant now = clock.instant();
        Timestamp since = Timestamp.from(now.minus(WINDOW));
        Timestamp until = Timestamp.from(now);
        long fromAddress = jdbc.sql("""
                        select count(*) from scan_code_attempt
                        where address = :a and occurred_at > :since and occurred_at <= :until
                        """)
                .param("a", address).param("since", since).param("until", until).query(Long.class).single();
        if (fromAddress >= perAddress) {
            throw new InvalidScanInput("code", "scan.answer.error.tooManyAttempts");
        }
        long all = jdbc.sql("select count(*) from scan_code_attempt where occurred_at > :since and occurred_at <= :until")
                .param("since", since).param("until", until).query(Long.class).single();
        if (all >= everywhere) {
            throw new InvalidScanInput("code", "scan.answer.error.tooManyAttemptsEverywhere");
        }
    }

    /** Counts a wrong (unknown or used) code against the address and against everyone. */
    void wrong(String address) {
        jdbc.sql("insert into scan_code_attempt (address, occurred_at) values (:a, :at)")
                .param("a", address).param("at", Timestamp.from(clock.instant())).update();
    }
}
