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

import java.time.Instant;
import java.time.temporal.ChronoUnit;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
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
    void fiveFailedAttemptsPauseTheAccountAndTheFormSaysUntilWhen() throws Exception {
        String login = TestPeople.withAccount(people, accounts, "correct horse", Role.DRIVER);
        for (int i = 0; i < 4; i++) {
            mvc.perform(signIn(login, "wrong" + i, "10.1.0.2"))
                    .andExpect(redirectedUrl("/login?error"));
        }
        var fifth = mvc.perform(signIn(login, "wrong", "10.1.0.2"))
                .andExpect(redirectedUrlPattern("/login?locked=*")).andReturn();
        long until = Long.parseLong(fifth.getResponse().getRedirectedUrl().replaceAll(".*locked=", ""));
        assertThat(Instant.ofEpochSecond(until)).isBetween(Instant.now().plus(14, ChronoUnit.MINUTES),
                Instant.now().plus(16, ChronoUnit.MINUTES));

        // even the right password does not work while the account is paused
        mvc.perform(signIn(login, "correct horse", "10.1.0.2"))
                .andExpect(unauthenticated()).andExpect(redirectedUrlPattern("/login?locked=*"));
        mvc.perform(get("/login").param("locked", String.valueOf(until)))
                .andExpect(content().string(containsString("Te veel pogingen")));
        assertThat(audit.count(AuditEntry.Type.ACCOUNT_LOCKED, login, Instant.now().minusSeconds(60))).isEqualTo(1);
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
        // a sign-in page left open until its session ended: not signed in, back to a fresh sign-in page (issue 19)
        mvc.perform(post("/login").param("username", "planner").param("password", "demo"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/login").with(csrf()).param("username", "planner").param("password", "demo")
                .with(from("10.3.0.2"))).andExpect(authenticated());
    }

    @Test
    void aSignInWithAControlCharacterFailsLikeAWrongPassword() throws Exception {
        for (char c : new char[]{'\u0000', '\u0007', '\u001b', '\u007f'}) {
            mvc.perform(post("/login").with(csrf()).param("username", "plan" + c + "ner").param("password", "demo")
                    .with(from("10.19.0.7"))).andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
            mvc.perform(post("/login").with(csrf()).param("username", "planner").param("password", "de" + c + "mo")
                    .with(from("10.19.0.8"))).andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        }
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
