package nl.meedenken.scan.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a closed campaign publishes. Decided once, the first time its results are asked
 * for after closing, from the final totals, and stored: every later page, trend, report and
 * export reads the same decision, even when departments are renamed, added or removed, so
 * a group hidden once stays hidden and nothing can be probed by asking again.
 * A campaign that is still open is decided afresh each time, but nothing of it is shown.
 */
@Component
class Publications {

    private final JdbcClient jdbc;
    private final TransactionTemplate separately;
    private final TransactionTemplate joined;

    Publications(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.joined = new TransactionTemplate(transactions);
    }

    /** The disclosure decision of the campaign over these totals. */
    Anonymity of(Campaign campaign, Tallies tallies, Collection<Long> teams) {
        if (campaign.status() != Campaign.Status.CLOSED) {
            return fresh(campaign, tallies, teams);
        }
        Map<GroupKey, Anonymity.Decision> stored = stored(campaign.id());
        if (stored.isEmpty()) {
            Anonymity decided = fresh(campaign, tallies, teams);
            // results are mostly read in read-only transactions: then the decision is stored in one of its own
            // (the campaign closed earlier); a second node deciding at the same moment decides the same, since
            // the decision is deterministic, and the first to store wins
            boolean readOnly = TransactionSynchronizationManager.isActualTransactionActive()
                    && TransactionSynchronizationManager.isCurrentTransactionReadOnly();
            (readOnly ? separately : joined).executeWithoutResult(status -> decided.decisions().forEach((group, decision) ->
                    jdbc.sql("""
                                    insert into scan_publication (campaign_id, group_key, figures, comments)
                                    values (:c, :g, :f, :comments) on conflict do nothing
                                    """)
                            .param("c", campaign.id()).param("g", Anonymity.canonical(group))
                            .param("f", decision.figures().name()).param("comments", decision.comments()).update()));
            stored = stored(campaign.id());
        }
        return Anonymity.decided(tallies.sheets(), campaign.minGroupSize(), stored);
    }

    private static Anonymity fresh(Campaign campaign, Tallies tallies, Collection<Long> teams) {
        return campaign.restricted()
                ? Anonymity.wholeGroupOnly(tallies.sheets(), campaign.minGroupSize())
                : new Anonymity(tallies.sheets(), teams, campaign.minGroupSize());
    }

    private Map<GroupKey, Anonymity.Decision> stored(long campaignId) {
        Map<GroupKey, Anonymity.Decision> decisions = new LinkedHashMap<>();
        jdbc.sql("select group_key, figures, comments from scan_publication where campaign_id = :c order by group_key")
                .param("c", campaignId)
                .query(rs -> {
                    decisions.put(Anonymity.parse(rs.getString(1)),
                            new Anonymity.Decision(Anonymity.Reason.valueOf(rs.getString(2)), rs.getBoolean(3)));
                });
        return decisions;
    }
}
