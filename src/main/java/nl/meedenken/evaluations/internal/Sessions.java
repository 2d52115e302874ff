package nl.meedenken.evaluations.internal;

import nl.meedenken.actions.ActionId;
import nl.meedenken.actions.ActionSummary;
import nl.meedenken.actions.Actions;
import nl.meedenken.actions.NewAction;
import nl.meedenken.actions.Origin;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.TeamId;
import nl.meedenken.organisation.TeamSummary;
import nl.meedenken.platform.Notifications;
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
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Schedules a team's evaluations and runs their sessions: cards, votes (three each),
 * groups, and turning the top items into actions. Every change to a running session raises
 * its version, which is how the participants' pages know to refresh.
 */
@Service
public class Sessions {

    public static final int VOTES_EACH = 3;
    public static final int MAX_CARD = 500;
    private static final ZoneId LOCAL = ZoneId.of("Europe/Amsterdam");
    private static final String COLUMNS = """
            id, series_id, team_id, title, facilitator_id, planned_on, anonymous_cards, state, started_at, closed_at,
            closing_note, version""";

    private final JdbcClient jdbc;
    private final People people;
    private final Actions actions;
    private final Clock clock;
    private final Notifications notifications;

    Sessions(JdbcClient jdbc, People people, Actions actions, Clock clock, Notifications notifications) {
        this.jdbc = jdbc;
        this.people = people;
        this.actions = actions;
        this.clock = clock;
        this.notifications = notifications;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(LOCAL));
    }

    /** What a team lead fills in to plan a team's evaluations. */
    public record Plan(Long teamId, String title, Integer everyWeeks, LocalDate firstOn, Long facilitatorId,
                       boolean anonymousCards) {
    }

    /** Plans recurring evaluations for a team and returns the first session. */
    @Transactional
    public long schedule(Plan plan, String actor) {
        TeamSummary team = people.teams().stream()
                .filter(t -> plan.teamId() != null && t.id().value() == plan.teamId() && t.active()).findFirst()
                .orElseThrow(() -> new InvalidEvaluation("teamId", "evaluations.error.teamUnknown"));
        String title = plan.title() == null || plan.title().isBlank() ? null : plan.title().strip();
        if (title == null) {
            throw new InvalidEvaluation("title", "validation.required");
        }
        if (title.length() > 120) {
            throw new InvalidEvaluation("title", "validation.tooLong", 120);
        }
        if (plan.everyWeeks() == null || plan.everyWeeks() < 1 || plan.everyWeeks() > 26) {
            throw new InvalidEvaluation("everyWeeks", "evaluations.error.everyWeeks");
        }
        if (plan.firstOn() == null) {
            throw new InvalidEvaluation("firstOn", "validation.required");
        }
        if (plan.firstOn().isBefore(today())) {
            throw new InvalidEvaluation("firstOn", "evaluations.error.firstInPast");
        }
        PersonSummary facilitator = activePerson(plan.facilitatorId(), "facilitatorId");
        long series = series(team.id().value(), title, plan.everyWeeks(), facilitator.id().value(),
                plan.anonymousCards(), actor, clock.instant());
        return plan(series, team.id().value(), title, facilitator.id().value(), plan.firstOn(), plan.anonymousCards());
    }

    /** Stores a series without the checks on dates; for {@link #schedule} and the demo history. */
    long series(long team, String title, int everyWeeks, long facilitator, boolean anonymous, String actor, Instant at) {
        return jdbc.sql("""
                        insert into evaluation_series (team_id, title, every_weeks, facilitator_id, anonymous_cards,
                                                       created_by, created_at)
                        values (:team, :title, :weeks, :facilitator, :anonymous, :by, :at) returning id""")
                .param("team", team).param("title", title).param("weeks", everyWeeks)
                .param("facilitator", facilitator).param("anonymous", anonymous)
                .param("by", actor).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    long plan(long series, long team, String title, long facilitator, LocalDate on, boolean anonymous) {
        return jdbc.sql("""
                        insert into evaluation_session (series_id, team_id, title, facilitator_id, planned_on, anonymous_cards)
                        values (:series, :team, :title, :facilitator, :on, :anonymous) returning id""")
                .param("series", series).param("team", team).param("title", title).param("facilitator", facilitator)
                .param("on", on).param("anonymous", anonymous).query(Long.class).single();
    }

    /**
     * Starts a planned session now; the open actions of earlier sessions are kept for the review. The team's
     * members are told it starts, unless the morning job told them already (the lead who starts it is not).
     */
    @Transactional
    public void start(long sessionId) {
        start(sessionId, clock.instant());
        find(sessionId).ifPresent(session -> tellTeam(session, SignedInUser.currentPersonId().orElse(null)));
    }

    /**
     * What the daily job does: tells the members of each team whose evaluation is planned for today, once
     * per session across all nodes and runs.
     *
     * @return how many sessions the teams were told about
     */
    @Transactional
    public int tellToday() {
        int told = 0;
        for (Session session : jdbc.sql("select " + COLUMNS + " from evaluation_session where planned_on = :today"
                        + " and state <> 'CLOSED' order by id")
                .param("today", today()).query(Sessions::session).list()) {
            told += tellTeam(session, null) ? 1 : 0;
        }
        return told;
    }

    /** Tells the team once: the notice row's key lets only the first transaction through. */
    private boolean tellTeam(Session session, Long actor) {
        boolean first = jdbc.sql("""
                        insert into evaluation_session_notice (session_id, told_at) values (:s, :at)
                        on conflict do nothing""")
                .param("s", session.id()).param("at", Timestamp.from(clock.instant())).update() == 1;
        if (first) {
            List<Long> members = people.inTeam(new TeamId(session.teamId())).stream().filter(PersonSummary::active)
                    .map(p -> p.id().value()).toList();
            notifications.tell(members, actor, "evaluations.notify.today", "/evaluations/sessions/" + session.id(),
                    session.title());
        }
        return first;
    }

    @Transactional
    public void start(long sessionId, Instant at) {
        Session session = find(sessionId).orElseThrow(() -> new InvalidEvaluation("session", "evaluations.error.unknown"));
        if (session.state() != Session.State.PLANNED) {
            throw new InvalidEvaluation("session", "evaluations.error.notPlanned");
        }
        int changed = jdbc.sql("""
                        update evaluation_session set state = 'RUNNING', started_at = :at, version = version + 1
                        where id = :id and state = 'PLANNED'""")
                .param("at", Timestamp.from(at)).param("id", sessionId).update();
        if (changed == 0) {
            throw new InvalidEvaluation("session", "evaluations.error.notPlanned");
        }
        for (ActionSummary open : actions.openFor(new TeamId(session.teamId()), Origin.Type.EVALUATION)) {
            if (open.origin().id() != null && open.origin().id() == sessionId) {
                continue;
            }
            jdbc.sql("""
                            insert into evaluation_review (session_id, action_id, title, owner_name, due_on, status)
                            values (:session, :action, :title, :owner, :due, :status)""")
                    .param("session", sessionId).param("action", open.id().value()).param("title", open.title())
                    .param("owner", open.ownerName()).param("due", open.dueOn()).param("status", open.status().name())
                    .update();
        }
    }

    /** Closes a running session and plans the next one of its series. */
    @Transactional
    public Optional<Long> close(long sessionId, String note) {
        return close(sessionId, note, clock.instant());
    }

    @Transactional
    public Optional<Long> close(long sessionId, String note, Instant at) {
        Session session = lockRunning(sessionId);
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 2000) {
            throw new InvalidEvaluation("note", "validation.tooLong", 2000);
        }
        jdbc.sql("update evaluation_session set state = 'CLOSED', closed_at = :at, closing_note = :note where id = :id")
                .param("at", Timestamp.from(at)).param("note", text).param("id", sessionId).update();
        if (session.seriesId() == null) {
            return Optional.empty();
        }
        return jdbc.sql("select every_weeks, facilitator_id, anonymous_cards, title from evaluation_series where id = :id and active")
                .param("id", session.seriesId())
                .query((rs, i) -> {
                    LocalDate next = session.plannedOn().plusWeeks(rs.getInt("every_weeks"));
                    LocalDate today = LocalDate.ofInstant(at, LOCAL);
                    while (next.isBefore(today)) {
                        next = next.plusWeeks(rs.getInt("every_weeks"));
                    }
                    return new Object[]{next, stillActive(rs.getLong("facilitator_id"), session),
                            rs.getBoolean("anonymous_cards"), rs.getString("title")};
                }).optional()
                .filter(row -> !hasPlanned(session.seriesId()))
                .map(row -> plan(session.seriesId(), session.teamId(), (String) row[3], (Long) row[1],
                        (LocalDate) row[0], (Boolean) row[2]));
    }

    /**
     * Who leads the next session: the series' facilitator while they are active, else the
     * one who led this session, else a team lead of the team, else anyone in the team.
     */
    private long stillActive(long facilitator, Session session) {
        List<PersonSummary> team = people.inTeam(new TeamId(session.teamId())).stream()
                .filter(PersonSummary::active).toList();
        for (long candidate : new long[]{facilitator, session.facilitatorId()}) {
            if (people.find(new PersonId(candidate)).filter(PersonSummary::active).isPresent()) {
                return candidate;
            }
        }
        return team.stream().filter(p -> p.has(nl.meedenken.platform.Role.TEAM_LEAD)).findFirst()
                .or(() -> team.stream().findFirst()).map(p -> p.id().value()).orElse(facilitator);
    }

    private boolean hasPlanned(long series) {
        return jdbc.sql("select count(*) from evaluation_session where series_id = :s and state = 'PLANNED'")
                .param("s", series).query(Integer.class).single() > 0;
    }

    /** Changes who leads the next session, or its date. */
    @Transactional
    public void replan(long sessionId, LocalDate on, Long facilitatorId) {
        Session session = find(sessionId).orElseThrow(() -> new InvalidEvaluation("session", "evaluations.error.unknown"));
        if (session.state() != Session.State.PLANNED) {
            throw new InvalidEvaluation("session", "evaluations.error.notPlanned");
        }
        if (on == null) {
            throw new InvalidEvaluation("plannedOn", "validation.required");
        }
        if (on.isBefore(today())) {
            throw new InvalidEvaluation("plannedOn", "evaluations.error.firstInPast");
        }
        PersonSummary facilitator = activePerson(facilitatorId, "facilitatorId");
        jdbc.sql("update evaluation_session set planned_on = :on, facilitator_id = :f where id = :id")
                .param("on", on).param("f", facilitator.id().value()).param("id", sessionId).update();
    }

    /** Adds a card. Anonymous cards keep no author; the session must allow them. */
    @Transactional
    public long addCard(long sessionId, CardKind kind, String text, long authorId, boolean anonymous) {
        Session session = lockRunning(sessionId);
        if (kind == null) {
            throw new InvalidEvaluation("kind", "evaluations.error.kind");
        }
        // a browser counts a line break as one character but sends two
        String body = text == null ? "" : text.replace("\r\n", "\n").strip();
        if (body.isEmpty()) {
            throw new InvalidEvaluation("text", "evaluations.error.cardEmpty");
        }
        if (body.length() > MAX_CARD) {
            throw new InvalidEvaluation("text", "validation.tooLong", MAX_CARD);
        }
        if (anonymous && !session.anonymousCards()) {
            throw new InvalidEvaluation("anonymous", "evaluations.error.noAnonymous");
        }
        return jdbc.sql("insert into evaluation_card (session_id, kind, text, author_id) values (:s, :k, :t, :a) returning id")
                .param("s", sessionId).param("k", kind.name()).param("t", body).param("a", anonymous ? null : authorId)
                .query(Long.class).single();
    }

    /** Gives a vote to a card, or takes it back when the person already voted for it. */
    @Transactional
    public boolean vote(long sessionId, long cardId, long personId) {
        lockRunning(sessionId);
        Card card = card(sessionId, cardId);
        long head = card.groupOf() != null ? card.groupOf() : card.id();
        int removed = jdbc.sql("delete from evaluation_vote where card_id = :c and person_id = :p")
                .param("c", head).param("p", personId).update();
        if (removed > 0) {
            return false;
        }
        if (votesUsed(sessionId, personId) >= VOTES_EACH) {
            throw new InvalidEvaluation("vote", "evaluations.error.noVotesLeft", VOTES_EACH);
        }
        jdbc.sql("insert into evaluation_vote (card_id, person_id, session_id) values (:c, :p, :s)")
                .param("c", head).param("p", personId).param("s", sessionId).update();
        return true;
    }

    /**
     * Puts a card (and anything grouped under it) under another card. Votes move with it;
     * a person who voted for both keeps one vote and gets the other back.
     */
    @Transactional
    public void group(long sessionId, long cardId, long intoId) {
        lockRunning(sessionId);
        Card card = card(sessionId, cardId);
        Card into = card(sessionId, intoId);
        long head = into.groupOf() != null ? into.groupOf() : into.id();
        if (head == card.id() || card.id() == into.id()) {
            throw new InvalidEvaluation("into", "evaluations.error.groupSelf");
        }
        if (card.actionId() != null) {
            throw new InvalidEvaluation("into", "evaluations.error.groupHasAction");
        }
        List<Long> moving = new ArrayList<>(jdbc.sql("select id from evaluation_card where group_of = :c")
                .param("c", card.id()).query(Long.class).list());
        moving.add(card.id());
        for (long id : moving) {
            jdbc.sql("""
                            update evaluation_vote v set card_id = :head where card_id = :id
                            and not exists (select 1 from evaluation_vote w where w.card_id = :head and w.person_id = v.person_id)""")
                    .param("head", head).param("id", id).update();
            jdbc.sql("delete from evaluation_vote where card_id = :id").param("id", id).update();
            jdbc.sql("update evaluation_card set group_of = :head where id = :id")
                    .param("head", head).param("id", id).update();
        }
    }

    /** Takes a card out of its group again; it starts without votes. */
    @Transactional
    public void ungroup(long sessionId, long cardId) {
        lockRunning(sessionId);
        Card card = card(sessionId, cardId);
        if (card.groupOf() == null) {
            throw new InvalidEvaluation("card", "evaluations.error.notGrouped");
        }
        jdbc.sql("update evaluation_card set group_of = null where id = :id").param("id", cardId).update();
    }

    /** Turns a card (with its group) into an action for the team. */
    @Transactional
    public ActionId makeAction(long sessionId, long cardId, String title, String description, Long ownerId,
                               LocalDate dueOn, String actor) {
        return makeAction(sessionId, cardId, title, description, ownerId, dueOn, actor, clock.instant());
    }

    @Transactional
    public ActionId makeAction(long sessionId, long cardId, String title, String description, Long ownerId,
                               LocalDate dueOn, String actor, Instant at) {
        Session session = lockRunning(sessionId);
        Card card = card(sessionId, cardId);
        if (card.groupOf() != null) {
            throw new InvalidEvaluation("card", "evaluations.error.actionOnGroup");
        }
        if (card.actionId() != null) {
            throw new InvalidEvaluation("card", "evaluations.error.hasAction");
        }
        if (ownerId != null && people.inTeam(new TeamId(session.teamId())).stream()
                .noneMatch(p -> p.id().value() == ownerId && p.active())) {
            throw new InvalidEvaluation("ownerId", "evaluations.error.ownerNotInTeam");
        }
        String label = session.title() + " · " + session.plannedOn();
        ActionId id = actions.create(new NewAction(title, description, ownerId, session.teamId(), dueOn,
                new Origin(Origin.Type.EVALUATION, sessionId, label)), actor, at);
        jdbc.sql("update evaluation_card set action_id = :a where id = :c").param("a", id.value()).param("c", cardId)
                .update();
        return id;
    }

    // ---- reading

    @Transactional(readOnly = true)
    public Optional<Session> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from evaluation_session where id = :id").param("id", id)
                .query(Sessions::session).optional();
    }

    @Transactional(readOnly = true)
    public long version(long id) {
        return jdbc.sql("select version from evaluation_session where id = :id").param("id", id)
                .query(Long.class).optional().orElse(-1L);
    }

    /** A team's sessions, newest first. */
    @Transactional(readOnly = true)
    public List<Session> ofTeam(long teamId) {
        return jdbc.sql("select " + COLUMNS + " from evaluation_session where team_id = :t order by planned_on desc, id desc")
                .param("t", teamId).query(Sessions::session).list();
    }

    /** Sessions that are planned or running, soonest first. */
    @Transactional(readOnly = true)
    public List<Session> upcoming() {
        return jdbc.sql("select " + COLUMNS + " from evaluation_session where state <> 'CLOSED' order by planned_on, id")
                .query(Sessions::session).list();
    }

    @Transactional(readOnly = true)
    public Map<Long, Integer> closedPerTeam() {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("select team_id, count(*) from evaluation_session where state = 'CLOSED' group by team_id")
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }

    @Transactional(readOnly = true)
    public List<Review> reviewed(long sessionId) {
        return jdbc.sql("select action_id, title, owner_name, due_on, status from evaluation_review where session_id = :s order by due_on, action_id")
                .param("s", sessionId)
                .query((rs, i) -> new Review(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5)))
                .list();
    }

    /** The board as this person sees it. */
    @Transactional(readOnly = true)
    public Board board(long sessionId, long viewerId) {
        Session session = find(sessionId).orElseThrow(() -> new InvalidEvaluation("session", "evaluations.error.unknown"));
        List<Card> cards = cards(sessionId);
        Map<Long, Integer> votes = new HashMap<>();
        Set<Long> mine = new HashSet<>();
        jdbc.sql("select card_id, person_id from evaluation_vote where session_id = :s").param("s", sessionId)
                .query(rs -> {
                    votes.merge(rs.getLong(1), 1, Integer::sum);
                    if (rs.getLong(2) == viewerId) {
                        mine.add(rs.getLong(1));
                    }
                });
        Map<Long, List<Card>> members = new HashMap<>();
        cards.stream().filter(c -> c.groupOf() != null)
                .forEach(c -> members.computeIfAbsent(c.groupOf(), k -> new ArrayList<>()).add(c));
        Map<CardKind, List<Board.Group>> columns = new EnumMap<>(CardKind.class);
        for (CardKind kind : CardKind.values()) {
            columns.put(kind, new ArrayList<>());
        }
        for (Card card : cards) {
            if (card.groupOf() == null) {
                ActionSummary action = card.actionId() == null ? null
                        : actions.find(new ActionId(card.actionId())).orElse(null);
                columns.get(card.kind()).add(new Board.Group(card, members.getOrDefault(card.id(), List.of()),
                        votes.getOrDefault(card.id(), 0), mine.contains(card.id()), action));
            }
        }
        columns.values().forEach(list -> list.sort(Comparator.comparingInt(Board.Group::votes).reversed()
                .thenComparingLong(g -> g.head().id())));
        return new Board(session, columns, VOTES_EACH - mine.size(), session.version(), cards.size());
    }

    @Transactional(readOnly = true)
    public List<Card> cards(long sessionId) {
        Map<Long, String> names = new LinkedHashMap<>();
        return jdbc.sql("select id, kind, text, author_id, group_of, action_id from evaluation_card where session_id = :s order by id")
                .param("s", sessionId)
                .query((rs, i) -> {
                    Long author = rs.getObject("author_id", Long.class);
                    String name = author == null ? null : names.computeIfAbsent(author,
                            a -> people.find(new PersonId(a)).map(PersonSummary::name).orElse("?"));
                    return new Card(rs.getLong("id"), CardKind.valueOf(rs.getString("kind")), rs.getString("text"),
                            author, name, rs.getObject("group_of", Long.class), rs.getObject("action_id", Long.class));
                }).list();
    }

    /** The evaluation a card was written in, for checking who may read it. */
    @Transactional(readOnly = true)
    public Optional<Long> sessionOfCard(long cardId) {
        return jdbc.sql("select session_id from evaluation_card where id = :id").param("id", cardId)
                .query(Long.class).optional();
    }

    private int votesUsed(long sessionId, long personId) {
        return jdbc.sql("select count(*) from evaluation_vote where session_id = :s and person_id = :p")
                .param("s", sessionId).param("p", personId).query(Integer.class).single();
    }

    private Card card(long sessionId, long cardId) {
        return cards(sessionId).stream().filter(c -> c.id() == cardId).findFirst()
                .orElseThrow(() -> new InvalidEvaluation("card", "evaluations.error.cardUnknown"));
    }

    /**
     * Raises the version of a running session and locks it, so that changes to one session
     * happen one after the other (three votes stay three votes under double clicks).
     */
    private Session lockRunning(long sessionId) {
        int changed = jdbc.sql("update evaluation_session set version = version + 1 where id = :id and state = 'RUNNING'")
                .param("id", sessionId).update();
        if (changed == 0) {
            throw new InvalidEvaluation("session", "evaluations.error.notRunning");
        }
        return find(sessionId).orElseThrow();
    }

    private PersonSummary activePerson(Long id, String field) {
        if (id == null) {
            throw new InvalidEvaluation(field, "evaluations.error.facilitatorRequired");
        }
        return people.find(new PersonId(id)).filter(PersonSummary::active)
                .orElseThrow(() -> new InvalidEvaluation(field, "evaluations.error.facilitatorRequired"));
    }

    private static Session session(ResultSet rs, int i) throws SQLException {
        Timestamp started = rs.getTimestamp("started_at");
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Session(rs.getLong("id"), rs.getObject("series_id", Long.class), rs.getLong("team_id"),
                rs.getString("title"), rs.getLong("facilitator_id"), rs.getObject("planned_on", LocalDate.class),
                rs.getBoolean("anonymous_cards"), Session.State.valueOf(rs.getString("state")),
                started == null ? null : started.toInstant(), closed == null ? null : closed.toInstant(),
                rs.getString("closing_note"), rs.getLong("version"));
    }
}
