package nl.meedenken.innovations.internal;

import nl.meedenken.actions.ActionId;
import nl.meedenken.actions.ActionQuery;
import nl.meedenken.actions.Actions;
import nl.meedenken.challenges.Challenges;
import nl.meedenken.driving.DataAgreements;
import nl.meedenken.evaluations.Evaluations;
import nl.meedenken.ideas.Ideas;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What other modules hold about a project: ideas, challenges, experiments, evaluations and actions tagged
 * with it. Stored as typed ids; titles and states are read from their modules when shown.
 */
@Service
public class Links {

    /** Something of another module, as a project page shows it. */
    public record Linked(Readiness.Evidence kind, long id, String title, String state, String path) {
        public String value() {
            return kind.name() + ":" + id;
        }
    }

    private static final int CHOICES = 40;

    private final Ideas ideas;
    private final Challenges challenges;
    private final Evaluations evaluations;
    private final Actions actions;
    private final DataAgreements agreements;
    private final JdbcClient jdbc;
    private final Clock clock;

    Links(Ideas ideas, Challenges challenges, Evaluations evaluations, Actions actions, DataAgreements agreements,
          JdbcClient jdbc, Clock clock) {
        this.ideas = ideas;
        this.challenges = challenges;
        this.evaluations = evaluations;
        this.actions = actions;
        this.agreements = agreements;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The thing behind a kind and id, read from its module now; empty when it does not exist. */
    public Optional<Linked> resolve(Readiness.Evidence kind, long id) {
        return switch (kind) {
            case IDEA -> ideas.find(id).map(i -> new Linked(kind, id, i.title(), "ideas.status." + i.status(), "/ideas/" + id));
            case CHALLENGE -> challenges.find(id).map(c -> new Linked(kind, id, c.title(), "innovations.state." + c.state(),
                    "/challenges/" + id));
            case EXPERIMENT -> ideas.experiment(id).map(e -> new Linked(kind, id, e.title(),
                    e.decision() == null ? "innovations.state.RUNNING" : "innovations.state." + e.decision(),
                    "/ideas/experiments/" + id));
            case EVALUATION -> evaluations.find(id).map(s -> new Linked(kind, id, s.title(), "innovations.state." + s.state(),
                    "/evaluations/sessions/" + id));
            case ACTION -> actions.find(new ActionId(id)).map(a -> new Linked(kind, id, a.title(),
                    "innovations.state." + a.status().name(), "/actions/" + id));
            case DRIVING_AGREEMENT -> agreements.find(id).map(a -> new Linked(kind, id, "",
                    a.inForce() ? "innovations.state.AGREEMENT" : "innovations.state.AGREEMENT_ENDED", a.path()));
        };
    }

    /**
     * Whether something can prove a readiness item: it exists, an evaluation was held (closed), and a data
     * agreement is the one in force.
     */
    public boolean proves(Readiness.Evidence kind, long id) {
        return switch (kind) {
            case EVALUATION -> evaluations.find(id).filter(s -> "CLOSED".equals(s.state())).isPresent();
            case DRIVING_AGREEMENT -> agreements.inForce().filter(a -> a.id() == id).isPresent();
            default -> resolve(kind, id).isPresent();
        };
    }

    /** Tags something with the project; linking twice changes nothing. */
    public void link(long projectId, Readiness.Evidence kind, long id, String by) {
        if (kind == Readiness.Evidence.DRIVING_AGREEMENT) {
            throw new InvalidInnovation("link", "innovations.invalid.link");
        }
        Linked linked = resolve(kind, id).orElseThrow(() -> new InvalidInnovation("link", "innovations.invalid.link"));
        jdbc.sql("""
                        insert into innovation_link (project_id, kind, ref_id, title, linked_by, linked_at)
                        values (:p, :k, :r, :t, :by, :now) on conflict do nothing""")
                .param("p", projectId).param("k", kind.name()).param("r", id)
                .param("t", linked.title().length() > 200 ? linked.title().substring(0, 200) : linked.title())
                .param("by", by).param("now", Timestamp.from(clock.instant())).update();
    }

    public void unlink(long projectId, Readiness.Evidence kind, long id) {
        jdbc.sql("delete from innovation_link where project_id = :p and kind = :k and ref_id = :r")
                .param("p", projectId).param("k", kind.name()).param("r", id).update();
    }

    /** What is tagged with the project, grouped by kind, with today's titles and states. */
    public List<Linked> of(long projectId) {
        List<Linked> linked = new ArrayList<>();
        jdbc.sql("select kind, ref_id, title from innovation_link where project_id = :p order by kind, linked_at")
                .param("p", projectId).query(rs -> {
                    Readiness.Evidence kind = Readiness.Evidence.valueOf(rs.getString(1));
                    long id = rs.getLong(2);
                    String title = rs.getString(3);
                    linked.add(resolve(kind, id).orElse(new Linked(kind, id, title, "innovations.state.GONE", null)));
                });
        return linked;
    }

    /** What can be tagged: the newest of each kind. */
    public List<Linked> choices() {
        List<Linked> choices = new ArrayList<>();
        ideas.recent(CHOICES).forEach(i -> choices.add(new Linked(Readiness.Evidence.IDEA, i.id(), i.title(), null, null)));
        challenges.recent(CHOICES).forEach(c -> choices.add(new Linked(Readiness.Evidence.CHALLENGE, c.id(), c.title(), null, null)));
        ideas.recentExperiments(CHOICES).forEach(e -> choices.add(new Linked(Readiness.Evidence.EXPERIMENT, e.id(), e.title(),
                null, null)));
        evaluations.recent(CHOICES).forEach(s -> choices.add(new Linked(Readiness.Evidence.EVALUATION, s.id(),
                s.title() + " (" + s.plannedOn() + ")", null, null)));
        actions.list(new ActionQuery(null, null, null, false), 0, CHOICES).items()
                .forEach(a -> choices.add(new Linked(Readiness.Evidence.ACTION, a.id().value(), a.title(), null, null)));
        return choices;
    }

    /** The driving data agreement in force, as evidence for the data-agreement item. */
    public Optional<Linked> agreementInForce() {
        return agreements.inForce().map(a -> new Linked(Readiness.Evidence.DRIVING_AGREEMENT, a.id(), "", "innovations.state.AGREEMENT",
                a.path()));
    }

    /** A held evaluation of one team, newest first (for the demo). */
    Optional<Long> heldEvaluation(long teamId) {
        return evaluations.recent(CHOICES).stream().filter(s -> "CLOSED".equals(s.state()) && s.teamId() == teamId)
                .map(Evaluations.SessionSummary::id).findFirst();
    }

    /** An experiment by its title (for the demo). */
    Optional<Long> experiment(String title) {
        return ideas.recentExperiments(CHOICES).stream().filter(e -> e.title().equals(title))
                .map(Ideas.ExperimentSummary::id).findFirst();
    }

    Optional<Long> recentIdea() {
        return ideas.recent(1).stream().map(nl.meedenken.ideas.IdeaSummary::id).findFirst();
    }

    public Optional<java.time.LocalDate> agreementConsent(long id) {
        return agreements.find(id).map(DataAgreements.AgreementSummary::consentOn);
    }
}
