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

    /** How many evaluations the team closed on or after the given day. */
    @Transactional(readOnly = true)
    public int heldSince(TeamId team, LocalDate since) {
        return jdbc.sql("select count(*) from evaluation_session where team_id = :team and state = 'CLOSED' and planned_on >= :since")
                .param("team", team.value()).param("since", since).query(Integer.class).single();
    }
}
