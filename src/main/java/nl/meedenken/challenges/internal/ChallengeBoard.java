package nl.meedenken.challenges.internal;

import nl.meedenken.ideas.IdeaSummary;
import nl.meedenken.ideas.Ideas;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.platform.Notifications;
import nl.meedenken.platform.FormValues;
import nl.meedenken.platform.Like;
import nl.meedenken.platform.Page;
import nl.meedenken.platform.Role;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Challenges from posting to closing: management posts company challenges, anyone a
 * shop-floor problem; people give input, vote on the poster's options and link their ideas;
 * closing says what was done with the input, and everyone who took part is told.
 */
@Service
public class ChallengeBoard {

    public static final int PAGE_SIZE = 20;
    private static final ZoneId LOCAL = ZoneId.of("Europe/Amsterdam");
    private static final String COLUMNS = """
            c.id, c.kind, c.title, c.context, c.question, c.deadline, c.posted_by, c.posted_at, c.state, c.follow_up,
            c.closed_by, c.closed_at, (select count(*) from challenge_input i where i.challenge_id = c.id) as inputs""";

    private final JdbcClient jdbc;
    private final People people;
    private final Ideas ideas;
    private final Notifications notifications;
    private final Clock clock;

    ChallengeBoard(JdbcClient jdbc, People people, Ideas ideas, Notifications notifications, Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.ideas = ideas;
        this.notifications = notifications;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(LOCAL));
    }

    public record Post(Challenge.Kind kind, String title, String context, String question, LocalDate deadline,
                       List<String> options) {
    }

    public record Option(long id, String text, int votes) {
    }

    public record Input(long id, String authorName, String text, Instant at) {
    }

    public record LinkedIdea(long id, String title) {
    }

    /** Posts a challenge; a company challenge only by management. */
    @Transactional
    public long post(Post post, long posterId, boolean management) {
        long id = post(post, posterId, management, clock.instant());
        find(id).ifPresent(challenge -> notifications.tell(audience(posterId), posterId, "challenges.notify.posted",
                "/challenges/" + id, challenge.title()));
        return id;
    }

    /**
     * Who hears of a new challenge. A challenge has no site of its own, so: everyone active at the poster's
     * site (their own or their team's); everyone active when the poster belongs to no site.
     */
    Set<Long> audience(long posterId) {
        Map<Long, Long> siteOfTeam = new java.util.HashMap<>();
        people.teams().forEach(t -> {
            if (t.site() != null) {
                siteOfTeam.put(t.id().value(), t.site().value());
            }
        });
        java.util.function.Function<PersonSummary, Long> siteOf = p -> p.site() != null ? Long.valueOf(p.site().value())
                : p.team() == null ? null : siteOfTeam.get(p.team().value());
        Long site = people.find(new PersonId(posterId)).map(siteOf).orElse(null);
        Set<Long> audience = new java.util.LinkedHashSet<>();
        for (PersonSummary person : people.withRole(Role.EMPLOYEE)) {
            if (person.active() && (site == null || site.equals(siteOf.apply(person)))) {
                audience.add(person.id().value());
            }
        }
        return audience;
    }

    @Transactional
    public long post(Post post, long posterId, boolean management, Instant at) {
        if (post.kind() == null) {
            throw new InvalidChallenge("kind", "challenges.error.kind");
        }
        if (post.kind() == Challenge.Kind.COMPANY && !management) {
            throw new InvalidChallenge("kind", "challenges.error.companyOnlyManagement");
        }
        String title = text(post.title(), "title", 150);
        String context = text(post.context(), "context", 4000);
        String question = text(post.question(), "question", 1000);
        if (post.deadline() == null) {
            throw new InvalidChallenge("deadline", "validation.required");
        }
        if (post.deadline().isBefore(LocalDate.ofInstant(at, LOCAL))) {
            throw new InvalidChallenge("deadline", "challenges.error.deadlinePast");
        }
        List<String> options = post.options() == null ? List.of()
                : post.options().stream().filter(o -> o != null && !o.isBlank()).map(String::strip).distinct().toList();
        if (options.size() == 1) {
            throw new InvalidChallenge("options", "challenges.error.oneOption");
        }
        if (options.size() > 6 || options.stream().anyMatch(o -> o.length() > 200)) {
            throw new InvalidChallenge("options", "challenges.error.options");
        }
        long id = jdbc.sql("""
                        insert into challenge (kind, title, context, question, deadline, posted_by, posted_at)
                        values (:k, :t, :c, :q, :d, :by, :at) returning id""")
                .param("k", post.kind().name()).param("t", title).param("c", context).param("q", question)
                .param("d", post.deadline()).param("by", posterId).param("at", Timestamp.from(at))
                .query(Long.class).single();
        for (String option : options) {
            jdbc.sql("insert into challenge_option (challenge_id, text) values (:c, :t)").param("c", id)
                    .param("t", option).update();
        }
        return id;
    }

    @Transactional
    public void respond(long challengeId, long authorId, String text) {
        respond(challengeId, authorId, text, clock.instant());
    }

    @Transactional
    public void respond(long challengeId, long authorId, String text, Instant at) {
        accepting(challengeId, LocalDate.ofInstant(at, LOCAL));
        String body = text(text, "input", 2000);
        jdbc.sql("insert into challenge_input (challenge_id, author_id, text, created_at) values (:c, :a, :t, :at)")
                .param("c", challengeId).param("a", authorId).param("t", body).param("at", Timestamp.from(at)).update();
    }

    /** One vote per person; voting again moves the vote to the other option. */
    @Transactional
    public void vote(long challengeId, long personId, Long optionId) {
        accepting(challengeId, today());
        if (optionId == null || options(challengeId).stream().noneMatch(o -> o.id() == optionId)) {
            throw new InvalidChallenge("option", "challenges.error.option");
        }
        jdbc.sql("""
                        insert into challenge_vote (challenge_id, person_id, option_id, voted_at) values (:c, :p, :o, :at)
                        on conflict (challenge_id, person_id) do update set option_id = :o, voted_at = :at""")
                .param("c", challengeId).param("p", personId).param("o", optionId)
                .param("at", Timestamp.from(clock.instant())).update();
    }

    /** Links one of the person's own ideas to the challenge, and tells the idea so. */
    @Transactional
    public void linkIdea(long challengeId, long ideaId, long personId) {
        Challenge challenge = accepting(challengeId, today());
        IdeaSummary idea = ideas.find(ideaId).filter(i -> i.authorId() == personId)
                .orElseThrow(() -> new InvalidChallenge("idea", "challenges.error.idea"));
        if (ideas.challengeOf(ideaId).filter(c -> c != challengeId).isPresent()) {
            throw new InvalidChallenge("idea", "challenges.error.ideaLinkedElsewhere");
        }
        jdbc.sql("""
                        insert into challenge_idea (challenge_id, idea_id, idea_title, linked_by, linked_at)
                        values (:c, :i, :t, :p, :at) on conflict do nothing""")
                .param("c", challengeId).param("i", ideaId).param("t", idea.title()).param("p", personId)
                .param("at", Timestamp.from(clock.instant())).update();
        ideas.linkToChallenge(ideaId, challengeId, challenge.title());
    }

    /** Gives an innovation team this challenge to work on (management). */
    @Transactional
    public void assign(long challengeId, long teamId) {
        Challenge challenge = find(challengeId).orElseThrow(() -> new InvalidChallenge("id", "challenges.error.unknown"));
        if (ideas.innovationTeams().stream().noneMatch(t -> t.id() == teamId)) {
            throw new InvalidChallenge("team", "challenges.error.team");
        }
        ideas.assignChallenge(teamId, challengeId, challenge.title());
    }

    /**
     * Closes the challenge with what was done with the input; only its poster or management
     * may. Everyone who gave input, voted or linked an idea is told.
     */
    @Transactional
    public Set<Long> close(long challengeId, String followUp, long byId, String byName, boolean management) {
        return close(challengeId, followUp, byId, byName, management, clock.instant());
    }

    @Transactional
    public Set<Long> close(long challengeId, String followUp, long byId, String byName, boolean management, Instant at) {
        Challenge challenge = find(challengeId).orElseThrow(() -> new InvalidChallenge("id", "challenges.error.unknown"));
        if (challenge.postedBy() != byId && !management) {
            throw new InvalidChallenge("followUp", "challenges.error.onlyPoster");
        }
        if (!challenge.open()) {
            throw new InvalidChallenge("followUp", "challenges.error.closed");
        }
        String text = text(followUp, "followUp", 4000);
        int closed = jdbc.sql("""
                        update challenge set state = 'CLOSED', follow_up = :f, closed_by = :by, closed_at = :at
                        where id = :id and state = 'OPEN'""")
                .param("f", text).param("by", byName).param("at", Timestamp.from(at)).param("id", challengeId).update();
        if (closed == 0) {
            throw new InvalidChallenge("followUp", "challenges.error.closed");
        }
        Set<Long> told = told(challenge, byId);
        notifications.tellAsOf(at, told, byId, "challenges.notify.closed", "/challenges/" + challengeId,
                challenge.title());
        return told;
    }

    /** Who hears about the closing: everyone who took part and the poster, not the one closing it. */
    @Transactional(readOnly = true)
    public Set<Long> told(Challenge challenge, long closer) {
        Set<Long> told = new LinkedHashSet<>(contributors(challenge.id()));
        told.add(challenge.postedBy());
        told.remove(closer);
        return told;
    }

    @Transactional(readOnly = true)
    public Set<Long> contributors(long challengeId) {
        Set<Long> people = new LinkedHashSet<>();
        people.addAll(jdbc.sql("select author_id from challenge_input where challenge_id = :c order by id")
                .param("c", challengeId).query(Long.class).list());
        people.addAll(jdbc.sql("select person_id from challenge_vote where challenge_id = :c")
                .param("c", challengeId).query(Long.class).list());
        people.addAll(jdbc.sql("select linked_by from challenge_idea where challenge_id = :c")
                .param("c", challengeId).query(Long.class).list());
        return people;
    }

    // ---- reading

    @Transactional(readOnly = true)
    public Optional<Challenge> find(long id) {
        Map<Long, String> names = new HashMap<>();
        return jdbc.sql("select " + COLUMNS + " from challenge c where c.id = :id").param("id", id)
                .query((rs, i) -> challenge(rs, names)).optional();
    }

    @Transactional(readOnly = true)
    public Page<Challenge> list(String search, Challenge.Kind kind, Boolean open, int page) {
        List<String> where = new ArrayList<>(List.of("true"));
        Map<String, Object> params = new HashMap<>();
        if (search != null && !search.isBlank()) {
            where.add("(c.title ilike :q or c.context ilike :q or c.question ilike :q)");
            params.put("q", Like.containing(search));
        }
        if (kind != null) {
            where.add("c.kind = :kind");
            params.put("kind", kind.name());
        }
        if (open != null) {
            where.add("c.state = :state");
            params.put("state", open ? "OPEN" : "CLOSED");
        }
        String condition = String.join(" and ", where);
        long total = jdbc.sql("select count(*) from challenge c where " + condition).params(params)
                .query(Long.class).single();
        int number = Page.clamp(page, total, PAGE_SIZE);
        params.put("limit", PAGE_SIZE);
        params.put("offset", number * PAGE_SIZE);
        Map<Long, String> names = new HashMap<>();
        List<Challenge> items = jdbc.sql("select " + COLUMNS + " from challenge c where " + condition
                        + " order by case when c.state = 'OPEN' then 0 else 1 end, c.deadline, c.id desc"
                        + " limit :limit offset :offset")
                .params(params).query((rs, i) -> challenge(rs, names)).list();
        return new Page<>(items, number, PAGE_SIZE, total);
    }

    @Transactional(readOnly = true)
    public List<Option> options(long challengeId) {
        return jdbc.sql("""
                        select o.id, o.text, (select count(*) from challenge_vote v where v.option_id = o.id)
                        from challenge_option o where o.challenge_id = :c order by o.id""")
                .param("c", challengeId).query((rs, i) -> new Option(rs.getLong(1), rs.getString(2), rs.getInt(3)))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<Long> voteOf(long challengeId, long personId) {
        return jdbc.sql("select option_id from challenge_vote where challenge_id = :c and person_id = :p")
                .param("c", challengeId).param("p", personId).query(Long.class).optional();
    }

    @Transactional(readOnly = true)
    public List<Input> inputs(long challengeId) {
        Map<Long, String> names = new HashMap<>();
        return jdbc.sql("select id, author_id, text, created_at from challenge_input where challenge_id = :c order by id")
                .param("c", challengeId)
                .query((rs, i) -> new Input(rs.getLong(1), names.computeIfAbsent(rs.getLong(2), this::name),
                        rs.getString(3), rs.getTimestamp(4).toInstant())).list();
    }

    /** The text of one contribution to a challenge. */
    @Transactional(readOnly = true)
    public Optional<String> inputText(long inputId) {
        return jdbc.sql("select text from challenge_input where id = :id").param("id", inputId)
                .query(String.class).optional();
    }

    @Transactional(readOnly = true)
    public List<LinkedIdea> linkedIdeas(long challengeId) {
        return jdbc.sql("select idea_id, idea_title from challenge_idea where challenge_id = :c order by linked_at")
                .param("c", challengeId).query((rs, i) -> new LinkedIdea(rs.getLong(1), rs.getString(2))).list();
    }

    private Challenge accepting(long challengeId, LocalDate day) {
        Challenge challenge = find(challengeId).orElseThrow(() -> new InvalidChallenge("id", "challenges.error.unknown"));
        if (!challenge.open()) {
            throw new InvalidChallenge("input", "challenges.error.closed");
        }
        if (!challenge.acceptsInputOn(day)) {
            throw new InvalidChallenge("input", "challenges.error.pastDeadline");
        }
        return challenge;
    }

    private Challenge challenge(ResultSet rs, Map<Long, String> names) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        long poster = rs.getLong("posted_by");
        return new Challenge(rs.getLong("id"), Challenge.Kind.valueOf(rs.getString("kind")), rs.getString("title"),
                rs.getString("context"), rs.getString("question"), rs.getObject("deadline", LocalDate.class), poster,
                names.computeIfAbsent(poster, this::name), rs.getTimestamp("posted_at").toInstant(),
                "OPEN".equals(rs.getString("state")), rs.getString("follow_up"), rs.getString("closed_by"),
                closed == null ? null : closed.toInstant(), rs.getInt("inputs"));
    }

    private String name(long personId) {
        return people.find(new PersonId(personId)).map(PersonSummary::name).orElse("?");
    }

    static String text(String raw, String field, int max) {
        return FormValues.text(raw, field, max, true, InvalidChallenge::new);
    }
}
