package nl.meedenken.scan.internal;

import nl.meedenken.TestPeople;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.organisation.internal.PersonDetails;
import nl.meedenken.organisation.internal.Teams;
import nl.meedenken.platform.Language;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.delivery.DeliveryChoices;
import nl.meedenken.platform.delivery.FakeSmsGateway;
import nl.meedenken.platform.delivery.Kind;
import nl.meedenken.scan.RoleGroup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scan reminder by text message reaches exactly those it asks who have not answered, as a real SMS
 * gateway (the test's own) sees it; no row in the queue or the bell says who they were.
 */
@SpringBootTest(properties = {"meedenken.sms.provider=http", "meedenken.embedded.database=smsreminders",
        // no quiet hours in this test, whatever the time it runs at
        "meedenken.delivery.quiet-from=00:00", "meedenken.delivery.quiet-until=00:00"})
class ScanReminderBySmsTest {

    static final FakeSmsGateway GATEWAY = new FakeSmsGateway();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("meedenken.sms.url", () -> GATEWAY.url("/send"));
    }

    @AfterAll
    static void stop() {
        GATEWAY.close();
    }

    @Autowired
    ScanNotices notices;
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
    DeliveryChoices choices;
    @Autowired
    JdbcClient jdbc;

    private final Random random = new Random();

    @RepeatedTest(3)
    void theReminderTextReachesOnlyThoseWhoHaveNotAnswered() {
        GATEWAY.received.clear();
        long team = TestPeople.team(teams);
        Map<Long, String> phones = new HashMap<>();
        for (int i = 0, n = 5 + random.nextInt(6); i < n; i++) {
            String number = TestPeople.uniqueNumber();
            String digits = String.format("%08d", random.nextInt(100_000_000));
            long id = people.register(new PersonDetails(number, "Sms " + number, Language.NL, null, "06" + digits, team,
                    null, Set.of(Role.DRIVER)), "test").value();
            accounts.openWithPassword(id, "login" + number.toLowerCase(), "secret-password-1");
            choices.save(id, Map.of(Kind.SCAN, Set.of("sms")));
            phones.put(id, "+316" + digits);
        }
        long campaign = campaigns.create(new Campaigns.Draft("Sms-peiling " + TestPeople.uniqueNumber(),
                LocalDate.now().minusDays(6), LocalDate.now().plusDays(1), 5, List.of(), List.of(team)), "test");
        campaigns.open(campaign, "test");
        List<Long> asked = new ArrayList<>(phones.keySet());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            long person = asked.get(i);
            if (i == 0 || (i != 1 && random.nextBoolean())) {
                var started = answering.startWithAccount(campaign, person, team, null, "nl");
                answering.profile(started.token(), null, RoleGroup.DRIVER, List.of());
                Campaign c = campaigns.find(campaign).orElseThrow();
                Map<String, Integer> all = new HashMap<>();
                questions.itemCodes(c).forEach(code -> all.put(code, 1 + random.nextInt(5)));
                answering.answer(started.token(), questions.itemCodes(c), all);
                answering.submit(started.token(), Map.of(), person);
            } else {
                expected.add(phones.get(person));
            }
        }
        long queued = jdbc.sql("select count(*) from delivery").query(Long.class).single();

        notices.remindDue();

        assertThat(GATEWAY.received).extracting(FakeSmsGateway.Received::to).as("the non-answerers, each once")
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(GATEWAY.received).allSatisfy(sms -> assertThat(sms.text()).contains("/scan"));
        assertThat(jdbc.sql("select count(*) from delivery").query(Long.class).single())
                .as("nothing waits in the queue that names them").isEqualTo(queued);
        assertThat(jdbc.sql("select count(*) from notification where message = 'scan.notify.reminder'")
                .query(Long.class).single()).isZero();
        campaigns.close(campaign, "test");
    }
}
