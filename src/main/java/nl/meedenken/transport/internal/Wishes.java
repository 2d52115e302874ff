package nl.meedenken.transport.internal;

import nl.meedenken.platform.FormValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Customer wishes per address. A driver records one at the stop; it counts once a planner has
 * confirmed it, and then shows on every later stop at that address and with every order for it.
 */
@Service
public class Wishes {

    static final int MAX_TEXT = 500;

    private static final String SELECT = """
            select w.id, w.address_id, a.name as address_name, c.name as customer_name, w.kind, w.text, w.status,
                   w.recorded_by, w.recorded_at, w.decided_by, w.decided_at
              from transport_wish w join transport_address a on a.id = w.address_id
              join transport_customer c on c.id = a.customer_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    Wishes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a wish; a planner's own wish counts at once, a driver's waits for a planner. */
    @Transactional
    public long record(long addressId, WishKind kind, String text, String recordedBy, Long stopId, boolean confirmed,
                       Instant at) {
        if (kind == null) {
            throw new InvalidTransport("kind", "transport.error.wishKind");
        }
        String value = FormValues.text(text, "text", MAX_TEXT, true, InvalidTransport::new);
        return jdbc.sql("""
                        insert into transport_wish (address_id, kind, text, status, recorded_by, recorded_at, stop_id,
                               decided_by, decided_at)
                        values (:a, :kind, :text, :status, :by, :at, :stop, :decidedBy, :decidedAt) returning id
                        """)
                .param("a", addressId).param("kind", kind.name()).param("text", value)
                .param("status", confirmed ? "CONFIRMED" : "NEW").param("by", recordedBy)
                .param("at", Timestamp.from(at)).param("stop", stopId)
                .param("decidedBy", confirmed ? recordedBy : null)
                .param("decidedAt", confirmed ? Timestamp.from(at) : null).query(Long.class).single();
    }

    /** A planner decides on a new wish: it holds from now on, or it is no longer true. */
    @Transactional
    public void decide(long id, boolean confirm, String by) {
        int changed = jdbc.sql("""
                        update transport_wish set status = :status, decided_by = :by, decided_at = :at
                         where id = :id and status <> :status
                        """)
                .param("status", confirm ? "CONFIRMED" : "OUTDATED").param("by", by)
                .param("at", Timestamp.from(clock.instant())).param("id", id).update();
        if (changed == 0) {
            throw new InvalidTransport("wish", "transport.error.wishDecided");
        }
    }

    /** The text of one wish, for its Translate button. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> text(long id) {
        return jdbc.sql("select text from transport_wish where id = :id").param("id", id).query(String.class).optional();
    }

    @Transactional(readOnly = true)
    public List<Wish> waiting() {
        return jdbc.sql(SELECT + " where w.status = 'NEW' order by w.recorded_at").query(Wishes::map).list();
    }

    @Transactional(readOnly = true)
    public int waitingCount() {
        return jdbc.sql("select count(*) from transport_wish where status = 'NEW'").query(Integer.class).single();
    }

    @Transactional(readOnly = true)
    public List<Wish> ofAddress(long addressId) {
        return jdbc.sql(SELECT + " where w.address_id = :a order by w.recorded_at desc").param("a", addressId)
                .query(Wishes::map).list();
    }

    /** Per stop, how many wishes recorded there still wait for a planner. */
    @Transactional(readOnly = true)
    public Map<Long, Integer> waitingFromStops(Collection<Long> stopIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (stopIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("select stop_id, count(*) from transport_wish where status = 'NEW' and stop_id in (:ids) group by stop_id")
                .param("ids", stopIds).query(rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }

    /** Confirmed wishes per address, for showing with stops and orders. */
    @Transactional(readOnly = true)
    public Map<Long, List<Wish>> confirmedAt(Collection<Long> addressIds) {
        Map<Long, List<Wish>> byAddress = new HashMap<>();
        if (addressIds.isEmpty()) {
            return byAddress;
        }
        jdbc.sql(SELECT + " where w.status = 'CONFIRMED' and w.address_id in (:ids) order by w.kind, w.recorded_at")
                .param("ids", addressIds).query(Wishes::map).list()
                .forEach(w -> byAddress.computeIfAbsent(w.addressId(), a -> new java.util.ArrayList<>()).add(w));
        return byAddress;
    }

    private static Wish map(ResultSet rs, int row) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Wish(rs.getLong("id"), rs.getLong("address_id"), rs.getString("address_name"),
                rs.getString("customer_name"), WishKind.valueOf(rs.getString("kind")), rs.getString("text"),
                Wish.Status.valueOf(rs.getString("status")), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant());
    }
}
