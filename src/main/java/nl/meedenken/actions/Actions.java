package nl.meedenken.actions;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.TeamId;
import nl.meedenken.organisation.TeamSummary;
import nl.meedenken.platform.Notifications;
import nl.meedenken.platform.Page;
import nl.meedenken.platform.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Follow-up actions with an owner, a team and a due date, created by hand or from a scan,
 * an evaluation, a mistake report, an idea or a challenge. Every status change is kept.
 */
@Service
public class Actions {

    /** Open actions due within this many days are shown as reminders. */
    public static final int REMIND_DAYS = 3;

    private static final ZoneId LOCAL = ZoneId.of("Europe/Amsterdam");
    private static final String COLUMNS = """
            id, title, description, owner_id, team_id, due_on, status, dropped_reason, origin_type, origin_id,
            origin_label""";

    private final JdbcClient jdbc;
    private final People people;
    private final Clock clock;
    private final Notifications notifications;

    Actions(JdbcClient jdbc, People people, Clock clock, Notifications notifications) {
        this.jdbc = jdbc;
        this.people = people;
        this.clock = clock;
        this.notifications = notifications;
    }

    /** Today where the company is. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(LOCAL));
    }

    @Transactional
    public ActionId create(NewAction action, String createdBy) {
        return create(action, createdBy, clock.instant());
    }

    /**
     * Creates an action as of an earlier moment, for imports and the demo history: the due
     * date is checked against that moment instead of now.
     */
    @Transactional
    public ActionId create(NewAction action, String createdBy, Instant at) {
        String title = title(action.title());
        PersonSummary owner = owner(action.ownerId());
        if (action.dueOn() == null) {
            throw new InvalidAction("dueOn", "action.error.dueRequired");
        }
        if (action.dueOn().isBefore(LocalDate.ofInstant(at, LOCAL))) {
            throw new InvalidAction("dueOn", "action.error.dueInPast");
        }
        Long team = team(action.teamId(), owner);
        long id = jdbc.sql("""
                        insert into action (title, description, owner_id, team_id, due_on, origin_type, origin_id,
                                            origin_label, created_by, created_at, changed_at)
                        values (:title, :description, :owner, :team, :due, :type, :originId, :label, :by, :at, :at)
                        returning id
                        """)
                .param("title", title)
                .param("description", description(action.description()))
                .param("owner", owner.id().value())
                .param("team", team)
                .param("due", action.dueOn())
                .param("type", action.origin().type().name())
                .param("originId", action.origin().id())
                .param("label", action.origin().label())
                .param("by", createdBy)
                .param("at", Timestamp.from(at))
                .query(Long.class).single();
        record(id, ActionChange.Kind.STATUS, ActionStatus.OPEN, null, createdBy, at);
        given(id, owner.id().value(), title);
        return new ActionId(id);
    }

    /** Changes what the action is about, who owns it and when it is due. */
    @Transactional
    public void change(ActionId id, ActionEdit edit, String actor) {
        ActionSummary current = find(id).orElseThrow(() -> new InvalidAction("id", "actions.error.unknown"));
        String title = title(edit.title());
        PersonSummary owner = owner(edit.ownerId());
        if (edit.dueOn() == null) {
            throw new InvalidAction("dueOn", "action.error.dueRequired");
        }
        if (!edit.dueOn().equals(current.dueOn()) && edit.dueOn().isBefore(today())) {
            throw new InvalidAction("dueOn", "action.error.dueInPast");
        }
        Long team = team(edit.teamId(), owner);
        jdbc.sql("""
                        update action set title = :title, description = :description, owner_id = :owner,
                               team_id = :team, due_on = :due, changed_at = :at where id = :id
                        """)
                .param("title", title).param("description", description(edit.description()))
                .param("owner", owner.id().value()).param("team", team).param("due", edit.dueOn())
                .param("at", Timestamp.from(clock.instant())).param("id", id.value()).update();
        String newOwner = current.ownerId() == owner.id().value() ? null : owner.name();
        record(id.value(), ActionChange.Kind.EDIT, current.status(), newOwner, actor, clock.instant());
        if (newOwner != null) {
            given(id.value(), owner.id().value(), title);
        }
    }

    /**
     * Tells the owner that someone else gave them the action. Only when a signed-in person did it: the
     * demo loaders and imports tell nobody, and whoever takes an action on themselves knows it already.
     */
    private void given(long actionId, long ownerId, String title) {
        SignedInUser.currentPersonId().filter(actor -> actor != ownerId).ifPresent(actor ->
                notifications.tell(List.of(ownerId), actor, "actions.notify.given", "/actions/" + actionId, title));
    }

    /**
     * What the daily job does: tells the owner of every open action due tomorrow, once per action and due
     * date. The record of it is written in the same transaction, its key refuses a second one, so two nodes
     * or two runs never tell twice (a run that loses the race tells nobody).
     *
     * @return how many owners were told
     */
    @Transactional
    public int tellDueTomorrow() {
        LocalDate tomorrow = today().plusDays(1);
        List<Due> due = jdbc.sql("""
                        insert into action_due_notice (action_id, due_on, told_at)
                        select id, due_on, :at from action where status in ('OPEN', 'DOING') and due_on = :tomorrow order by id
                        on conflict do nothing
                        returning action_id""")
                .param("at", Timestamp.from(clock.instant())).param("tomorrow", tomorrow)
                .query(Long.class).list().stream()
                .map(id -> jdbc.sql("select id, owner_id, title from action where id = :id").param("id", id)
                        .query((rs, i) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3))).single())
                .toList();
        for (Due one : due) {
            notifications.tell(List.of(one.owner()), null, "actions.notify.dueTomorrow", "/actions/" + one.id(),
                    one.title());
        }
        return due.size();
    }

    private record Due(long id, long owner, String title) {
    }

    /** Moves an action to another status. Dropping needs a reason, which stays visible. */
    @Transactional
    public void move(ActionId id, ActionStatus to, String reason, String actor) {
        move(id, to, reason, actor, clock.instant());
    }

    @Transactional
    public void move(ActionId id, ActionStatus to, String reason, String actor, Instant at) {
        ActionSummary current = find(id).orElseThrow(() -> new InvalidAction("id", "actions.error.unknown"));
        if (to == null) {
            throw new InvalidAction("status", "actions.error.statusUnknown");
        }
        if (current.status() == to) {
            throw new InvalidAction("status", "actions.error.sameStatus");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (to == ActionStatus.DROPPED && why == null) {
            throw new InvalidAction("reason", "actions.error.reasonRequired");
        }
        if (why != null && why.length() > 1000) {
            throw new InvalidAction("reason", "validation.tooLong", 1000);
        }
        jdbc.sql("update action set status = :status, dropped_reason = :reason, changed_at = :at where id = :id")
                .param("status", to.name()).param("reason", to == ActionStatus.DROPPED ? why : null)
                .param("at", Timestamp.from(at)).param("id", id.value()).update();
        record(id.value(), ActionChange.Kind.STATUS, to, why, actor, at);
    }

    @Transactional(readOnly = true)
    public Optional<ActionSummary> find(ActionId id) {
        Names names = new Names();
        return jdbc.sql("select " + COLUMNS + " from action where id = :id").param("id", id.value())
                .query((rs, i) -> map(rs, names)).optional();
    }

    @Transactional(readOnly = true)
    public List<ActionChange> history(ActionId id) {
        return jdbc.sql("select changed_at, changed_by, kind, status, note from action_change where action_id = :id order by id")
                .param("id", id.value())
                .query((rs, i) -> new ActionChange(rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"),
                        ActionChange.Kind.valueOf(rs.getString("kind")),
                        ActionStatus.valueOf(rs.getString("status")), rs.getString("note")))
                .list();
    }

    @Transactional(readOnly = true)
    public List<ActionSummary> from(Origin.Type type, long originId) {
        Names names = new Names();
        return jdbc.sql("select " + COLUMNS + " from action where origin_type = :type and origin_id = :id order by due_on, id")
                .param("type", type.name()).param("id", originId)
                .query((rs, i) -> map(rs, names)).list();
    }

    /** Open actions of a team that came from one kind of origin, oldest due date first. */
    @Transactional(readOnly = true)
    public List<ActionSummary> openFor(TeamId team, Origin.Type type) {
        Names names = new Names();
        return jdbc.sql("select " + COLUMNS + " " + """
                         from action where team_id = :team and origin_type = :type and status in ('OPEN', 'DOING')
                        order by due_on, id""")
                .param("team", team.value()).param("type", type.name())
                .query((rs, i) -> map(rs, names)).list();
    }

    /** One page of actions, those due first on top; finished ones follow the open ones. */
    @Transactional(readOnly = true)
    public Page<ActionSummary> list(ActionQuery query, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = where(query, params);
        long total = jdbc.sql("select count(*) from action where " + where).params(params).query(Long.class).single();
        int number = Page.clamp(page, total, size);
        params.put("limit", size);
        params.put("offset", number * size);
        Names names = new Names();
        List<ActionSummary> items = jdbc.sql("select " + COLUMNS + " from action where " + where + " " + """
                         order by case when status in ('OPEN', 'DOING') then 0 else 1 end, due_on, id
                         limit :limit offset :offset""")
                .params(params).query((rs, i) -> map(rs, names)).list();
        return new Page<>(items, number, size, total);
    }

    @Transactional(readOnly = true)
    public long count(ActionQuery query) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from action where " + where(query, params)).params(params)
                .query(Long.class).single();
    }

    /** The person's open actions that are overdue or due within {@link #REMIND_DAYS} days. */
    @Transactional(readOnly = true)
    public List<ActionSummary> reminders(long personId) {
        Names names = new Names();
        return jdbc.sql("select " + COLUMNS + " " + """
                         from action where owner_id = :owner and status in ('OPEN', 'DOING') and due_on <= :until
                        order by due_on, id""")
                .param("owner", personId).param("until", today().plusDays(REMIND_DAYS))
                .query((rs, i) -> map(rs, names)).list();
    }

    private String where(ActionQuery query, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        conditions.add("true");
        if (query.ownerId() != null) {
            conditions.add("owner_id = :owner");
            params.put("owner", query.ownerId());
        }
        if (query.teamIds() != null) {
            if (query.teamIds().isEmpty()) {
                conditions.add("false");
            } else {
                conditions.add("team_id in (:teams)");
                params.put("teams", List.copyOf(query.teamIds()));
            }
        }
        Set<ActionStatus> statuses = query.overdueOnly() ? Set.of(ActionStatus.OPEN, ActionStatus.DOING)
                : query.statuses();
        if (statuses != null && !statuses.isEmpty()) {
            conditions.add("status in (:statuses)");
            params.put("statuses", statuses.stream().map(Enum::name).toList());
        }
        if (query.overdueOnly()) {
            conditions.add("due_on < :today");
            params.put("today", today());
        }
        return String.join(" and ", conditions);
    }

    private void record(long id, ActionChange.Kind kind, ActionStatus status, String note, String by, Instant at) {
        jdbc.sql("""
                        insert into action_change (action_id, changed_at, changed_by, kind, status, note)
                        values (:id, :at, :by, :kind, :status, :note)""")
                .param("id", id).param("kind", kind.name()).param("at", Timestamp.from(at)).param("by", by).param("status", status.name())
                .param("note", note).update();
    }

    private static String title(String raw) {
        String title = raw == null ? "" : raw.strip();
        if (title.isEmpty()) {
            throw new InvalidAction("title", "validation.required");
        }
        if (title.length() > 200) {
            throw new InvalidAction("title", "action.error.titleTooLong");
        }
        return title;
    }

    private static String description(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.replace("\r\n", "\n").strip();
        if (text.length() > 2000) {
            throw new InvalidAction("description", "validation.tooLong", 2000);
        }
        return text;
    }

    private PersonSummary owner(Long ownerId) {
        if (ownerId == null) {
            throw new InvalidAction("ownerId", "action.error.ownerRequired");
        }
        return people.find(new PersonId(ownerId)).filter(PersonSummary::active)
                .orElseThrow(() -> new InvalidAction("ownerId", "action.error.ownerUnknown"));
    }

    private Long team(Long teamId, PersonSummary owner) {
        if (teamId == null) {
            return owner.team() == null ? null : owner.team().value();
        }
        boolean known = people.teams().stream().anyMatch(t -> t.id().value() == teamId && t.active());
        if (!known) {
            throw new InvalidAction("teamId", "actions.error.teamUnknown");
        }
        return teamId;
    }

    private ActionSummary map(ResultSet rs, Names names) throws SQLException {
        long owner = rs.getLong("owner_id");
        Long team = rs.getObject("team_id", Long.class);
        return new ActionSummary(new ActionId(rs.getLong("id")), rs.getString("title"), rs.getString("description"),
                owner, names.person(owner), team, team == null ? null : names.team(team),
                rs.getObject("due_on", LocalDate.class), ActionStatus.valueOf(rs.getString("status")),
                rs.getString("dropped_reason"), new Origin(Origin.Type.valueOf(rs.getString("origin_type")),
                rs.getObject("origin_id", Long.class), rs.getString("origin_label")));
    }

    /** Looks names up once per list instead of once per row. */
    private final class Names {
        private final Map<Long, String> persons = new HashMap<>();
        private Map<Long, String> teams;

        String person(long id) {
            return persons.computeIfAbsent(id, p -> people.find(new PersonId(p)).map(PersonSummary::name).orElse("?"));
        }

        String team(long id) {
            if (teams == null) {
                teams = people.teams().stream().collect(Collectors.toMap(t -> t.id().value(), TeamSummary::name));
            }
            return teams.getOrDefault(id, "?");
        }
    }
}
