package nl.meedenken.actions;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Actions made before actions had a team get their owner's team, once, at start-up. The
 * migration cannot do this itself: people belong to the organisation module.
 */
@Component
class ActionsBackfill {

    private final JdbcClient jdbc;
    private final People people;

    ActionsBackfill(JdbcClient jdbc, People people) {
        this.jdbc = jdbc;
        this.people = people;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void giveOlderActionsATeam() {
        List<long[]> rows = jdbc.sql("select id, owner_id from action where team_id is null")
                .query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)}).list();
        for (long[] row : rows) {
            people.find(new PersonId(row[1])).map(p -> p.team()).ifPresent(team ->
                    jdbc.sql("update action set team_id = :team where id = :id and team_id is null")
                            .param("team", team.value()).param("id", row[0]).update());
        }
    }
}
