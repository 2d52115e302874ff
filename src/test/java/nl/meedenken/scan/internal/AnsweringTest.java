package nl.meedenken.scan.internal;

import nl.meedenken.TestPeople;
import nl.meedenken.organisation.People;
import nl.meedenken.platform.Role;
import nl.meedenken.scan.RoleGroup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@SpringBootTest
class AnsweringTest {

    @Autowired
    Campaigns campaigns;
    @Autowired
    Answering answering;
    @Autowired
    ParticipationCodes codes;
    @Autowired
    Questions questions;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;

    private long openCampaign() {
        long id = campaigns.create(new Campaigns.Draft("Test " + System.nanoTime(), LocalDate.now(),
                LocalDate.now().plusDays(10), 5, List.of(), List.of()), "test");
        campaigns.open(id, "test");
        return id;
    }

    private Map<String, Integer> all(long campaignId, int value) {
        Map<String, Integer> answers = new HashMap<>();
        questions.itemCodes(campaigns.find(campaignId).orElseThrow()).forEach(code -> answers.put(code, value));
        return answers;
    }

    private void fillIn(String token, long campaignId, int value) {
        answering.profile(token, null, RoleGroup.DRIVER, List.of());
        answering.answer(token, questions.itemCodes(campaigns.find(campaignId).orElseThrow()), all(campaignId, value));
    }

    /** Sheets sent, whether still pending or released into the results. */
    private int sheets(long campaignId) {
        return jdbc.sql("""
                        select (select count(*) from scan_response where campaign_id = :id)
                             + (select count(*) from scan_pending_sheet where campaign_id = :id)
                        """).param("id", campaignId)
                .query(Integer.class).single();
    }

    @Test
    void aCodeGivesExactlyOneAnswerSheet() {
        long campaign = openCampaign();
        String code = codes.issue(campaign, 1, "http://x/scan/answer").get(0).code();
        var started = answering.startWithCode(code.toLowerCase(), "nl", "10.7.0.1");
        fillIn(started.token(), campaign, 4);
        answering.submit(started.token(), Map.of("works_well", "De sfeer"), null);
        assertThat(sheets(campaign)).isEqualTo(1);

        var again = catchThrowableOfType(InvalidScanInput.class, () -> answering.startWithCode(code, "nl", "10.7.0.1"));
        assertThat(again.messageKey()).as("used and unknown codes get the same answer")
                .isEqualTo("scan.answer.error.codeUnknown");
        assertThat(sheets(campaign)).isEqualTo(1);
    }

    @Test
    void sendingTheSameSheetTwiceStoresItOnce() {
        long campaign = openCampaign();
        String code = codes.issue(campaign, 1, "http://x").get(0).code();
        var started = answering.startWithCode(code, "nl", "10.7.0.2");
        fillIn(started.token(), campaign, 3);
        answering.submit(started.token(), Map.of(), null);
        var replay = catchThrowableOfType(InvalidScanInput.class,
                () -> answering.submit(started.token(), Map.of(), null));
        assertThat(replay.messageKey()).isEqualTo("scan.answer.error.expired");
        assertThat(sheets(campaign)).isEqualTo(1);
    }

    @Test
    void twoDevicesWithTheSameCodeStoreOnlyOneSheet() {
        long campaign = openCampaign();
        String code = codes.issue(campaign, 1, "http://x").get(0).code();
        var first = answering.startWithCode(code, "nl", "10.7.0.3");
        var second = answering.startWithCode(code, "en", "10.7.0.3");
        fillIn(first.token(), campaign, 2);
        fillIn(second.token(), campaign, 5);
        answering.submit(first.token(), Map.of(), null);
        var refused = catchThrowableOfType(InvalidScanInput.class,
                () -> answering.submit(second.token(), Map.of(), null));
        assertThat(refused.messageKey()).isEqualTo("scan.answer.error.codeUsed");
        assertThat(sheets(campaign)).isEqualTo(1);
    }

    @Test
    void anEmployeeAnswersOnceAndTheAnswerCannotBeTracedToThem() {
        long campaign = openCampaign();
        long person = TestPeople.person(people, "Saar Scan", Set.of(Role.DRIVER));
        var started = answering.startWithAccount(campaign, person, null, null, "nl");
        fillIn(started.token(), campaign, 4);
        answering.submit(started.token(), Map.of(), person);
        assertThat(answering.hasAnswered(campaign, person)).isTrue();
        var second = catchThrowableOfType(InvalidScanInput.class,
                () -> answering.startWithAccount(campaign, person, null, null, "nl"));
        assertThat(second.messageKey()).isEqualTo("scan.answer.error.alreadyAnswered");

        // the sheet has no person, no code and no time; participation has the day only
        List<String> sheetColumns = jdbc.sql("""
                select column_name from information_schema.columns where table_name = 'scan_response'
                """).query(String.class).list();
        assertThat(sheetColumns).containsExactlyInAnyOrder("id", "campaign_id", "team_id", "role_group", "language",
                "answers");
        List<String> participationColumns = jdbc.sql("""
                select column_name from information_schema.columns where table_name = 'scan_participation'
                """).query(String.class).list();
        assertThat(participationColumns).containsExactlyInAnyOrder("campaign_id", "participant", "answered_on");
        String stored = jdbc.sql("select participant from scan_participation where campaign_id = :c")
                .param("c", campaign).query(String.class).single();
        assertThat(stored).as("not the person's id, but a keyed hash").matches("[0-9a-f]{64}")
                .isNotEqualTo(String.valueOf(person));
        assertThat(jdbc.sql("select count(*) from scan_draft where campaign_id = :c").param("c", campaign)
                .query(Long.class).single()).as("the draft is gone").isZero();
    }

    @Test
    void aSheetWithUnansweredStatementsIsRefusedAndKeepsWhatWasGiven() {
        long campaign = openCampaign();
        String code = codes.issue(campaign, 1, "http://x").get(0).code();
        var started = answering.startWithCode(code, "nl", "10.7.0.4");
        answering.profile(started.token(), null, RoleGroup.WAREHOUSE, List.of());
        List<String> items = questions.itemCodes(campaigns.find(campaign).orElseThrow());
        var missing = catchThrowableOfType(Answering.MissingAnswers.class,
                () -> answering.answer(started.token(), items, Map.of(items.get(0), 5)));
        assertThat(missing.items()).hasSize(items.size() - 1);
        assertThat(answering.draft(started.token()).orElseThrow().answers()).containsEntry(items.get(0), 5);
        assertThat(catchThrowableOfType(Answering.MissingAnswers.class,
                () -> answering.submit(started.token(), Map.of(), null))).isNotNull();
        assertThat(sheets(campaign)).isZero();
    }

    @Test
    void guessingCodesIsStoppedAfterTwentyWrongTries() {
        long campaign = openCampaign();
        String real = codes.issue(campaign, 1, "http://x").get(0).code();
        for (int i = 0; i < 20; i++) {
            catchThrowableOfType(InvalidScanInput.class, () -> answering.startWithCode("WRONG-CODE-" + Math.random(),
                    "nl", "10.7.9.9"));
        }
        var stopped = catchThrowableOfType(InvalidScanInput.class, () -> answering.startWithCode(real, "nl", "10.7.9.9"));
        assertThat(stopped.messageKey()).isEqualTo("scan.answer.error.tooManyAttempts");
        assertThat(answering.startWithCode(real, "nl", "10.7.9.10")).isNotNull();
    }

    @Test
    void aClosedCampaignTakesNoMoreAnswers() {
        long campaign = openCampaign();
        String code = codes.issue(campaign, 1, "http://x").get(0).code();
        var started = answering.startWithCode(code, "nl", "10.7.0.5");
        fillIn(started.token(), campaign, 3);
        campaigns.close(campaign, "test");
        var refused = catchThrowableOfType(InvalidScanInput.class, () -> answering.submit(started.token(), Map.of(), null));
        assertThat(refused.messageKey()).isEqualTo("scan.answer.error.closed");
        assertThat(sheets(campaign)).isZero();
    }

    @Test
    void twoHundredPeopleSendingAtTheSameTimeAreAllStored() throws Exception {
        long campaign = openCampaign();
        List<ParticipationCodes.Slip> slips = codes.issue(campaign, 200, "http://x");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < slips.size(); i++) {
            var started = answering.startWithCode(slips.get(i).code(), "nl", "10.8." + (i / 250) + "." + (i % 250));
            fillIn(started.token(), campaign, 1 + i % 5);
            tokens.add(started.token());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Void>> sends = new ArrayList<>();
            for (String token : tokens) {
                sends.add(() -> {
                    answering.submit(token, Map.of(), null);
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(sends)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(sheets(campaign)).isEqualTo(200);
        assertThat(campaigns.responses(campaign)).isEqualTo(200);
        assertThat(codes.counts(campaign)).containsEntry("used", 200L);
    }
}
