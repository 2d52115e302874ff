package nl.meedenken.evaluations;

import nl.meedenken.organisation.TeamId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;

/** What other modules may ask about evaluations, such as whether a team held one lately. */
@Service
public class Evaluations {

    private final JdbcClient jdbc;

    Evaluations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An evaluation session as other modules may show it. */
    public record SessionSummary(long id, String title, long teamId, java.time.LocalDate plannedOn, String state) {
    }

    @Transactional(readOnly = true)
    public java.util.Optional<SessionSummary> find(long id) {
        return jdbc.sql("select id, title, team_id, planned_on, state from evaluation_session where id = :id").param("id", id)
                .query((rs, i) -> new SessionSummary(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5))).optional();
    }

    /** The newest sessions, for choosing one to link. */
    @Transactional(readOnly = true)
    public java.util.List<SessionSummary> recent(int limit) {
        return jdbc.sql("select id, title, team_id, planned_on, state from evaluation_session order by planned_on desc, id desc limit :n")
                .param("n", limit)
                .query((rs, i) -> new SessionSummary(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5))).list();
    }

    /** How many evaluations the team closed on or after the given day. */
    @Transactional(readOnly = true)
    public int heldSince(TeamId team, LocalDate since) {
        return jdbc.sql("select count(*) from evaluation_session where team_id = :team and state = 'CLOSED' and planned_on >= :since")
                .param("team", team.value()).param("since", since).query(Integer.class).single();
    }
}
