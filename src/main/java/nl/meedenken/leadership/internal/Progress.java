package nl.meedenken.leadership.internal;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.platform.FormValues;
import nl.meedenken.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A leader's way through the programme: which lessons were read, which assignments done, and
 * the reflection on each. A reflection belongs to the leader: only its owner reads it, unless
 * the leader shares it with management.
 */
@Service
public class Progress {

    static final int MAX_REFLECTION = 2000;

    /** One leader on one lesson. Reflection fields are null until the assignment is done. */
    public record Step(long lessonId, Instant readAt, Instant doneAt, String did, String happened, String nextStep,
                       boolean shared) {

        public boolean read() {
            return readAt != null;
        }

        public boolean done() {
            return doneAt != null;
        }
    }

    /** How far one leader is, for management. Holds no reflection text. */
    public record Completion(PersonSummary leader, int read, int done, int shared, int lessons) {
        public int percentage() {
            return lessons == 0 ? 0 : (int) Math.round(100.0 * done / lessons);
        }
    }

    private final JdbcClient jdbc;
    private final Programme programme;
    private final People people;
    private final Clock clock;

    Progress(JdbcClient jdbc, Programme programme, People people, Clock clock) {
        this.jdbc = jdbc;
        this.programme = programme;
        this.people = people;
        this.clock = clock;
    }

    /** Everyone who follows the programme: active team leads and management. */
    @Transactional(readOnly = true)
    public List<PersonSummary> leaders() {
        Map<Long, PersonSummary> leaders = new LinkedHashMap<>();
        for (Role role : List.of(Role.TEAM_LEAD, Role.MANAGEMENT)) {
            people.withRole(role).stream().filter(PersonSummary::active).forEach(p -> leaders.put(p.id().value(), p));
        }
        return leaders.values().stream().sorted(Comparator.comparing(PersonSummary::name)).toList();
    }

    /** Notes that the leader opened the lesson; the first time counts. */
    @Transactional
    public void read(long personId, long lessonId) {
        jdbc.sql("""
                        insert into leadership_progress (person_id, lesson_id, read_at) values (:p, :l, :at)
                        on conflict (person_id, lesson_id) do update set read_at = coalesce(leadership_progress.read_at, :at)
                        """)
                .param("p", personId).param("l", lessonId).param("at", Timestamp.from(clock.instant())).update();
    }

    /** Saves the reflection on an assignment, which marks it done; saving again changes the text only. */
    @Transactional
    public void reflect(long personId, long lessonId, String did, String happened, String nextStep, boolean shared) {
        programme.find(lessonId).filter(l -> !l.archived())
                .orElseThrow(() -> new InvalidLeadership("lesson", "leadership.error.noLesson"));
        FormValues.Refusal refusal = InvalidLeadership::new;
        String what = FormValues.text(did, "did", MAX_REFLECTION, true, refusal);
        String result = FormValues.text(happened, "happened", MAX_REFLECTION, true, refusal);
        String next = FormValues.text(nextStep, "nextStep", MAX_REFLECTION, true, refusal);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into leadership_progress (person_id, lesson_id, read_at, done_at, did, happened, next_step, shared)
                        values (:p, :l, :at, :at, :did, :happened, :next, :shared)
                        on conflict (person_id, lesson_id) do update
                           set read_at = coalesce(leadership_progress.read_at, :at),
                               done_at = coalesce(leadership_progress.done_at, :at),
                               did = :did, happened = :happened, next_step = :next, shared = :shared
                        """)
                .param("p", personId).param("l", lessonId).param("at", now).param("did", what)
                .param("happened", result).param("next", next).param("shared", shared).update();
    }

    /** The leader's own steps, by lesson id, reflections included: only for the leader. */
    @Transactional(readOnly = true)
    public Map<Long, Step> ownSteps(long personId) {
        Map<Long, Step> steps = new HashMap<>();
        jdbc.sql("select * from leadership_progress where person_id = :p").param("p", personId)
                .query(Progress::map).list().forEach(s -> steps.put(s.lessonId(), s));
        return steps;
    }

    /** The leader's own step on one lesson, reflection included: only for the leader. */
    @Transactional(readOnly = true)
    public Optional<Step> ownStep(long personId, long lessonId) {
        return Optional.ofNullable(ownSteps(personId).get(lessonId));
    }

    /**
     * What management may see of one leader: read and done dates for every lesson, and the
     * reflection only where the leader shared it.
     */
    @Transactional(readOnly = true)
    public Map<Long, Step> stepsForManagement(long leaderId) {
        Map<Long, Step> steps = new HashMap<>();
        ownSteps(leaderId).forEach((lesson, s) -> steps.put(lesson, s.shared() ? s
                : new Step(s.lessonId(), s.readAt(), s.doneAt(), null, null, null, false)));
        return steps;
    }

    /** Completion per leader over the lessons in use. */
    @Transactional(readOnly = true)
    public List<Completion> completion() {
        List<Long> inUse = programme.lessons().stream().map(Lesson::id).toList();
        return leaders().stream().map(leader -> {
            var steps = ownSteps(leader.id().value()).values().stream().filter(s -> inUse.contains(s.lessonId())).toList();
            return new Completion(leader, (int) steps.stream().filter(Step::read).count(),
                    (int) steps.stream().filter(Step::done).count(),
                    (int) steps.stream().filter(s -> s.done() && s.shared()).count(), inUse.size());
        }).toList();
    }

    private static Step map(ResultSet rs, int row) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        Timestamp done = rs.getTimestamp("done_at");
        return new Step(rs.getLong("lesson_id"), read == null ? null : read.toInstant(),
                done == null ? null : done.toInstant(), rs.getString("did"), rs.getString("happened"),
                rs.getString("next_step"), rs.getBoolean("shared"));
    }
}
