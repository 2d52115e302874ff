package nl.meedenken.platform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * An append-only record of security events and decisions about people: who did what,
 * to whom, when and from where. Administrators read it under {@code /admin/audit}.
 */
@Service
public class AuditLog {

    public static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Writes an entry in its own transaction, so that a failed sign-in is recorded even
     * when the surrounding work is rolled back.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(AuditEntry.Type type, String actor, String subject, String address, String detail) {
        jdbc.sql("""
                        insert into audit_event (occurred_at, type, actor, subject, address, detail)
                        values (:at, :type, :actor, :subject, :address, :detail)
                        """)
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .param("type", type.name())
                .param("actor", truncate(actor, 200))
                .param("subject", truncate(subject, 200))
                .param("address", truncate(address, 64))
                .param("detail", truncate(detail, 1000))
                .update();
    }

    /** One page of entries, newest first, optionally only of one type. */
    @Transactional(readOnly = true)
    public Page<AuditEntry> entries(AuditEntry.Type type, int page) {
        int safePage = Math.max(0, page);
        String where = type == null ? "" : " where type = :type";
        var count = jdbc.sql("select count(*) from audit_event" + where);
        var select = jdbc.sql("select id, occurred_at, type, actor, subject, address, detail from audit_event" + where
                + " order by occurred_at desc, id desc limit :limit offset :offset");
        if (type != null) {
            count = count.param("type", type.name());
            select = select.param("type", type.name());
        }
        long total = count.query(Long.class).single();
        List<AuditEntry> rows = select.param("limit", PAGE_SIZE).param("offset", safePage * PAGE_SIZE)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        AuditEntry.Type.valueOf(rs.getString("type")), rs.getString("actor"), rs.getString("subject"),
                        rs.getString("address"), rs.getString("detail")))
                .list();
        return new Page<>(rows, safePage, PAGE_SIZE, total);
    }

    /**
     * One page of the entries about one subject (exactly as recorded), newest first; for
     * modules that show their own part of the log, such as a scan campaign's audit trail.
     */
    @Transactional(readOnly = true)
    public Page<AuditEntry> about(String subject, int page) {
        long total = jdbc.sql("select count(*) from audit_event where subject = :subject").param("subject", subject)
                .query(Long.class).single();
        int safePage = Page.clamp(page, total, PAGE_SIZE);
        List<AuditEntry> rows = jdbc.sql("""
                        select id, occurred_at, type, actor, subject, address, detail from audit_event
                        where subject = :subject order by occurred_at desc, id desc limit :limit offset :offset
                        """)
                .param("subject", subject).param("limit", PAGE_SIZE).param("offset", safePage * PAGE_SIZE)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        AuditEntry.Type.valueOf(rs.getString("type")), rs.getString("actor"), rs.getString("subject"),
                        rs.getString("address"), rs.getString("detail")))
                .list();
        return new Page<>(rows, safePage, PAGE_SIZE, total);
    }

    /** How many entries of a type concern a subject since a moment; used by tests and throttling views. */
    @Transactional(readOnly = true)
    public long count(AuditEntry.Type type, String subject, Instant since) {
        return jdbc.sql("select count(*) from audit_event where type = :type and subject = :subject and occurred_at >= :since")
                .param("type", type.name()).param("subject", subject).param("since", java.sql.Timestamp.from(since))
                .query(Long.class).single();
    }

    private static String truncate(String value, int max) {
        if (value == null) {
            return null;
        }
        return value.length() <= max ? value : value.substring(0, max);
    }
}
