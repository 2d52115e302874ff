package nl.meedenken.scan.internal;

import nl.meedenken.TestPeople;
import nl.meedenken.organisation.People;
import nl.meedenken.platform.Role;
import nl.meedenken.scan.RoleGroup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sheets reach the results only in shuffled batches of at least k, in a transaction of their
 * own, and all of them when the campaign closes (ADR 0013).
 */
@SpringBootTest
class SheetReleaseTest {

    @Autowired
    Campaigns campaigns;
    @Autowired
    Answering answering;
    @Autowired
    SheetRelease release;
    @Autowired
    TallyRebuild rebuild;
    @Autowired
    Results results;
    @Autowired
    Questions questions;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;

    private long openCampaign(int k) {
        long id = campaigns.create(new Campaigns.Draft("Batches " + System.nanoTime(), LocalDate.now(),
                LocalDate.now().plusDays(10), k, List.of(), List.of()), "test");
        campaigns.open(id, "test");
        return id;
    }

    /**
     * One employee sends a sheet through the answer pages' service. The sheet's first two
     * statements carry {@code n} (0..24), so its place in the results can be recognised.
     */
    private void send(long campaign, int n, String open) {
        long person = TestPeople.person(people, "Batch " + n, Set.of(Role.DRIVER));
        var started = answering.startWithAccount(campaign, person, null, null, "nl");
        List<String> items = questions.itemCodes(campaigns.find(campaign).orElseThrow());
        Map<String, Integer> answers = new HashMap<>();
        items.forEach(code -> answers.put(code, 3));
        answers.put(items.get(0), 1 + n % 5);
        answers.put(items.get(1), 1 + n / 5);
        answering.profile(started.token(), null, RoleGroup.DRIVER, List.of());
        answering.answer(started.token(), items, answers);
        answering.submit(started.token(), open == null ? Map.of() : Map.of("works_well", open), person);
    }

    private int released(long campaign) {
        return jdbc.sql("select count(*) from scan_response where campaign_id = :c").param("c", campaign)
                .query(Integer.class).single();
    }

    private int counted(long campaign) {
        return jdbc.sql("select coalesce(sum(responses), 0) from scan_group_count where campaign_id = :c")
                .param("c", campaign).query(Integer.class).single();
    }

    private int talliedFirstItem(long campaign) {
        String first = questions.itemCodes(campaigns.find(campaign).orElseThrow()).get(0);
        return jdbc.sql("select coalesce(sum(answers), 0) from scan_tally where campaign_id = :c and item_code = :i")
                .param("c", campaign).param("i", first).query(Integer.class).single();
    }

    /** The numbers the released sheets of a campaign carry, in the physical order of their rows. */
    private List<Integer> physicalOrder(long campaign) {
        List<String> items = questions.itemCodes(campaigns.find(campaign).orElseThrow());
        return jdbc.sql("select answers::text from scan_response where campaign_id = :c order by ctid")
                .param("c", campaign).query(String.class).list().stream()
                .map(json -> Instruments.JSON.readValue(json, new TypeReference<Map<String, Integer>>() {
                }))
                .map(a -> (a.get(items.get(0)) - 1) + 5 * (a.get(items.get(1)) - 1)).toList();
    }

    @Test
    void resultsHoldNothingUntilKSheetsWaitThenWholeBatchesAndClosingReleasesTheRest() {
        long campaign = openCampaign(5);
        for (int n = 0; n < 4; n++) {
            send(campaign, n, "Goed team " + n);
        }
        assertThat(release.releaseReady()).isGreaterThanOrEqualTo(0);
        assertThat(released(campaign)).as("four sheets are fewer than k").isZero();
        assertThat(counted(campaign)).isZero();
        assertThat(talliedFirstItem(campaign)).isZero();
        assertThat(jdbc.sql("select count(*) from scan_open_answer where campaign_id = :c").param("c", campaign)
                .query(Integer.class).single()).isZero();
        assertThat(campaigns.responses(campaign)).as("the live count includes waiting sheets").isEqualTo(4);

        send(campaign, 4, null);
        release.releaseReady();
        assertThat(released(campaign)).as("one batch of five").isEqualTo(5);
        assertThat(counted(campaign)).isEqualTo(5);
        assertThat(talliedFirstItem(campaign)).isEqualTo(5);
        assertThat(release.pending(campaign)).isZero();
        assertThat(jdbc.sql("select count(*) from scan_open_answer where campaign_id = :c").param("c", campaign)
                .query(Integer.class).single()).isEqualTo(4);

        for (int n = 5; n < 8; n++) {
            send(campaign, n, null);
        }
        release.releaseReady();
        assertThat(released(campaign)).as("three more wait for two others").isEqualTo(5);
        assertThat(campaigns.responses(campaign)).isEqualTo(8);

        String firstBatch = jdbc.sql("select min(xmin::text) from scan_response where campaign_id = :c")
                .param("c", campaign).query(String.class).single();
        campaigns.close(campaign, "test");
        assertThat(release.pending(campaign)).as("closing releases everything").isZero();
        assertThat(released(campaign)).isEqualTo(8);
        assertThat(jdbc.sql("select distinct xmin::text from scan_response where campaign_id = :c")
                .param("c", campaign).query(String.class).list())
                .as("closing wrote every sheet again: the batch of five and the last three no longer show")
                .hasSize(1).doesNotContain(firstBatch);
        assertThat(jdbc.sql("select count(distinct xmin::text) from scan_open_answer where campaign_id = :c")
                .param("c", campaign).query(Integer.class).single()).isEqualTo(1);
        assertThat(counted(campaign)).isEqualTo(8);
        assertThat(talliedFirstItem(campaign)).isEqualTo(8);
        assertThat(campaigns.responses(campaign)).isEqualTo(8);
        assertThat(results.tallies(campaign).distribution(
                questions.itemCodes(campaigns.find(campaign).orElseThrow()).get(1), GroupKey.EVERYONE))
                .containsExactly(5, 3, 0, 0, 0);
    }

    @Test
    void theTotalsRecountedFromTheSheetsAreTheTotalsTheReleaseWrote() {
        long campaign = openCampaign(3);
        for (int n = 0; n < 7; n++) {
            send(campaign, n, null);
        }
        campaigns.close(campaign, "test");
        String before = jdbc.sql("""
                        select string_agg(item_code || team_id || role_group || value || ':' || answers, ','
                                          order by item_code, team_id, role_group, value)
                        from scan_tally where campaign_id = :c
                        """).param("c", campaign).query(String.class).single();
        rebuild.rebuild(campaign);
        String after = jdbc.sql("""
                        select string_agg(item_code || team_id || role_group || value || ':' || answers, ','
                                          order by item_code, team_id, role_group, value)
                        from scan_tally where campaign_id = :c
                        """).param("c", campaign).query(String.class).single();
        assertThat(after).isEqualTo(before);
        assertThat(counted(campaign)).isEqualTo(7);
    }

    /**
     * Four batches of 10: each batch holds exactly the sheets sent, and the rows are not in the
     * order they were sent. Judged on the number of inversions over all batches, which for
     * random orders is 90 on average with a standard deviation of about 11; the order sent gives
     * 0 and the reverse 180. The bounds lie 6 standard deviations away, so a correct shuffle
     * fails here about once in a billion runs.
     */
    @Test
    void theRowsOfABatchAreAShuffleOfTheSheetsNotTheOrderTheyWereSent() {
        int inversions = 0;
        for (int batch = 0; batch < 4; batch++) {
            long campaign = openCampaign(5);
            for (int n = 0; n < 10; n++) {
                send(campaign, n, null);
            }
            release.releaseReady();
            List<Integer> order = physicalOrder(campaign);
            assertThat(order).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
            for (int i = 0; i < order.size(); i++) {
                for (int j = i + 1; j < order.size(); j++) {
                    if (order.get(i) > order.get(j)) {
                        inversions++;
                    }
                }
            }
        }
        assertThat(inversions).isBetween(23, 157);
    }

    @Test
    void releasedRowsWereNotWrittenInTheTransactionThatRecordedTheParticipation() {
        long campaign = openCampaign(3);
        for (int n = 0; n < 3; n++) {
            send(campaign, n, "Open " + n);
        }
        release.releaseReady();
        List<String> participations = jdbc.sql("select xmin::text from scan_participation where campaign_id = :c")
                .param("c", campaign).query(String.class).list();
        assertThat(participations).hasSize(3);
        List<String> written = new ArrayList<>();
        for (String table : List.of("scan_response", "scan_tally", "scan_group_count", "scan_open_answer")) {
            written.addAll(jdbc.sql("select xmin::text from " + table + " where campaign_id = :c")
                    .param("c", campaign).query(String.class).list());
        }
        assertThat(written).isNotEmpty().doesNotContainAnyElementsOf(participations);
        assertThat(written).as("one release transaction for the whole batch").containsOnly(written.get(0));
    }

    @Test
    void noScanTableHoldsATimeFinerThanADayWrittenBySendingASheet() {
        long campaign = openCampaign(3);
        long person = TestPeople.person(people, "Dag", Set.of(Role.DRIVER));
        var started = answering.startWithAccount(campaign, person, null, null, "nl");
        assertThat(jdbc.sql("select expires_on from scan_draft where campaign_id = :c").param("c", campaign)
                .query(LocalDate.class).single()).as("the draft keeps a day, a week on")
                .isEqualTo(LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(Answering.DRAFT_DAYS));
        List<String> items = questions.itemCodes(campaigns.find(campaign).orElseThrow());
        Map<String, Integer> answers = new HashMap<>();
        items.forEach(code -> answers.put(code, 2));
        answering.profile(started.token(), null, RoleGroup.WAREHOUSE, List.of());
        answering.answer(started.token(), items, answers);
        answering.submit(started.token(), Map.of(), person);
        String submit = jdbc.sql("select xmin::text from scan_participation where campaign_id = :c")
                .param("c", campaign).query(String.class).single();

        List<String[]> timeColumns = jdbc.sql("""
                        select table_name, column_name from information_schema.columns
                        where table_schema = current_schema() and table_name like 'scan\\_%'
                          and (data_type like 'timestamp%' or data_type like 'time %' or data_type = 'interval')
                        order by table_name, column_name
                        """).query((rs, i) -> new String[]{rs.getString(1), rs.getString(2)}).list();
        assertThat(timeColumns.stream().map(c -> c[0] + "." + c[1]))
                .as("times only of campaigns (not of sheets), of management's batches of codes (asked, co-signed,"
                        + " printed: before any code exists), of failed code attempts (not linked to a code) and of a"
                        + " campaign's opened and reminder notices (sent to many at once by the morning job)")
                .containsExactlyInAnyOrder("scan_campaign.created_at", "scan_campaign.opened_at",
                        "scan_campaign.closed_at", "scan_code_attempt.occurred_at", "scan_code_batch.requested_at",
                        "scan_code_batch.cosigned_at", "scan_code_batch.printed_at", "scan_campaign_notice.sent_at");
        for (String table : timeColumns.stream().map(c -> c[0]).distinct().toList()) {
            assertThat(jdbc.sql("select count(*) from " + table + " where xmin::text = :x").param("x", submit)
                    .query(Integer.class).single()).as(table + " rows written by sending the sheet").isZero();
        }
    }
}
