package nl.meedenken.organisation;

import nl.meedenken.TestPeople;
import nl.meedenken.organisation.internal.AccountStore;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.organisation.internal.InvalidInput;
import nl.meedenken.organisation.internal.PersonDetails;
import nl.meedenken.organisation.internal.PersonSearch;
import nl.meedenken.platform.Language;
import nl.meedenken.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.Set;

import static nl.meedenken.TestLogins.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Things that keep accounts safe over time: ending sessions, keeping an administrator, unique names. */
@SpringBootTest
@AutoConfigureMockMvc
class AccountSafetyTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    People people;
    @Autowired
    Accounts accounts;
    @Autowired
    AccountStore store;
    @Autowired
    JdbcClient jdbc;

    private MockHttpSession signedIn(String login, String password, String address) throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").with(csrf()).with(from(address)).session(session).param("username", login)
                .param("password", password)).andExpect(redirectedUrl("/"));
        return session;
    }

    private long personOf(String login) {
        return people.search(new PersonSearch(login.replace("login", "").toUpperCase(), null, null, null,
                PersonSearch.Status.ALL), 0).items().get(0).id();
    }

    @Test
    void deactivatingSomeoneEndsTheirOpenSession() throws Exception {
        String login = TestPeople.withAccount(people, accounts, "correct horse", Role.DRIVER);
        MockHttpSession session = signedIn(login, "correct horse", "10.6.0.1");
        mvc.perform(get("/profile").session(session)).andExpect(status().isOk());
        people.deactivate(personOf(login), "test");
        mvc.perform(get("/profile").session(session)).andExpect(redirectedUrl("/login?ended"));
    }

    @Test
    void takingAwayARoleEndsTheSessionSoTheOldRightsAreGone() throws Exception {
        String login = TestPeople.withAccount(people, accounts, "correct horse", Role.ADMIN);
        MockHttpSession session = signedIn(login, "correct horse", "10.6.0.2");
        mvc.perform(get("/admin/people").session(session)).andExpect(status().isOk());
        long id = personOf(login);
        PersonDetails before = people.details(id).orElseThrow().details();
        people.change(id, new PersonDetails(before.employeeNumber(), before.name(), before.language(), null, null,
                null, null, Set.of(Role.DRIVER)), "test");
        mvc.perform(get("/admin/people").session(session)).andExpect(redirectedUrl("/login?ended"));
        MockHttpSession again = signedIn(login, "correct horse", "10.6.0.2");
        mvc.perform(get("/admin/people").session(again)).andExpect(status().isForbidden());
    }

    @Test
    void changingOnesOwnPasswordKeepsThisSession() throws Exception {
        String login = TestPeople.withAccount(people, accounts, "oud wachtwoord", Role.PLANNER);
        MockHttpSession session = signedIn(login, "oud wachtwoord", "10.6.0.3");
        mvc.perform(post("/profile/password").with(csrf()).session(session).param("current", "oud wachtwoord")
                .param("password", "nieuw wachtwoord").param("repeated", "nieuw wachtwoord"))
                .andExpect(redirectedUrl("/profile"));
        mvc.perform(get("/profile").session(session)).andExpect(status().isOk());
    }

    @Test
    void failuresAreCountedPerAddressAndADayWithoutFailuresStartsAgainFromOne() {
        String login = TestPeople.withAccount(people, accounts, "correct horse", Role.DRIVER);
        long accountId = accounts.ofPerson(personOf(login)).orElseThrow().id();
        Instant now = Instant.now();
        assertThat(store.addFailure(accountId, "10.6.9.1", now)).isEqualTo(1);
        assertThat(store.addFailure(accountId, "10.6.9.1", now)).isEqualTo(2);
        assertThat(store.addFailure(accountId, "10.6.9.2", now)).as("another address").isEqualTo(1);
        jdbc.sql("update sign_in_backoff set last_failure_at = now() - interval '25 hours' where account_id = :id")
                .param("id", accountId).update();
        assertThat(store.addFailure(accountId, "10.6.9.1", now)).isEqualTo(1);
    }

    @Test
    void aNewPasswordEndsEveryWait() {
        String login = TestPeople.withAccount(people, accounts, "correct horse", Role.DRIVER);
        long accountId = accounts.ofPerson(personOf(login)).orElseThrow().id();
        store.addFailure(accountId, "10.6.9.3", Instant.now());
        store.waitUntil(accountId, "10.6.9.3", Instant.now().plusSeconds(600));
        assertThat(accounts.waitsUntil(accountId)).isPresent();
        store.setPassword(accountId, "{noop}another");
        assertThat(accounts.waitsUntil(accountId)).isEmpty();
    }

    @Test
    void aLoginNameCannotBeSomeoneElsesEmployeeNumberOrEmail() {
        long id = TestPeople.person(people, "Lena Naam", Set.of(Role.DRIVER));
        var refused = catchThrowableOfType(InvalidInput.class, () -> accounts.open(id, "2001", "test"));
        assertThat(refused.problems().get(0).messageKey()).isEqualTo("account.error.loginNameTaken");
        refused = catchThrowableOfType(InvalidInput.class,
                () -> accounts.open(id, "sanne.visser@devaart.example", "test"));
        assertThat(refused.problems().get(0).messageKey()).isEqualTo("account.error.loginNameTaken");
    }

    @Test
    void anEmployeeNumberCannotBeSomeoneElsesLoginName() {
        var refused = catchThrowableOfType(InvalidInput.class, () -> people.register(new PersonDetails("manager",
                "Nieuw Iemand", Language.NL, null, null, null, null, Set.of()), "test"));
        assertThat(refused.problems().get(0).messageKey()).isEqualTo("person.error.employeeNumberTaken");
    }
}
