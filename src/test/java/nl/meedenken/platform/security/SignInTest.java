package nl.meedenken.platform.security;

import nl.meedenken.TestPeople;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.platform.AuditEntry;
import nl.meedenken.platform.AuditLog;
import nl.meedenken.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static nl.meedenken.TestLogins.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class SignInTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    People people;
    @Autowired
    Accounts accounts;
    @Autowired
    AuditLog audit;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void driverSignsInWithEmployeeNumberInsteadOfEmail() throws Exception {
        mvc.perform(signIn("2001", "demo", "127.0.0.1")).andExpect(authenticated())
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void officeWorkerSignsInWithEmailOrLoginName() throws Exception {
        mvc.perform(signIn("Sanne.Visser@devaart.example", "demo", "127.0.0.1")).andExpect(authenticated());
        mvc.perform(signIn("planner", "demo", "127.0.0.1")).andExpect(authenticated());
    }

    @Test
    void wrongPasswordSendsBackWithAMessageAndIsAudited() throws Exception {
        String login = TestPeople.withAccount(people, accounts, "correct horse", Role.DRIVER);
        Instant before = Instant.now().minusSeconds(1);
        mvc.perform(signIn(login, "wrong", "10.1.0.1"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        assertThat(audit.count(AuditEntry.Type.LOGIN_FAILED, login, before)).isEqualTo(1);
        mvc.perform(get("/login").param("error", "")).andExpect(content().string(containsString("Dat lukte niet")));
    }

    @Test
    void afterFiveFailuresOneAddressWaitsForThatAccountAndIsRefusedLikeAWrongPassword() throws Exception {
        String login = TestPeople.withAccount(people, accounts, "correct horse", Role.DRIVER);
        for (int i = 0; i < 5; i++) {
            mvc.perform(signIn(login, "wrong" + i, "10.1.0.2")).andExpect(redirectedUrl("/login?error"));
        }
        assertThat(audit.count(AuditEntry.Type.ACCOUNT_LOCKED, login, Instant.now().minusSeconds(60))).isEqualTo(1);

        // even the right password waits from that address, and the refusal says nothing more
        mvc.perform(signIn(login, "correct horse", "10.1.0.2"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        // another address is not held up by what this one did
        mvc.perform(signIn(login, "correct horse", "10.1.0.12")).andExpect(authenticated());
    }

    @Test
    void anAdministratorUnderAttackSignsInFromElsewhereAtOnceAndFromTheSameAddressAfterTheWait() throws Exception {
        // the demo's one administrator (tests add no other: the last administrator is protected)
        long accountId = jdbc.sql("select id from account where login_name = 'admin'").query(Long.class).single();
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            Instant before = Instant.now();
            mvc.perform(signIn("admin", "guess" + i, "10.1.0.30")).andExpect(redirectedUrl("/login?error"));
            waits.add(accounts.waitsUntil(accountId).map(until -> Duration.between(before, until).toSeconds()).orElse(0L));
            if (i < 10) {
                waitRunsOut(accountId); // the attacker waits each wait out, then guesses again
            }
        }
        assertThat(waits.subList(0, 4)).as("four free failures").containsOnly(0L);
        assertThat(waits.get(4)).as("then 30 s").isBetween(28L, 31L);
        assertThat(waits.get(5)).as("doubling").isBetween(58L, 61L);
        assertThat(waits.get(6)).isBetween(118L, 121L);
        Instant waitsUntil = accounts.waitsUntil(accountId).orElseThrow();
        assertThat(waitsUntil).as("the wait stops growing at 15 minutes; it is never a lock")
                .isAfter(Instant.now().plus(14, ChronoUnit.MINUTES))
                .isBefore(Instant.now().plus(16, ChronoUnit.MINUTES));
        mvc.perform(signIn("admin", "demo", "10.1.0.30")).andExpect(unauthenticated());
        mvc.perform(signIn("admin", "demo", "10.1.0.31")).andExpect(authenticated());

        // the wait runs out: the right password from the attacked address works again
        waitRunsOut(accountId);
        mvc.perform(signIn("admin", "demo", "10.1.0.30")).andExpect(authenticated());
        assertThat(accounts.waitsUntil(accountId)).isEmpty();
    }

    /** Stands for the passing of time: the current wait of this account has run out. */
    private void waitRunsOut(long accountId) {
        jdbc.sql("update sign_in_backoff set wait_until = now() - interval '1 second' where account_id = :id and wait_until is not null")
                .param("id", accountId).update();
    }

    @Test
    void anUnknownLoginAWrongPasswordAndAWaitingAccountGetTheSameRefusal() throws Exception {
        String login = TestPeople.withAccount(people, accounts, "correct horse", Role.DRIVER);
        String waiting = TestPeople.withAccount(people, accounts, "correct horse", Role.DRIVER);
        for (int i = 0; i < 5; i++) {
            mvc.perform(signIn(waiting, "wrong" + i, "10.1.0.40"));
        }
        MockHttpSession session = new MockHttpSession();
        List<String> refusals = new ArrayList<>();
        for (String[] attempt : new String[][]{{"nobody-" + login, "correct horse"}, {login, "wrong"},
                {waiting, "correct horse"}}) {
            var response = mvc.perform(signIn(attempt[0], attempt[1], "10.1.0.40").session(session))
                    .andExpect(unauthenticated()).andReturn().getResponse();
            String page = mvc.perform(get(response.getRedirectedUrl()).session(session).with(from("10.1.0.40")))
                    .andReturn().getResponse().getContentAsString();
            refusals.add(response.getStatus() + " " + response.getRedirectedUrl() + " "
                    + response.getContentAsString() + "\n" + withoutCsrfToken(page));
        }
        assertThat(refusals.get(0)).contains("Dat lukte niet");
        assertThat(refusals).as("unknown login, wrong password, waiting account").containsOnly(refusals.get(0));
    }

    /** The form's CSRF token is masked anew for every page; everything else must be the same byte for byte. */
    private static String withoutCsrfToken(String page) {
        return page.replaceAll("(name=\"_csrf\"[^>]*value=\")[^\"]*", "$1")
                .replaceAll("(name=\"_csrf\"[^>]*content=\")[^\"]*", "$1")
                .replaceAll("(value=\")[^\"]*(\"[^>]*name=\"_csrf\")", "$1$2")
                .replaceAll("(content=\")[^\"]*(\"[^>]*name=\"_csrf\")", "$1$2")
                .replaceAll("(<meta name=\"_csrf\" content=\")[^\"]*", "$1");
    }

    @Test
    void aForwardedForHeaderFromAnUntrustedClientDoesNotEscapeTheAddressLimit() throws Exception {
        for (int i = 0; i < 20; i++) {
            mvc.perform(signIn("nobody-forwarded" + i, "x", "10.2.1.9").header("X-Forwarded-For", "203.0.113." + i));
        }
        mvc.perform(signIn("planner", "demo", "10.2.1.9").header("X-Forwarded-For", "198.51.100.77"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?throttled"));
    }

    @Test
    void administratorCanUnpauseALockedAccount() throws Exception {
        String login = TestPeople.withAccount(people, accounts, "correct horse", Role.DRIVER);
        for (int i = 0; i < 5; i++) {
            mvc.perform(signIn(login, "wrong", "10.1.0.3"));
        }
        long personId = accounts.ofPerson(findPerson(login)).orElseThrow().personId();
        accounts.unlock(personId, "test");
        mvc.perform(signIn(login, "correct horse", "10.1.0.3"))
                .andExpect(authenticated());
    }

    @Test
    void oneAddressWithTooManyFailuresMustWaitWhateverAccountItTries() throws Exception {
        for (int i = 0; i < 20; i++) {
            mvc.perform(signIn("nobody" + i, "x", "10.2.0.9"));
        }
        mvc.perform(signIn("planner", "demo", "10.2.0.9"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?throttled"));
        // another address is not affected
        mvc.perform(signIn("planner", "demo", "10.2.0.10")).andExpect(authenticated());
    }

    @Test
    void signingInGivesANewSessionId() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        var result = mvc.perform(signIn("planner", "demo", "10.3.0.1").session(session)).andReturn();
        assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/login").param("username", "planner").param("password", "demo"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").with(csrf()).param("username", "planner").param("password", "demo")
                .with(from("10.3.0.2"))).andExpect(authenticated());
    }

    @Test
    void pagesCarryStrictSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    void successfulSignInIsAudited() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        mvc.perform(signIn("council", "demo", "10.3.0.3")).andExpect(authenticated());
        assertThat(audit.entries(AuditEntry.Type.LOGIN_SUCCEEDED, 0).items())
                .anyMatch(e -> "Henk Mulder".equals(e.subject()) && !e.occurredAt().isBefore(before));
    }

    @Test
    void deactivatedPeopleCannotSignIn() throws Exception {
        String login = TestPeople.withAccount(people, accounts, "correct horse", Role.WAREHOUSE);
        people.deactivate(findPerson(login), "test");
        mvc.perform(signIn(login, "correct horse", "10.3.0.4"))
                .andExpect(unauthenticated());
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signIn(String login,
            String password, String address) {
        return post("/login").with(csrf()).with(from(address)).param("username", login).param("password", password);
    }

    private long findPerson(String login) {
        String number = login.replace("login", "").toUpperCase();
        return people.search(new nl.meedenken.organisation.internal.PersonSearch(number, null, null, null,
                nl.meedenken.organisation.internal.PersonSearch.Status.ALL), 0).items().get(0).id();
    }
}
