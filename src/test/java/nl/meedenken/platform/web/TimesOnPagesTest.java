package nl.meedenken.platform.web;

import nl.meedenken.TestLogins;
import nl.meedenken.TestPeople;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.platform.Role;
import nl.meedenken.ideas.internal.Category;
import nl.meedenken.ideas.internal.IdeaBox;
import nl.meedenken.platform.AuditEntry;
import nl.meedenken.platform.AuditLog;
import nl.meedenken.platform.Notifications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * With the clock at 23:30 UTC on the last Saturday of October (01:30 on Sunday in Amsterdam,
 * the night summer time ends), every page that shows when something happened shows the
 * Amsterdam day and hour, not the UTC ones.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TimesOnPagesTest {

    static final Instant LATE_SATURDAY_UTC = Instant.parse("2026-10-24T23:30:00Z");
    static final String AMSTERDAM = "25-10-2026 01:30";
    static final String UTC = "24-10-2026 23:30";

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(LATE_SATURDAY_UTC, ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    IdeaBox ideas;
    @Autowired
    Notifications notifications;
    @Autowired
    AuditLog audit;
    @Autowired
    People people;
    @Autowired
    Accounts accounts;

    private String page(String login, String url) throws Exception {
        return mvc.perform(get(url).with(TestLogins.as(users, login))).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theIdeaHistoryShowsTheAmsterdamDayAndHour() throws Exception {
        String title = "Klok " + UUID.randomUUID();
        long id = ideas.submit(new IdeaBox.NewIdea(title, "Het probleem", "Het voorstel", Category.EFFICIENCY,
                null, null, null), TestLogins.personId(users, "warehouse"), null);
        String idea = page("warehouse", "/ideas/" + id);
        assertThat(idea).contains(AMSTERDAM).doesNotContain(UTC);
        assertThat(page("warehouse", "/ideas")).contains(title).contains("25-10-2026");
    }

    @Test
    void notificationsShowTheAmsterdamDayAndHour() throws Exception {
        long council = TestLogins.personId(users, "council");
        notifications.readAll(council);
        notifications.tell(List.of(council), null, "challenges.notify.closed", "/challenges/1", "Klok");
        assertThat(page("council", "/notifications")).contains(AMSTERDAM).doesNotContain(UTC);
    }

    @Test
    void theAuditLogShowsTheAmsterdamDayAndHour() throws Exception {
        audit.record(AuditEntry.Type.ACCOUNT_CREATED, "klok-test", "klok-test", "127.0.0.1", "klok");
        assertThat(page("admin", "/admin/audit")).contains(AMSTERDAM + ":00").doesNotContain(UTC + ":00");
    }

    @Test
    void thePersonPageShowsTheLastSignInInAmsterdamTime() throws Exception {
        String login = TestPeople.withAccount(people, accounts, "correct horse", Role.WAREHOUSE);
        mvc.perform(post("/login").with(csrf()).with(TestLogins.from("10.44.0.1"))
                .param("username", login).param("password", "correct horse"));
        long person = TestLogins.personId(users, login);
        assertThat(page("admin", "/admin/people/" + person)).contains(AMSTERDAM).doesNotContain(UTC);
    }

    @Test
    void noPageShowsAMomentInTheMachinesNotation() throws Exception {
        for (String url : List.of("/", "/notifications", "/ideas", "/actions", "/learning", "/openbook")) {
            String html = page("manager", url);
            assertThat(html).as(url).doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d)?(\\.\\d+)?Z");
        }
    }
}
