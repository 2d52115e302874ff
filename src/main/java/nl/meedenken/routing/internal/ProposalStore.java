package nl.meedenken.routing.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * The planner's requests and their proposals in {@code routing_proposal}. A status only moves
 * forward: waiting, solving, then ready or failed, then applied or discarded; every update says
 * which statuses it may leave, so a late write of the solver never undoes a decision.
 * <p>
 * A request waiting or solving belongs to one node ({@code node_id}), which refreshes
 * {@code heartbeat_at} every few seconds; the solver's writes only land while the row is still that
 * node's, so a node that was taken for lost (a long pause) cannot overwrite what another decided.
 * A waiting request with no node and a heartbeat was handed back by a node that shut down: any node
 * may take it.
 */
@Component
class ProposalStore {

    private static final int FAILURE_LENGTH = 480;

    /** Lenient, so proposals stored by an older version still read. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static final String SELECT = """
            select id, day, depart, back_by, replan, time_limit_seconds, status, progress_percent, input::text as input,
                   result::text as result, failure, created_by, created_at, started_at, decided_by, decided_at,
                   note, node_id, heartbeat_at, stop_requested_at
              from routing_proposal
            """;

    /**
     * A request waiting or solving whose node is gone: no heartbeat since :cutoff, or handed back
     * by a node that shut down, or (stored before nodes had heartbeats) long past its time.
     */
    private static final String LOST = """
            status in ('WAITING', 'SOLVING') and (
                 (node_id is not null and heartbeat_at < :cutoff)
              or (node_id is null and heartbeat_at is not null and status = 'WAITING')
              or (node_id is null and heartbeat_at is null
                  and coalesce(started_at, created_at) + make_interval(secs => time_limit_seconds) + interval '5 minutes' < :now))
            """;

    private final JdbcClient jdbc;

    ProposalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new request, waiting in the queue of this node (or, with no node, for any node to take). */
    long insert(DayPlanner.Request request, Duration limit, DayPlanner.Input input, String by, String node, Instant at) {
        return jdbc.sql("""
                        insert into routing_proposal (day, depart, back_by, replan, time_limit_seconds, status, input,
                               created_by, created_at, updated_at, node_id, heartbeat_at)
                        values (:day, :depart, :back, :replan, :limit, 'WAITING', cast(:input as jsonb), :by, :at, :at,
                                :node, :at)
                        returning id
                        """)
                .param("node", node)
                .param("day", request.day()).param("depart", request.depart()).param("back", request.backBy())
                .param("replan", request.replan()).param("limit", (int) Math.max(1, limit.toSeconds()))
                .param("input", JSON.writeValueAsString(input)).param("by", by).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    /** The newest request for the day that is still marked waiting or solving. */
    Optional<Long> underWay(LocalDate day) {
        return jdbc.sql("""
                        select id from routing_proposal where day = :day and status in ('WAITING', 'SOLVING')
                         order by id desc limit 1
                        """)
                .param("day", day).query(Long.class).optional();
    }

    /** The solver of this node starts; false when the request is no longer waiting for this node. */
    boolean started(long id, String node, Instant at) {
        return jdbc.sql("""
                        update routing_proposal set status = 'SOLVING', started_at = :at, updated_at = :at,
                               heartbeat_at = :at
                         where id = :id and status = 'WAITING' and node_id = :node
                        """)
                .param("at", Timestamp.from(at)).param("id", id).param("node", node).update() == 1;
    }

    /**
     * Stores the best proposal so far, or the last one, which makes the request ready (with a note
     * when the solver did not get its whole time). Only while the request is still this node's.
     */
    boolean write(long id, String node, Proposal proposal, boolean last, DayPlanner.Note note, Instant at) {
        return jdbc.sql("""
                        update routing_proposal set status = :status, progress_percent = :percent,
                               result = cast(:result as jsonb), note = :note, updated_at = :at, heartbeat_at = :at
                         where id = :id and status in ('WAITING', 'SOLVING') and node_id = :node
                        """)
                .param("status", last ? "READY" : "SOLVING").param("percent", last ? 100 : 0)
                .param("result", JSON.writeValueAsString(proposal)).param("note", note == null ? null : note.name())
                .param("at", Timestamp.from(at)).param("id", id).param("node", node).update() == 1;
    }

    void failed(long id, String node, String failure, Instant at) {
        jdbc.sql("""
                        update routing_proposal set status = 'FAILED', failure = :failure, updated_at = :at
                         where id = :id and status in ('WAITING', 'SOLVING') and node_id = :node
                        """)
                .param("failure", failure.substring(0, Math.min(FAILURE_LENGTH, failure.length())))
                .param("at", Timestamp.from(at)).param("id", id).param("node", node).update();
    }

    /**
     * This node is alive and still working on these requests: refreshes their heartbeat and returns,
     * of those still waiting or solving for this node, whether someone asked to stop early. A request
     * missing from the answer was decided (discarded) or taken over meanwhile.
     */
    java.util.Map<Long, Boolean> heartbeat(String node, java.util.Collection<Long> ids, Instant at) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, Boolean> alive = new java.util.HashMap<>();
        jdbc.sql("""
                        update routing_proposal set heartbeat_at = :at
                         where id in (:ids) and node_id = :node and status in ('WAITING', 'SOLVING')
                        returning id, stop_requested_at is not null as stop
                        """)
                .param("at", Timestamp.from(at)).param("ids", ids).param("node", node)
                .query((rs, i) -> alive.put(rs.getLong("id"), rs.getBoolean("stop"))).list();
        return alive;
    }

    /** Asks the node that solves this request, whichever it is, to stop and keep its best plan. */
    boolean requestStop(long id, Instant at) {
        return jdbc.sql("""
                        update routing_proposal set stop_requested_at = coalesce(stop_requested_at, :at), updated_at = :at
                         where id = :id and status = 'SOLVING'
                        """)
                .param("at", Timestamp.from(at)).param("id", id).update() == 1;
    }

    /**
     * Hands a request of this node back, to wait for any node (this one shuts down): a solving one
     * starts again from nothing, as it had nothing to show.
     */
    void handBack(long id, String node, Instant at) {
        jdbc.sql("""
                        update routing_proposal set status = 'WAITING', started_at = null, result = null,
                               progress_percent = 0, node_id = null, heartbeat_at = :at, updated_at = :at
                         where id = :id and node_id = :node and status in ('WAITING', 'SOLVING')
                        """)
                .param("at", Timestamp.from(at)).param("id", id).param("node", node).update();
    }

    /** The requests waiting or solving whose node is gone, oldest first. */
    List<Long> lost(Instant now, Instant cutoff) {
        return jdbc.sql("select id from routing_proposal where " + LOST + " order by id")
                .param("now", Timestamp.from(now)).param("cutoff", Timestamp.from(cutoff)).query(Long.class).list();
    }

    /**
     * Settles a request whose node is gone, if it still is: one that was solving becomes ready with
     * its best plan so far, or fails when there was none yet. Returns the status it got, if any.
     */
    Optional<DayPlanner.Status> settleLost(long id, String failure, Instant now, Instant cutoff) {
        return jdbc.sql("""
                        update routing_proposal
                           set status = case when result is null then 'FAILED' else 'READY' end,
                               failure = case when result is null then :failure end,
                               note = case when result is null then null else 'RECOVERED' end,
                               progress_percent = 100, node_id = null, updated_at = :now
                         where id = :id and status = 'SOLVING'
                        """ + " and " + LOST + " returning status")
                .param("id", id).param("failure", failure).param("now", Timestamp.from(now))
                .param("cutoff", Timestamp.from(cutoff))
                .query((rs, i) -> DayPlanner.Status.valueOf(rs.getString(1))).optional();
    }

    /** Adds the reasons to a recovered proposal that is still ready. */
    void explained(long id, Proposal proposal, Instant at) {
        jdbc.sql("""
                        update routing_proposal set result = cast(:result as jsonb), updated_at = :at
                         where id = :id and status = 'READY' and note = 'RECOVERED'
                        """)
                .param("result", JSON.writeValueAsString(proposal)).param("at", Timestamp.from(at)).param("id", id)
                .update();
    }

    /** Takes a waiting request whose node is gone into the queue of this node; false when another was first. */
    boolean claim(long id, String node, Instant now, Instant cutoff) {
        return jdbc.sql("update routing_proposal set node_id = :node, heartbeat_at = :now, updated_at = :now"
                        + " where id = :id and status = 'WAITING' and " + LOST)
                .param("node", node).param("id", id).param("now", Timestamp.from(now))
                .param("cutoff", Timestamp.from(cutoff)).update() == 1;
    }

    /** Applied or discarded; returns 0 when it was decided already. */
    int decided(long id, DayPlanner.Status status, String by, Instant at) {
        return jdbc.sql("""
                        update routing_proposal set status = :status, decided_by = :by, decided_at = :at, updated_at = :at
                         where id = :id and status not in ('APPLIED', 'DISCARDED')
                        """)
                .param("status", status.name()).param("by", by).param("at", Timestamp.from(at)).param("id", id)
                .update();
    }

    Optional<DayPlanner.Stored> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::stored).optional();
    }

    /** Reads the request and keeps its row locked until the transaction ends. */
    Optional<DayPlanner.Stored> lock(long id) {
        return jdbc.sql(SELECT + " where id = :id for update").param("id", id).query(this::stored).optional();
    }

    long count() {
        return jdbc.sql("select count(*) from routing_proposal").query(Long.class).single();
    }

    List<DayPlanner.Stored> newestFirst(int offset, int limit) {
        return jdbc.sql(SELECT + " order by created_at desc, id desc limit :limit offset :offset")
                .param("limit", limit).param("offset", offset).query(this::stored).list();
    }

    private DayPlanner.Stored stored(ResultSet rs, int row) throws SQLException {
        String result = rs.getString("result");
        Timestamp decided = rs.getTimestamp("decided_at");
        Timestamp started = rs.getTimestamp("started_at");
        Timestamp heartbeat = rs.getTimestamp("heartbeat_at");
        String note = rs.getString("note");
        return new DayPlanner.Stored(rs.getLong("id"), rs.getObject("day", LocalDate.class),
                rs.getObject("depart", LocalTime.class), rs.getObject("back_by", LocalTime.class),
                rs.getBoolean("replan"), rs.getInt("time_limit_seconds"),
                DayPlanner.Status.valueOf(rs.getString("status")), rs.getInt("progress_percent"),
                JSON.readValue(rs.getString("input"), DayPlanner.Input.class),
                result == null ? null : JSON.readValue(result, Proposal.class), rs.getString("failure"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                started == null ? null : started.toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), note == null ? null : DayPlanner.Note.valueOf(note),
                rs.getString("node_id"), heartbeat == null ? null : heartbeat.toInstant(),
                rs.getTimestamp("stop_requested_at") != null);
    }
}
