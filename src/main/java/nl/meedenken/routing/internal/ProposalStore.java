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
                   result::text as result, failure, created_by, created_at, started_at, decided_by, decided_at
              from routing_proposal
            """;

    private final JdbcClient jdbc;

    ProposalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(DayPlanner.Request request, Duration limit, DayPlanner.Input input, String by, Instant at) {
        return jdbc.sql("""
                        insert into routing_proposal (day, depart, back_by, replan, time_limit_seconds, status, input,
                               created_by, created_at, updated_at)
                        values (:day, :depart, :back, :replan, :limit, 'WAITING', cast(:input as jsonb), :by, :at, :at)
                        returning id
                        """)
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

    void started(long id, Instant at) {
        jdbc.sql("""
                        update routing_proposal set status = 'SOLVING', started_at = :at, updated_at = :at
                         where id = :id and status = 'WAITING'
                        """)
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    /** Stores the best proposal so far, or the last one, which makes the request ready. */
    void write(long id, Proposal proposal, boolean last, Instant at) {
        jdbc.sql("""
                        update routing_proposal set status = :status, progress_percent = :percent,
                               result = cast(:result as jsonb), updated_at = :at
                         where id = :id and status in ('WAITING', 'SOLVING')
                        """)
                .param("status", last ? "READY" : "SOLVING").param("percent", last ? 100 : 0)
                .param("result", JSON.writeValueAsString(proposal)).param("at", Timestamp.from(at))
                .param("id", id).update();
    }

    void failed(long id, String failure, Instant at) {
        jdbc.sql("""
                        update routing_proposal set status = 'FAILED', failure = :failure, updated_at = :at
                         where id = :id and status in ('WAITING', 'SOLVING')
                        """)
                .param("failure", failure.substring(0, Math.min(FAILURE_LENGTH, failure.length())))
                .param("at", Timestamp.from(at)).param("id", id).update();
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
        return new DayPlanner.Stored(rs.getLong("id"), rs.getObject("day", LocalDate.class),
                rs.getObject("depart", LocalTime.class), rs.getObject("back_by", LocalTime.class),
                rs.getBoolean("replan"), rs.getInt("time_limit_seconds"),
                DayPlanner.Status.valueOf(rs.getString("status")), rs.getInt("progress_percent"),
                JSON.readValue(rs.getString("input"), DayPlanner.Input.class),
                result == null ? null : JSON.readValue(result, Proposal.class), rs.getString("failure"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                started == null ? null : started.toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant());
    }
}
