package nl.meedenken.platform.delivery;

import nl.meedenken.TestLogins;
import nl.meedenken.TestPeople;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.internal.PersonDetails;
import nl.meedenken.platform.Language;
import nl.meedenken.platform.Notifications;
import nl.meedenken.platform.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The delivery queue with a fake SMS gateway (the JSON adapter) and a test double for the mail server. Time is
 * a clock the test moves: each test starts on a day of its own some weeks ahead, so rows queued now are due.
 */
@SpringBootTest(properties = {"meedenken.sms.provider=http", "meedenken.sms.daily-cap=5"})
@AutoConfigureMockMvc
class DeliveriesTest {

    private static final FakeSmsGateway gateway = new FakeSmsGateway();
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("meedenken.sms.url", () -> gateway.url("/send"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @MockitoBean
    JavaMailSender mail;
    @Autowired
    Notifications notifications;
    @Autowired
    Deliveries deliveries;
    @Autowired
    DeliveryChoices choices;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    /** A moved clock: a day of the test's own, at a local time. */
    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toInstant();
    }

    private static LocalDate someDayAhead() {
        return LocalDate.now(ZONE).plusDays(30 + ThreadLocalRandom.current().nextInt(3000));
    }

    private record Someone(long id, String number) {
    }

    /** A person with a phone number (and an e-mail address when given) who chose SMS for challenges. */
    private Someone texter(String email) {
        String national = "06" + (10000000 + ThreadLocalRandom.current().nextInt(89999999));
        long id = people.register(new PersonDetails(TestPeople.uniqueNumber(), "Sms " + national, Language.NL, email,
                national, null, null, Set.of(Role.EMPLOYEE)), "test").value();
        choices.save(id, Map.of(Kind.CHALLENGES, Set.of("sms")));
        return new Someone(id, "+31" + national.substring(1));
    }

    private void tell(long person, String subject) {
        notifications.tell(List.of(person), null, "challenges.notify.closed", "/challenges/7", subject);
    }

    private Map<String, Object> row(long person) {
        return jdbc.sql("select status, attempts, last_error, next_attempt_at from delivery where person_id = :p")
                .param("p", person).query().singleRow();
    }

    @Test
    void aBusyGatewayIsTriedAgainAfterAMinuteAndThenFiveAndTheMessageArrivesInThePersonsLanguage() {
        Someone p = texter(null);
        gateway.lineUp(p.number(), 503, 429);
        tell(p.id(), "Nieuwe vestiging");
        Instant now = at(someDayAhead(), 10, 0);
        deliveries.run(now);
        assertThat(gateway.to(p.number())).hasSize(1);
        assertThat(row(p.id())).containsEntry("status", "WAITING").containsEntry("attempts", 1);
        deliveries.run(now.plusSeconds(59));
        assertThat(gateway.to(p.number())).as("not before a minute has passed").hasSize(1);
        deliveries.run(now.plus(Duration.ofMinutes(1)));
        assertThat(gateway.to(p.number())).hasSize(2);
        deliveries.run(now.plus(Duration.ofMinutes(5)));
        assertThat(gateway.to(p.number())).as("the second wait is five minutes").hasSize(2);
        deliveries.run(now.plus(Duration.ofMinutes(6)));
        assertThat(gateway.to(p.number())).hasSize(3);
        assertThat(row(p.id())).containsEntry("status", "SENT").containsEntry("attempts", 3);
        assertThat(gateway.to(p.number()).get(2).text())
                .startsWith("De uitdaging \"Nieuwe vestiging\" is afgesloten.")
                .endsWith("http://localhost:8080/challenges/7");
    }

    @Test
    void aRefusedMessageIsNotTriedAgainAndTheAdministratorSeesItAndCanTryAgain() throws Exception {
        Someone p = texter(null);
        gateway.lineUp(p.number(), 400);
        tell(p.id(), "Geweigerd");
        Instant now = at(someDayAhead(), 9, 30);
        deliveries.run(now);
        deliveries.run(now.plus(Duration.ofHours(3)));
        assertThat(gateway.to(p.number())).hasSize(1);
        assertThat(row(p.id())).containsEntry("status", "FAILED").containsEntry("attempts", 1)
                .containsEntry("last_error", "the SMS gateway answered HTTP 400");
        long id = jdbc.sql("select id from delivery where person_id = :p").param("p", p.id()).query(Long.class).single();
        String page = mvc.perform(get("/admin/deliveries").param("status", "FAILED").param("channel", "sms")
                        .with(TestLogins.as(users, "admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Sms 06", "Niet verstuurd", "the SMS gateway answered HTTP 400", "Opnieuw proberen",
                "/admin/deliveries/" + id + "/again").doesNotContain("Geweigerd");
        mvc.perform(get("/").with(TestLogins.as(users, "admin")))
                .andExpect(content().string(containsString("niet verstuurd worden")));
        mvc.perform(get("/admin/deliveries").with(TestLogins.as(users, "driver"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/deliveries/{id}/again", id).with(csrf()).with(TestLogins.as(users, "admin")))
                .andExpect(status().is3xxRedirection());
        deliveries.run(at(someDayAhead(), 10, 0));
        assertThat(row(p.id())).containsEntry("status", "SENT");
        assertThat(gateway.to(p.number())).hasSize(2);
    }

    @Test
    void afterTheFifthFailedAttemptTheMessageIsFailedAndShownAsSuch() throws Exception {
        Someone p = texter(null);
        gateway.lineUp(p.number(), 503, 503, 503, 503, 503, 200);
        tell(p.id(), "Storing");
        Instant now = at(someDayAhead(), 8, 0);
        List<Duration> waits = List.of(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofHours(2));
        for (Duration wait : waits) {
            now = now.plus(wait);
            deliveries.run(now);
        }
        deliveries.run(now.plus(Duration.ofDays(1)));
        assertThat(gateway.to(p.number())).hasSize(5);
        assertThat(row(p.id())).containsEntry("status", "FAILED").containsEntry("attempts", 5)
                .containsEntry("last_error", "the SMS gateway answered HTTP 503");
        mvc.perform(get("/admin/deliveries").param("status", "FAILED").with(TestLogins.as(users, "admin")))
                .andExpect(content().string(containsString("Sms 06")));
    }

    @Test
    void atNightTextMessagesWaitUntilSevenWhileMailGoesAtOnce() {
        String email = "nacht" + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.org";
        Someone p = texter(email);
        choices.save(p.id(), Map.of(Kind.CHALLENGES, Set.of("sms", "mail")));
        tell(p.id(), "Nachtdienst");
        LocalDate day = someDayAhead();
        deliveries.run(at(day, 23, 15));
        ArgumentCaptor<SimpleMailMessage> sent = ArgumentCaptor.forClass(SimpleMailMessage.class);
        verify(mail, atLeastOnce()).send(sent.capture());
        assertThat(sent.getAllValues()).anySatisfy(m -> assertThat(m.getTo()).containsExactly(email));
        assertThat(gateway.to(p.number())).isEmpty();
        deliveries.run(at(day.plusDays(1), 6, 59));
        assertThat(gateway.to(p.number())).isEmpty();
        deliveries.run(at(day.plusDays(1), 7, 0));
        assertThat(gateway.to(p.number())).hasSize(1);
    }

    @Test
    void beyondTheDailyCapTextMessagesWaitForTheNextDayAndAreNotLost() {
        Someone p = texter(null);
        for (int i = 1; i <= 7; i++) {
            tell(p.id(), "Uitdaging " + i);
        }
        LocalDate day = someDayAhead();
        deliveries.run(at(day, 12, 0));
        deliveries.run(at(day, 21, 0));
        assertThat(gateway.to(p.number())).hasSize(5);
        deliveries.run(at(day.plusDays(1), 0, 30));
        assertThat(gateway.to(p.number())).as("the next day starts in the quiet hours").hasSize(5);
        deliveries.run(at(day.plusDays(1), 7, 0));
        assertThat(gateway.to(p.number())).hasSize(7);
        assertThat(gateway.to(p.number()).stream().map(FakeSmsGateway.Received::text))
                .anySatisfy(t -> assertThat(t).contains("Uitdaging 7"));
    }

    @Test
    void twoRunsAtTheSameTimeNeverSendOneMessageTwice() throws Exception {
        List<Someone> many = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Someone p = texter(null);
            many.add(p);
            for (int j = 0; j < 3; j++) {
                tell(p.id(), "Samen " + j);
            }
        }
        Instant now = at(someDayAhead(), 14, 0);
        CyclicBarrier start = new CyclicBarrier(2);
        var first = CompletableFuture.supplyAsync(() -> {
            await(start);
            return deliveries.run(now);
        });
        var second = CompletableFuture.supplyAsync(() -> {
            await(start);
            return deliveries.run(now);
        });
        first.get();
        second.get();
        for (Someone p : many) {
            assertThat(gateway.to(p.number())).as("three messages, each sent once").hasSize(3)
                    .extracting(FakeSmsGateway.Received::text).doesNotHaveDuplicates();
        }
    }

    @Test
    void aMailServerThatCannotTakeTheMessageIsTriedAgain() {
        String email = "retry" + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.org";
        long id = people.register(new PersonDetails(TestPeople.uniqueNumber(), "Mail " + email, Language.DE, email,
                null, null, null, Set.of(Role.EMPLOYEE)), "test").value();
        int[] calls = {0};
        doAnswer(invocation -> {
            SimpleMailMessage m = invocation.getArgument(0);
            if (m.getTo()[0].equals(email) && calls[0]++ == 0) {
                throw new MailSendException("connection refused");
            }
            return null;
        }).when(mail).send(any(SimpleMailMessage.class));
        tell(id, "Neuer Standort");
        Instant now = at(someDayAhead(), 11, 0);
        deliveries.run(now);
        assertThat(row(id)).containsEntry("status", "WAITING").containsEntry("attempts", 1);
        deliveries.run(now.plus(Duration.ofMinutes(1)));
        assertThat(row(id)).containsEntry("status", "SENT");
        ArgumentCaptor<SimpleMailMessage> sent = ArgumentCaptor.forClass(SimpleMailMessage.class);
        verify(mail, atLeastOnce()).send(sent.capture());
        assertThat(sent.getAllValues()).filteredOn(m -> m.getTo()[0].equals(email)).last().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("Neues in Meedenken");
            assertThat(m.getText()).contains("Neuer Standort", "http://localhost:8080/challenges/7");
        });
    }

    @Test
    void onTheProfileAPersonChoosesPerKindAndWithoutEMailTheDefaultIsTheAppOnly() throws Exception {
        mvc.perform(get("/profile").with(TestLogins.as(users, "driver")))
                .andExpect(content().string(containsString("Jak docierają do ciebie wiadomości")))
                .andExpect(content().string(containsString("name=\"kind-ACTIONS\" value=\"sms\"")))
                .andExpect(content().string(not(containsString("value=\"mail\""))));
        long driver = TestLogins.personId(users, "driver");
        assertThat(choices.channels(driver, Kind.TRIPS)).as("no e-mail address: the app only").isEmpty();
        mvc.perform(post("/profile/notifications").param("kind-TRIPS", "sms").param("kind-ACTIONS", "sms", "mail")
                        .with(csrf()).with(TestLogins.as(users, "driver")))
                .andExpect(status().is3xxRedirection());
        assertThat(choices.channels(driver, Kind.TRIPS)).containsExactly("sms");
        assertThat(choices.channels(driver, Kind.ACTIONS)).as("mail is not offered to someone without an address")
                .containsExactly("sms");
        assertThat(choices.channels(driver, Kind.IDEAS)).isEmpty();
        long manager = TestLogins.personId(users, "manager");
        assertThat(choices.channels(manager, Kind.IDEAS)).as("with an address: e-mail too").containsExactly("mail");
        mvc.perform(post("/profile/notifications").with(csrf()).with(TestLogins.as(users, "driver")))
                .andExpect(status().is3xxRedirection());
        assertThat(choices.channels(driver, Kind.TRIPS)).isEmpty();
    }

    @Test
    void eachMessageKeyBelongsToAKind() {
        assertThat(Kind.of("ideas.notify.comment")).isEqualTo(Kind.IDEAS);
        assertThat(Kind.of("challenges.notify.closed")).isEqualTo(Kind.CHALLENGES);
        assertThat(Kind.of("leadership.notify.round")).isEqualTo(Kind.SCAN);
        assertThat(Kind.of("transport.notify.tripChanged")).isEqualTo(Kind.TRIPS);
        assertThat(Kind.of("driving.notify.agreement")).isEqualTo(Kind.AGREEMENTS);
        assertThat(Kind.of("something.else")).isEqualTo(Kind.OTHER);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
