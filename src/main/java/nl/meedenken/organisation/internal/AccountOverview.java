package nl.meedenken.organisation.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;

/** How many people can sign in, wait for activation, have no account, or are paused. */
@Service
public class AccountOverview {

    /** The four counts for the administrator's home page. */
    public record Counts(long active, long waiting, long without, long paused) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountOverview(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Counts counts() {
        return jdbc.sql("""
                        select count(*) filter (where a.id is not null and a.password_hash is not null),
                               count(*) filter (where a.id is not null and a.password_hash is null),
                               count(*) filter (where a.id is null),
                               count(*) filter (where exists (select 1 from sign_in_backoff b
                                                             where b.account_id = a.id and b.wait_until > :now))
                        from person p left join account a on a.person_id = p.id
                        where p.active
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, i) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
    }
}
