package nl.meedenken.challenges;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/** What other modules may ask about challenges. */
@Service
public class Challenges {

    private final JdbcClient jdbc;

    Challenges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<ChallengeSummary> find(long id) {
        return jdbc.sql("select id, title, kind, state, deadline from challenge where id = :id").param("id", id)
                .query((rs, i) -> new ChallengeSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, java.time.LocalDate.class))).optional();
    }

    /** The newest challenges, open or closed, for choosing one to link. */
    @Transactional(readOnly = true)
    public List<ChallengeSummary> recent(int limit) {
        return jdbc.sql("select id, title, kind, state, deadline from challenge order by id desc limit :n").param("n", limit)
                .query((rs, i) -> new ChallengeSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, java.time.LocalDate.class))).list();
    }

    /** Open challenges, soonest deadline first. */
    @Transactional(readOnly = true)
    public List<ChallengeSummary> open() {
        return jdbc.sql("select id, title, kind, state, deadline from challenge where state = 'OPEN' order by deadline, id")
                .query((rs, i) -> new ChallengeSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, java.time.LocalDate.class))).list();
    }
}
