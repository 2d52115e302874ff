package nl.meedenken.driving.internal;

import nl.meedenken.platform.AuditEntry;
import nl.meedenken.platform.AuditLog;
import nl.meedenken.organisation.People;
import nl.meedenken.platform.Notifications;
import nl.meedenken.platform.Role;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Data agreements: management drafts one, a works-council member records the council's consent,
 * and from then on it decides who sees what. A newer agreement in force ends the one before.
 */
@Service
public class Agreements {

    public static final int MIN_RETENTION_DAYS = 28;
    public static final int MAX_RETENTION_DAYS = 730;

    /** A draft as typed in a form. */
    public record Draft(String purpose, Set<Metric> metrics, boolean teamAggregate, boolean plannerIndividual,
                        boolean managementIndividual, boolean leaderboard, Integer retentionDays,
                        Map<Metric, Integer> weights) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final People people;
    private final Notifications notifications;

    Agreements(JdbcClient jdbc, AuditLog audit, Clock clock, People people, Notifications notifications) {
        this.people = people;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<Agreement> inForce() {
        return jdbc.sql("select * from driving_agreement where consent_on is not null and ended_at is null order by id desc limit 1")
                .query(this::agreement).optional();
    }

    public Optional<Agreement> find(long id) {
        return jdbc.sql("select * from driving_agreement where id = :id").param("id", id).query(this::agreement).optional();
    }

    /** All agreements, newest first: drafts, the one in force and the ones that ended. */
    public List<Agreement> all() {
        return jdbc.sql("select * from driving_agreement order by id desc").query(this::agreement).list();
    }

    @Transactional
    public long draft(Draft draft, String by) {
        check(draft);
        long id = jdbc.sql("""
                        insert into driving_agreement (purpose, metrics, team_aggregate, planner_individual, management_individual,
                               leaderboard, retention_days, weights, drafted_by, drafted_at)
                        values (:purpose, :metrics, :team, :planner, :management, :leaderboard, :retention, :weights, :by, :now)
                        returning id
                        """)
                .param("purpose", draft.purpose().strip()).param("metrics", metrics(draft.metrics()))
                .param("team", draft.teamAggregate()).param("planner", draft.plannerIndividual())
                .param("management", draft.managementIndividual()).param("leaderboard", draft.leaderboard())
                .param("retention", draft.retentionDays()).param("weights", Agreement.formatWeights(weights(draft)))
                .param("by", by).param("now", Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record(AuditEntry.Type.DRIVING_AGREEMENT_DRAFTED, by, "agreement #" + id, null, summary(draft));
        waitsForCouncil(id);
        return id;
    }

    /**
     * Tells the works council's members that a draft waits for their consent, when a signed-in person saved it
     * (the demo's draft tells nobody). Saved again after a change, they are told again: it is another text.
     */
    private void waitsForCouncil(long id) {
        SignedInUser.currentPersonId().ifPresent(actor -> notifications.tell(
                people.withRole(Role.WORKS_COUNCIL).stream().map(p -> p.id().value()).toList(), actor,
                "driving.notify.draftWaiting", "/driving/agreement#draft-" + id));
    }

    /** Changes a draft; an agreement the council consented to is never changed, a new one is drafted instead. */
    @Transactional
    public void change(long id, Draft draft, String by) {
        Agreement current = draftOrRefuse(id);
        check(draft);
        jdbc.sql("""
                        update driving_agreement set purpose = :purpose, metrics = :metrics, team_aggregate = :team,
                            planner_individual = :planner, management_individual = :management, leaderboard = :leaderboard,
                            retention_days = :retention, weights = :weights, drafted_by = :by, drafted_at = :now
                        where id = :id and consent_on is null
                        """)
                .param("purpose", draft.purpose().strip()).param("metrics", metrics(draft.metrics()))
                .param("team", draft.teamAggregate()).param("planner", draft.plannerIndividual())
                .param("management", draft.managementIndividual()).param("leaderboard", draft.leaderboard())
                .param("retention", draft.retentionDays()).param("weights", Agreement.formatWeights(weights(draft)))
                .param("by", by).param("now", Timestamp.from(clock.instant())).param("id", current.id()).update();
        audit.record(AuditEntry.Type.DRIVING_AGREEMENT_DRAFTED, by, "agreement #" + id, null, summary(draft));
        waitsForCouncil(id);
    }

    @Transactional
    public void discard(long id, String by) {
        draftOrRefuse(id);
        jdbc.sql("delete from driving_agreement where id = :id and consent_on is null").param("id", id).update();
        audit.record(AuditEntry.Type.DRIVING_AGREEMENT_DISCARDED, by, "agreement #" + id, null, "draft discarded");
    }

    /**
     * Records the works council's consent: the draft is in force from now on and the agreement in force
     * before it ends.
     */
    @Transactional
    public void consent(long id, LocalDate consentOn, String by) {
        consent(id, null, consentOn, by);
    }

    /**
     * Records consent to the draft as the council member read it: {@code readVersion} is the draft's
     * {@link Agreement#version()} shown on their screen; when management changed the draft since, the consent
     * is refused. The person who drafted an agreement cannot also record the council's consent.
     */
    @Transactional
    public void consent(long id, Long readVersion, LocalDate consentOn, String by) {
        Agreement draft = draftOrRefuse(id);
        if (readVersion != null && readVersion != draft.version()) {
            throw new InvalidDriving("id", "driving.agreement.invalid.changedSince");
        }
        if (draft.draftedBy().equals(by)) {
            throw new InvalidDriving("id", "driving.agreement.invalid.ownDraft");
        }
        if (consentOn == null) {
            throw new InvalidDriving("consentOn", "driving.agreement.invalid.consentDate");
        }
        if (consentOn.isAfter(LocalDate.now(clock.withZone(DrivingRecords.LOCAL)))) {
            throw new InvalidDriving("consentOn", "driving.agreement.invalid.consentFuture");
        }
        if (consentOn.isBefore(draft.draftedAt().atZone(DrivingRecords.LOCAL).toLocalDate().minusYears(1))) {
            throw new InvalidDriving("consentOn", "driving.agreement.invalid.consentPast");
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("select id from driving_agreement where consent_on is not null and ended_at is null for update")
                .query(Long.class).list();
        jdbc.sql("update driving_agreement set ended_at = :now where consent_on is not null and ended_at is null")
                .param("now", now).update();
        jdbc.sql("""
                        update driving_agreement set consent_on = :on, consent_recorded_by = :by, consent_recorded_at = :now
                        where id = :id
                        """).param("on", consentOn).param("by", by).param("now", now).param("id", id).update();
        audit.record(AuditEntry.Type.DRIVING_AGREEMENT_CONSENTED, by, "agreement #" + id, null, "consent given on " + consentOn);
    }

    /**
     * Ends the agreement in force without a new one: from now on every driver sees only their own figures
     * again, until a new draft gets the council's consent.
     */
    @Transactional
    public void end(long id, String by) {
        Agreement agreement = jdbc.sql("select * from driving_agreement where id = :id for update").param("id", id)
                .query(this::agreement).optional()
                .orElseThrow(() -> new InvalidDriving("id", "driving.agreement.invalid.unknown"));
        if (agreement.status() != Agreement.Status.IN_FORCE) {
            throw new InvalidDriving("id", "driving.agreement.invalid.notInForce");
        }
        jdbc.sql("update driving_agreement set ended_at = :now where id = :id").param("now", Timestamp.from(clock.instant()))
                .param("id", id).update();
        audit.record(AuditEntry.Type.DRIVING_AGREEMENT_ENDED, by, "agreement #" + id, null, "ended without a successor");
    }

    /** The draft, locked until the end of the transaction, so a change, a discard and a consent never cross. */
    private Agreement draftOrRefuse(long id) {
        Agreement agreement = jdbc.sql("select * from driving_agreement where id = :id for update").param("id", id)
                .query(this::agreement).optional()
                .orElseThrow(() -> new InvalidDriving("id", "driving.agreement.invalid.unknown"));
        if (agreement.status() != Agreement.Status.DRAFT) {
            throw new InvalidDriving("id", "driving.agreement.invalid.notDraft");
        }
        return agreement;
    }

    private static void check(Draft draft) {
        if (draft.purpose() == null || draft.purpose().isBlank()) {
            throw new InvalidDriving("purpose", "driving.agreement.invalid.purpose");
        }
        if (draft.purpose().strip().length() > 4000) {
            throw new InvalidDriving("purpose", "driving.agreement.invalid.purposeLength");
        }
        if (draft.metrics() == null || draft.metrics().isEmpty()) {
            throw new InvalidDriving("metrics", "driving.agreement.invalid.metrics");
        }
        if (draft.retentionDays() == null || draft.retentionDays() < MIN_RETENTION_DAYS
                || draft.retentionDays() > MAX_RETENTION_DAYS) {
            throw new InvalidDriving("retentionDays", "driving.agreement.invalid.retention", MIN_RETENTION_DAYS,
                    MAX_RETENTION_DAYS);
        }
        for (Metric m : draft.metrics()) {
            Integer w = draft.weights() == null ? null : draft.weights().get(m);
            if (w == null || w < 0 || w > 100) {
                throw new InvalidDriving("weight" + m.name(), "driving.agreement.invalid.weight");
            }
        }
        for (Metric.Score score : Metric.Score.values()) {
            boolean collected = draft.metrics().stream().anyMatch(m -> m.score() == score);
            int total = draft.metrics().stream().filter(m -> m.score() == score).mapToInt(m -> draft.weights().get(m)).sum();
            if (collected && total == 0) {
                throw new InvalidDriving("weights", "driving.agreement.invalid.weightsZero");
            }
        }
    }

    private static Map<Metric, Integer> weights(Draft draft) {
        Map<Metric, Integer> weights = new EnumMap<>(Metric.class);
        for (Metric m : draft.metrics()) {
            weights.put(m, draft.weights().get(m));
        }
        return weights;
    }

    private static String metrics(Set<Metric> metrics) {
        return metrics.stream().sorted().map(Metric::name).collect(Collectors.joining(","));
    }

    private static String summary(Draft draft) {
        return "metrics " + metrics(draft.metrics()) + "; team figures " + draft.teamAggregate() + "; planner "
                + draft.plannerIndividual() + "; management " + draft.managementIndividual() + "; leaderboard "
                + draft.leaderboard() + "; kept " + draft.retentionDays() + " days";
    }

    private Agreement agreement(ResultSet rs, int row) throws SQLException {
        Timestamp consentAt = rs.getTimestamp("consent_recorded_at");
        Timestamp ended = rs.getTimestamp("ended_at");
        java.sql.Date consentOn = rs.getDate("consent_on");
        return new Agreement(rs.getLong("id"), rs.getString("purpose"), Metric.parse(rs.getString("metrics")),
                rs.getBoolean("team_aggregate"), rs.getBoolean("planner_individual"), rs.getBoolean("management_individual"),
                rs.getBoolean("leaderboard"), rs.getInt("retention_days"), Agreement.parseWeights(rs.getString("weights")),
                rs.getString("drafted_by"), rs.getTimestamp("drafted_at").toInstant(),
                consentOn == null ? null : consentOn.toLocalDate(), rs.getString("consent_recorded_by"),
                ended == null ? null : ended.toInstant());
    }

    Instant now() {
        return clock.instant();
    }
}
