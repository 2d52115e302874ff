package nl.meedenken.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Limits on what people without an account send from a poster or kiosk: per network address and
 * over all addresses together, in a sliding window of an hour, so that a bot with many addresses
 * gets no more than the limit for everyone. Only the address and the time are kept, and only as
 * long as the window; nothing links them to what was sent.
 */
@Component
public class GuestLimits {

    public static final Duration WINDOW = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int perAddress;
    private final int everywhere;

    public GuestLimits(JdbcClient jdbc, Clock clock,
                @Value("${meedenken.guest.sends-per-address:10}") int perAddress,
                @Value("${meedenken.guest.sends-everywhere:300}") int everywhere) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.perAddress = perAddress;
        this.everywhere = everywhere;
    }

    /** Refuses, before anything is looked at, when this address or everyone reached the limit of the window. */
    @Transactional(readOnly = true)
    public void check(String address) {
        Instant now = clock.instant();
        Timestamp since = Timestamp.from(now.minus(WINDOW));
        Timestamp until = Timestamp.from(now);
        long fromAddress = jdbc.sql("""
                        select count(*) from guest_sending
                        where address = :a and occurred_at > :since and occurred_at <= :until""")
                .param("a", address(address)).param("since", since).param("until", until).query(Long.class).single();
        if (fromAddress >= perAddress) {
            throw new Refused("guest", "guest.limit.address");
        }
        long all = jdbc.sql("select count(*) from guest_sending where occurred_at > :since and occurred_at <= :until")
                .param("since", since).param("until", until).query(Long.class).single();
        if (all >= everywhere) {
            throw new Refused("guest", "guest.limit.everywhere");
        }
    }

    /** Counts one sending against the address and everyone; forgets what fell out of the window. */
    @Transactional
    public void sent(String address) {
        Instant now = clock.instant();
        jdbc.sql("delete from guest_sending where occurred_at <= :before")
                .param("before", Timestamp.from(now.minus(WINDOW))).update();
        jdbc.sql("insert into guest_sending (address, occurred_at) values (:a, :at)")
                .param("a", address(address)).param("at", Timestamp.from(now)).update();
    }

    private static String address(String address) {
        String a = address == null ? "" : address;
        return a.length() > 64 ? a.substring(0, 64) : a;
    }
}
