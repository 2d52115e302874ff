package nl.meedenken.scan.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Moves sent sheets from {@code scan_pending_sheet} into the results tables (ADR 0013). A sheet is
 * written there in the transaction that marks the code used or records the participation; here
 * the sheets of a campaign are released in batches of at least the campaign's minimum group
 * size, shuffled, in a transaction of their own, so that neither the transaction number nor the
 * order of the rows in the results tables leads back to that transaction. Closing a campaign
 * releases whatever is left, in the closing transaction.
 */
@Service
public class SheetRelease {

    static final String TASK = "scan-sheet-release";
    /** The most sheets one batch moves; large bursts are moved in several batches of this size. */
    static final int MAX_BATCH = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    SheetRelease(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * What the job does: for every campaign with sheets waiting, releases batches of at least its
     * minimum group size (all of them once it is closed), each campaign in a transaction of its own.
     *
     * @return how many sheets were released
     */
    public int releaseReady() {
        List<Long> waiting = jdbc.sql("select distinct campaign_id from scan_pending_sheet").query(Long.class).list();
        int released = 0;
        for (long campaignId : waiting) {
            Integer moved = transaction.execute(status -> releaseReady(campaignId));
            released += moved == null ? 0 : moved;
        }
        return released;
    }

    private int releaseReady(long campaignId) {
        // the campaign row is the lock: one release at a time, and closing waits for it (and it for closing)
        Optional<CampaignState> campaign = jdbc.sql("select status, min_group_size from scan_campaign where id = :c for update")
                .param("c", campaignId)
                .query((rs, i) -> new CampaignState(rs.getString(1), rs.getInt(2))).optional();
        if (campaign.isEmpty()) {
            return 0;
        }
        if ("CLOSED".equals(campaign.get().status())) {
            return releaseAllLocked(campaignId);
        }
        int k = Math.max(campaign.get().k(), Campaigns.LOWEST_MIN_GROUP);
        int released = 0;
        while (true) {
            List<String> batch = chooseBatch(campaignId);
            if (batch.size() < k) {
                return released;
            }
            released += move(campaignId, batch);
        }
    }

    /**
     * Releases every sheet still waiting, whatever their number, and then writes all sheets and
     * open answers of the campaign again, in one new random order with new random ids. Called by
     * closing, in its transaction, after the status changed (which holds the campaign row's lock).
     * The last batch may be smaller than k; rewriting everything gives every sheet of the closed
     * campaign the closing transaction's number, so neither the batches nor their order remain
     * visible in the tables.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int releaseAll(long campaignId) {
        int released = releaseAllLocked(campaignId);
        // gen_random_uuid() draws from the strong random source: the sort order cannot be predicted
        jdbc.sql("""
                        with gone as (delete from scan_response where campaign_id = :c
                                      returning campaign_id, team_id, role_group, language, answers)
                        insert into scan_response (id, campaign_id, team_id, role_group, language, answers)
                        select gen_random_uuid(), campaign_id, team_id, role_group, language, answers
                        from gone order by gen_random_uuid()
                        """).param("c", campaignId).update();
        jdbc.sql("""
                        with gone as (delete from scan_open_answer where campaign_id = :c
                                      returning campaign_id, question, team_id, role_group, text)
                        insert into scan_open_answer (id, campaign_id, question, team_id, role_group, text)
                        select gen_random_uuid(), campaign_id, question, team_id, role_group, text
                        from gone order by gen_random_uuid()
                        """).param("c", campaignId).update();
        return released;
    }

    private int releaseAllLocked(long campaignId) {
        int released = 0;
        while (true) {
            List<String> batch = chooseBatch(campaignId);
            if (batch.isEmpty()) {
                return released;
            }
            released += move(campaignId, batch);
        }
    }

    /** How many sheets of the campaign wait to be released. */
    @Transactional(readOnly = true)
    public int pending(long campaignId) {
        return jdbc.sql("select count(*) from scan_pending_sheet where campaign_id = :c").param("c", campaignId)
                .query(Integer.class).single();
    }

    /** A random choice of at most {@link #MAX_BATCH} waiting sheets, in random order. */
    private List<String> chooseBatch(long campaignId) {
        List<String> ids = new ArrayList<>(jdbc.sql("select id::text from scan_pending_sheet where campaign_id = :c")
                .param("c", campaignId).query(String.class).list());
        Collections.shuffle(ids, RANDOM);
        return ids.size() > MAX_BATCH ? List.copyOf(ids.subList(0, MAX_BATCH)) : ids;
    }

    /**
     * Writes the batch into the results tables in the given (shuffled) order with new random ids,
     * the open answers in an order of their own, and the totals in one statement each.
     */
    private int move(long campaignId, List<String> batch) {
        String[] order = batch.toArray(String[]::new);
        List<String> reshuffled = new ArrayList<>(batch);
        Collections.shuffle(reshuffled, RANDOM);
        jdbc.sql("""
                        insert into scan_response (id, campaign_id, team_id, role_group, language, answers)
                        select gen_random_uuid(), p.campaign_id, p.team_id, p.role_group, p.language, p.answers
                        from unnest(cast(:ids as uuid[])) with ordinality as b(id, n)
                        join scan_pending_sheet p on p.id = b.id
                        order by b.n
                        """)
                .param("ids", order).update();
        jdbc.sql("""
                        insert into scan_open_answer (id, campaign_id, question, team_id, role_group, text)
                        select gen_random_uuid(), p.campaign_id, o.key, coalesce(p.team_id, 0), p.role_group, o.value
                        from unnest(cast(:ids as uuid[])) with ordinality as b(id, n)
                        join scan_pending_sheet p on p.id = b.id, jsonb_each_text(p.open) o
                        where o.value <> ''
                        order by b.n, random()
                        """)
                .param("ids", reshuffled.toArray(String[]::new)).update();
        jdbc.sql("""
                        insert into scan_tally (campaign_id, item_code, team_id, role_group, value, answers)
                        select p.campaign_id, a.key, coalesce(p.team_id, 0), p.role_group, a.value::int, count(*)
                        from scan_pending_sheet p, jsonb_each_text(p.answers) a
                        where p.id = any(cast(:ids as uuid[]))
                        group by p.campaign_id, a.key, coalesce(p.team_id, 0), p.role_group, a.value::int
                        on conflict (campaign_id, item_code, team_id, role_group, value)
                        do update set answers = scan_tally.answers + excluded.answers
                        """)
                .param("ids", order).update();
        jdbc.sql("""
                        insert into scan_group_count (campaign_id, team_id, role_group, responses)
                        select p.campaign_id, coalesce(p.team_id, 0), p.role_group, count(*)
                        from scan_pending_sheet p where p.id = any(cast(:ids as uuid[]))
                        group by p.campaign_id, coalesce(p.team_id, 0), p.role_group
                        on conflict (campaign_id, team_id, role_group)
                        do update set responses = scan_group_count.responses + excluded.responses
                        """)
                .param("ids", order).update();
        // sheets by paper code are counted here, with the batch, not when each is sent (the campaign row
        // is only share-locked by senders; a write there from each of them would deadlock)
        jdbc.sql("""
                        update scan_campaign set code_sheets = code_sheets + (select count(*) from scan_pending_sheet p
                                                   where p.id = any(cast(:ids as uuid[])) and p.by_code)
                        where id = :c
                        """)
                .param("ids", order).param("c", campaignId).update();
        int moved = jdbc.sql("delete from scan_pending_sheet where id = any(cast(:ids as uuid[])) and campaign_id = :c")
                .param("ids", order).param("c", campaignId).update();
        if (moved != batch.size()) {
            throw new IllegalStateException("a batch of " + batch.size() + " sheets moved " + moved);
        }
        return moved;
    }

    private record CampaignState(String status, int k) {
    }

    @Configuration(proxyBeanMethods = false)
    static class Job {
        @Bean
        RecurringTask<Void> scanSheetRelease(SheetRelease release) {
            return Tasks.recurring(TASK, FixedDelay.of(Duration.ofMinutes(5)))
                    .execute((instance, context) -> release.releaseReady());
        }
    }
}
