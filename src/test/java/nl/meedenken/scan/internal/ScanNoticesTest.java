package nl.meedenken.scan.internal;

import nl.meedenken.TestNotices;
import nl.meedenken.TestPeople;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.organisation.internal.PersonDetails;
import nl.meedenken.organisation.internal.Teams;
import nl.meedenken.platform.Language;
import nl.meedenken.platform.Role;
import nl.meedenken.scan.CampaignId;
import nl.meedenken.scan.RoleGroup;
import nl.meedenken.scan.Scans;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.verify;

/**
 * A campaign tells the people it asks that it is open, and reminds exactly those who have not answered yet —
 * by e-mail here, the SMTP server being a test double — while nothing stored says who they were.
 */
@SpringBootTest
class ScanNoticesTest {

    @MockitoBean
    JavaMailSender mail;
    @Autowired
    ScanNotices notices;
    @Autowired
    Scans scans;
    @Autowired
    Campaigns campaigns;
    @Autowired
    Answering answering;
    @Autowired
    Questions questions;
    @Autowired
    People people;
    @Autowired
    Accounts accounts;
    @Autowired
    Teams teams;
    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.util.List<com.github.kagkarlsson.scheduler.task.helper.RecurringTask<?>> jobs;

    /** Runs a recurring job by hand, as db-scheduler would on one node (jobs are off in the tests). */
    private void runJob(String name) {
        runOnce(jobs.stream().filter(t -> t.getName().equals(name)).findFirst().orElseThrow());
    }

    private static <T> void runOnce(com.github.kagkarlsson.scheduler.task.helper.RecurringTask<T> job) {
        job.execute(job.instance(com.github.kagkarlsson.scheduler.task.helper.RecurringTask.INSTANCE), null);
    }

    private final Random random = new Random();

    private record Member(long id, String email) {
    }

    private Member member(long team, boolean account) {
        String number = TestPeople.uniqueNumber();
        String email = number.toLowerCase() + "@scan.example";
        long id = people.register(new PersonDetails(number, "Collega " + number, Language.NL, email, null, team, null,
                Set.of(Role.DRIVER)), "test").value();
        if (account) {
            accounts.openWithPassword(id, "login" + number.toLowerCase(), "secret-password-1");
        }
        return new Member(id, email);
    }

    private long campaign(long team, LocalDate opensOn, LocalDate closesOn) {
        long id = campaigns.create(new Campaigns.Draft("Peiling " + TestPeople.uniqueNumber(), opensOn, closesOn, 5,
                List.of(), List.of(team)), "test");
        campaigns.open(id, "test");
        return id;
    }

    private void answer(long campaign, Member member, long team) {
        var started = answering.startWithAccount(campaign, member.id(), team, null, "nl");
        answering.profile(started.token(), null, RoleGroup.DRIVER, List.of());
        Campaign c = campaigns.find(campaign).orElseThrow();
        Map<String, Integer> all = new HashMap<>();
        questions.itemCodes(c).forEach(code -> all.put(code, 1 + random.nextInt(5)));
        answering.answer(started.token(), questions.itemCodes(c), all);
        answering.submit(started.token(), Map.of(), member.id());
    }

    /** The addresses e-mailed since the last clear with a text containing all of these. */
    private List<String> mailedTo(String... containing) {
        ArgumentCaptor<SimpleMailMessage> sent = ArgumentCaptor.forClass(SimpleMailMessage.class);
        verify(mail, atLeast(0)).send(sent.capture());
        return sent.getAllValues().stream()
                .filter(m -> Arrays.stream(containing).allMatch(t -> m.getText() != null && m.getText().contains(t)))
                .flatMap(m -> Arrays.stream(m.getTo())).toList();
    }

    @Test
    void remindersFallHalfwayAndTwoDaysBeforeTheCloseAndAShortCampaignGetsTheLaterOnly() {
        LocalDate open = LocalDate.of(2026, 3, 2);
        LocalDate close = open.plusDays(14);
        assertThat(ScanNotices.dueOn(open, close, open)).isNull();
        assertThat(ScanNotices.dueOn(open, close, open.plusDays(6))).isNull();
        assertThat(ScanNotices.dueOn(open, close, open.plusDays(7))).isEqualTo(ScanNotices.Kind.HALFWAY);
        assertThat(ScanNotices.dueOn(open, close, open.plusDays(11))).isEqualTo(ScanNotices.Kind.HALFWAY);
        assertThat(ScanNotices.dueOn(open, close, open.plusDays(12))).isEqualTo(ScanNotices.Kind.TWO_DAYS);
        assertThat(ScanNotices.dueOn(open, close, close)).isEqualTo(ScanNotices.Kind.TWO_DAYS);
        assertThat(ScanNotices.dueOn(open, close, close.plusDays(1))).isNull();
        LocalDate shortClose = open.plusDays(3);
        assertThat(ScanNotices.dueOn(open, shortClose, open.plusDays(1))).isEqualTo(ScanNotices.Kind.TWO_DAYS);
    }

    @Test
    void openingTellsThePeopleWithAnAccountItAsksOnceAndARestrictedPulseOnlyWhenItsModuleAsks() {
        long team = TestPeople.team(teams);
        long other = TestPeople.team(teams);
        List<Member> withAccount = new ArrayList<>();
        List<Member> without = new ArrayList<>();
        for (int i = 0, n = 5 + random.nextInt(6); i < n; i++) {
            boolean account = random.nextBoolean();
            (account ? withAccount : without).add(member(team, account));
        }
        Member outsider = member(other, true);
        long opener = member(team, true).id();
        long campaign = campaign(team, LocalDate.now(), LocalDate.now().plusDays(10));

        assertThat(TestNotices.as(opener, () -> notices.opened(campaign, false))).isTrue();
        assertThat(notices.opened(campaign, false)).as("once").isFalse();
        for (Member m : withAccount) {
            assertThat(TestNotices.told(jdbc, m.id(), "scan.notify.opened", "/scan")).as("told once").isEqualTo(1);
        }
        for (Member m : without) {
            assertThat(TestNotices.told(jdbc, m.id(), "scan.notify.opened", "/scan")).isZero();
        }
        assertThat(TestNotices.told(jdbc, outsider.id(), "scan.notify.opened", "/scan")).isZero();
        assertThat(TestNotices.told(jdbc, opener, "scan.notify.opened", "/scan")).as("who opened it").isZero();
        campaigns.closeIfOpen(campaign, "test");

        // a restricted pulse (feedback about someone) is told only when its module asks
        CampaignId pulse = scans.startPulse(new Scans.PulseRequest("Kort " + TestPeople.uniqueNumber(), List.of(),
                List.of(new Scans.Statement("Het gaat goed.", "It goes well.")), List.of(other), null,
                LocalDate.now().plusDays(7), "test", "test", List.of(), true));
        assertThat(TestNotices.told(jdbc, outsider.id(), "scan.notify.opened", "/scan")).isZero();
        scans.tellAsked(pulse);
        scans.tellAsked(pulse);
        assertThat(TestNotices.told(jdbc, outsider.id(), "scan.notify.opened", "/scan")).isEqualTo(1);
        scans.close(pulse, "test");
    }

    @Test
    void theReminderReachesExactlyThoseWhoHaveNotAnsweredAndNothingStoredSaysWhoTheyWere() {
        long team = TestPeople.team(teams);
        List<Member> asked = new ArrayList<>();
        for (int i = 0, k = 5 + random.nextInt(8); i < k; i++) {
            asked.add(member(team, true));
        }
        // open for a week, closing tomorrow: the two-days reminder is due today
        long campaign = campaign(team, LocalDate.now().minusDays(6), LocalDate.now().plusDays(1));
        notices.opened(campaign, false);
        Set<Member> answered = new HashSet<>();
        for (Member m : asked) {
            // some answered, some not, and at least one of each
            boolean answers = m == asked.get(0) || (m != asked.get(1) && random.nextInt(3) > 0);
            if (answers) {
                answer(campaign, m, team);
                answered.add(m);
            }
        }
        String title = campaigns.find(campaign).orElseThrow().title();
        long auditBefore = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        long notificationsBefore = jdbc.sql("select count(*) from notification").query(Long.class).single();
        Mockito.clearInvocations(mail);

        runJob(ScanJobs.TASK);
        notices.remindDue();

        List<String> expected = asked.stream().filter(m -> !answered.contains(m)).map(Member::email).toList();
        assertThat(mailedTo(title, "nog open")).as("the non-answerers, each once")
                .containsExactlyInAnyOrderElementsOf(expected);

        // nothing stored per person: no bell entry, no audit entry, the notice table holds a count only
        assertThat(jdbc.sql("select count(*) from notification").query(Long.class).single())
                .as("no notification rows").isEqualTo(notificationsBefore);
        assertThat(jdbc.sql("select count(*) from notification where message = 'scan.notify.reminder'")
                .query(Long.class).single()).isZero();
        for (Member m : asked) {
            assertThat(jdbc.sql("select count(*) from notification where person_id = :p").param("p", m.id())
                    .query(Long.class).single()).as("answered or not, the same bell: the opening notice only")
                    .isEqualTo(1);
        }
        assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(auditBefore);
        assertThat(jdbc.sql("""
                        select column_name from information_schema.columns where table_name = 'scan_campaign_notice'
                        order by column_name""").query(String.class).list())
                .containsExactly("campaign_id", "kind", "people", "sent_at");
        assertThat(jdbc.sql("select kind || ':' || people from scan_campaign_notice where campaign_id = :c order by kind")
                .param("c", campaign).query(String.class).list())
                .containsExactly("OPENED:" + asked.size(), "TWO_DAYS:" + expected.size());
        for (String table : List.of("action_due_notice", "evaluation_session_notice", "transport_trip_seen")) {
            assertThat(jdbc.sql("select count(*) from information_schema.columns where table_name = :t"
                            + " and column_name in ('campaign_id', 'person_id', 'participant')")
                    .param("t", table).query(Long.class).single()).as(table + " knows no campaign").isZero();
        }
        // the participation stays the only link, and it is hashed
        assertThat(jdbc.sql("select count(*) from scan_participation where campaign_id = :c").param("c", campaign)
                .query(Long.class).single()).isEqualTo(answered.size());
        campaigns.closeIfOpen(campaign, "test");
    }
}
