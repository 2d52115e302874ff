package nl.meedenken.actions;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Follow-up actions. This first version only creates them and lists them per origin; the
 * pages for "my actions", team actions and reminders come with the actions capability.
 */
@Service
public class Actions {

    private static final ZoneId LOCAL = ZoneId.of("Europe/Amsterdam");

    private final JdbcClient jdbc;
    private final People people;
    private final Clock clock;

    Actions(JdbcClient jdbc, People people, Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.clock = clock;
    }

    @Transactional
    public ActionId create(NewAction action, String createdBy) {
        String title = action.title() == null ? "" : action.title().strip();
        if (title.isEmpty()) {
            throw new InvalidAction("title", "validation.required");
        }
        if (title.length() > 200) {
            throw new InvalidAction("title", "action.error.titleTooLong");
        }
        if (action.ownerId() == null) {
            throw new InvalidAction("ownerId", "action.error.ownerRequired");
        }
        PersonSummary owner = people.find(new PersonId(action.ownerId()))
                .filter(PersonSummary::active)
                .orElseThrow(() -> new InvalidAction("ownerId", "action.error.ownerUnknown"));
        if (action.dueOn() == null) {
            throw new InvalidAction("dueOn", "action.error.dueRequired");
        }
        if (action.dueOn().isBefore(LocalDate.now(clock.withZone(LOCAL)))) {
            throw new InvalidAction("dueOn", "action.error.dueInPast");
        }
        long id = jdbc.sql("""
                        insert into action (title, description, owner_id, due_on, origin_type, origin_id, origin_label,
                                            created_by, created_at)
                        values (:title, :description, :owner, :due, :type, :originId, :label, :by, :at)
                        returning id
                        """)
                .param("title", title)
                .param("description", action.description() == null || action.description().isBlank() ? null
                        : action.description().strip())
                .param("owner", owner.id().value())
                .param("due", action.dueOn())
                .param("type", action.origin().type().name())
                .param("originId", action.origin().id())
                .param("label", action.origin().label())
                .param("by", createdBy)
                .param("at", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        return new ActionId(id);
    }

    @Transactional(readOnly = true)
    public List<ActionSummary> from(Origin.Type type, long originId) {
        return jdbc.sql("""
                        select id, title, description, owner_id, due_on, status, origin_type, origin_id, origin_label
                        from action where origin_type = :type and origin_id = :id order by due_on, id
                        """)
                .param("type", type.name()).param("id", originId)
                .query((rs, i) -> {
                    long owner = rs.getLong("owner_id");
                    String ownerName = people.find(new PersonId(owner)).map(PersonSummary::name).orElse("?");
                    return new ActionSummary(new ActionId(rs.getLong("id")), rs.getString("title"),
                            rs.getString("description"), owner, ownerName, rs.getObject("due_on", LocalDate.class),
                            rs.getString("status"), new Origin(Origin.Type.valueOf(rs.getString("origin_type")),
                            rs.getObject("origin_id", Long.class), rs.getString("origin_label")));
                })
                .list();
    }
}
