package nl.meedenken.scan.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recounts the running totals of a campaign from its answer sheets. Normally the totals
 * are kept up to date with every sheet; this repairs them after a bulk load or a doubt.
 */
@Service
public class TallyRebuild {

    private final JdbcClient jdbc;

    TallyRebuild(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void rebuild(long campaignId) {
        jdbc.sql("delete from scan_tally where campaign_id = :c").param("c", campaignId).update();
        jdbc.sql("delete from scan_group_count where campaign_id = :c").param("c", campaignId).update();
        jdbc.sql("""
                        insert into scan_tally (campaign_id, item_code, team_id, role_group, value, answers)
                        select r.campaign_id, a.key, coalesce(r.team_id, 0), r.role_group, a.value::int, count(*)
                        from scan_response r, jsonb_each_text(r.answers) a
                        where r.campaign_id = :c
                        group by r.campaign_id, a.key, coalesce(r.team_id, 0), r.role_group, a.value::int
                        """).param("c", campaignId).update();
        jdbc.sql("""
                        insert into scan_group_count (campaign_id, team_id, role_group, responses)
                        select campaign_id, coalesce(team_id, 0), role_group, count(*) from scan_response
                        where campaign_id = :c group by campaign_id, coalesce(team_id, 0), role_group
                        """).param("c", campaignId).update();
    }
}
