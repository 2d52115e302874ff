package nl.meedenken.ideas.internal;

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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Experiments, started from an idea or on their own, and the decision that ends each one. */
@Service
public class Experiments {

    private static final ZoneId LOCAL = ZoneId.of("Europe/Amsterdam");
    private static final String COLUMNS = """
            id, idea_id, title, hypothesis, what_we_try, participants, starts_on, ends_on, measure, result, decision,
            decision_reason, decided_by, decided_at, innovation_team_id""";

    private final JdbcClient jdbc;
    private final IdeaBox ideas;
    private final Clock clock;

    Experiments(JdbcClient jdbc, IdeaBox ideas, Clock clock) {
        this.jdbc = jdbc;
        this.ideas = ideas;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(LOCAL));
    }

    public record Plan(Long ideaId, String title, String hypothesis, String whatWeTry, String participants,
                       LocalDate startsOn, LocalDate endsOn, String measure, Long innovationTeamId) {
    }

    /** Starts an experiment; an idea it comes from is then "being tried out", with the hypothesis as reason. */
    @Transactional
    public long start(Plan plan, long byId, String byName) {
        long id = start(plan, byName, clock.instant());
        if (plan.ideaId() != null) {
            ideas.find(plan.ideaId()).filter(i -> i.status() != IdeaStatus.EXPERIMENT).ifPresent(idea ->
                    ideas.answer(idea.id(), IdeaStatus.EXPERIMENT, plan.hypothesis(), byId, byName, true));
        }
        return id;
    }

    @Transactional
    public long start(Plan plan, String by, Instant at) {
        if (plan.ideaId() != null && ideas.find(plan.ideaId()).isEmpty()) {
            throw new InvalidIdea("ideaId", "ideas.error.unknown");
        }
        String title = IdeaBox.text(plan.title(), "title", 150);
        String hypothesis = IdeaBox.text(plan.hypothesis(), "hypothesis", 1000);
        String tries = IdeaBox.text(plan.whatWeTry(), "whatWeTry", 2000);
        String who = IdeaBox.text(plan.participants(), "participants", 500);
        String measure = IdeaBox.text(plan.measure(), "measure", 1000);
        if (plan.startsOn() == null) {
            throw new InvalidIdea("startsOn", "validation.required");
        }
        if (plan.endsOn() == null) {
            throw new InvalidIdea("endsOn", "validation.required");
        }
        if (plan.endsOn().isBefore(plan.startsOn())) {
            throw new InvalidIdea("endsOn", "experiments.error.endBeforeStart");
        }
        return jdbc.sql("""
                        insert into experiment (idea_id, title, hypothesis, what_we_try, participants, starts_on, ends_on,
                                                measure, innovation_team_id, created_by, created_at)
                        values (:idea, :title, :h, :w, :p, :s, :e, :m, :team, :by, :at) returning id""")
                .param("idea", plan.ideaId()).param("title", title).param("h", hypothesis).param("w", tries)
                .param("p", who).param("s", plan.startsOn()).param("e", plan.endsOn()).param("m", measure)
                .param("team", plan.innovationTeamId()).param("by", by).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    /** Writes down the result, and the decision with its reason. A decision is final. */
    /**
     * Decides, and answers the idea the experiment came from: adopted after "adopt", not
     * adopted after "stop"; after "adjust" it stays being tried out. Its people are told.
     */
    @Transactional
    public void decide(long id, String result, Experiment.Decision decision, String reason, long byId, String byName) {
        decide(id, result, decision, reason, byName, clock.instant());
        Experiment experiment = find(id).orElseThrow();
        IdeaStatus follows = decision == Experiment.Decision.ADOPT ? IdeaStatus.ADOPTED
                : decision == Experiment.Decision.STOP ? IdeaStatus.NOT_ADOPTED : null;
        if (experiment.ideaId() != null && follows != null) {
            ideas.find(experiment.ideaId()).filter(i -> i.status() != follows).ifPresent(idea ->
                    ideas.answer(idea.id(), follows, reason, byId, byName, true));
        }
    }

    @Transactional
    public void decide(long id, String result, Experiment.Decision decision, String reason, String by, Instant at) {
        Experiment experiment = find(id).orElseThrow(() -> new InvalidIdea("id", "experiments.error.unknown"));
        if (experiment.decision() != null) {
            throw new InvalidIdea("decision", "experiments.error.decided");
        }
        String outcome = IdeaBox.text(result, "result", 2000);
        if (decision == null) {
            throw new InvalidIdea("decision", "experiments.error.decision");
        }
        String why = IdeaBox.text(reason, "reason", 2000);
        if (LocalDate.ofInstant(at, LOCAL).isBefore(experiment.startsOn())) {
            throw new InvalidIdea("decision", "experiments.error.notStarted");
        }
        int decided = jdbc.sql("""
                        update experiment set result = :r, decision = :d, decision_reason = :why, decided_by = :by,
                               decided_at = :at where id = :id and decision is null""")
                .param("r", outcome).param("d", decision.name()).param("why", why).param("by", by)
                .param("at", Timestamp.from(at)).param("id", id).update();
        if (decided == 0) {
            throw new InvalidIdea("decision", "experiments.error.decided");
        }
    }

    @Transactional(readOnly = true)
    public Optional<Experiment> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from experiment where id = :id").param("id", id)
                .query(Experiments::experiment).optional();
    }

    @Transactional(readOnly = true)
    public List<Experiment> all() {
        return jdbc.sql("select " + COLUMNS + " from experiment order by ends_on, id").query(Experiments::experiment).list();
    }

    @Transactional(readOnly = true)
    public List<Experiment> ofIdea(long ideaId) {
        return jdbc.sql("select " + COLUMNS + " from experiment where idea_id = :i order by id").param("i", ideaId)
                .query(Experiments::experiment).list();
    }

    @Transactional(readOnly = true)
    public List<Experiment> ofTeam(long teamId) {
        return jdbc.sql("select " + COLUMNS + " from experiment where innovation_team_id = :t order by ends_on, id")
                .param("t", teamId).query(Experiments::experiment).list();
    }

    /** The board: every experiment in the column of its state. */
    @Transactional(readOnly = true)
    public Map<Experiment.State, List<Experiment>> board() {
        LocalDate today = today();
        Map<Experiment.State, List<Experiment>> board = new EnumMap<>(Experiment.State.class);
        for (Experiment.State state : Experiment.State.values()) {
            board.put(state, all().stream().filter(e -> e.stateOn(today) == state).toList());
        }
        return board;
    }

    private static Experiment experiment(ResultSet rs, int i) throws SQLException {
        String decision = rs.getString("decision");
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Experiment(rs.getLong("id"), rs.getObject("idea_id", Long.class), rs.getString("title"),
                rs.getString("hypothesis"), rs.getString("what_we_try"), rs.getString("participants"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getString("measure"), rs.getString("result"),
                decision == null ? null : Experiment.Decision.valueOf(decision), rs.getString("decision_reason"),
                rs.getString("decided_by"), decided == null ? null : decided.toInstant(),
                rs.getObject("innovation_team_id", Long.class));
    }
}
