package nl.meedenken.organisation.web;

import nl.meedenken.TestPeople;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Set;

import static nl.meedenken.TestLogins.from;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class ActivationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    People people;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder activate(String code,
            String password, String repeated, String address) {
        return post("/activate").with(csrf()).with(from(address)).param("code", code).param("password", password)
                .param("repeated", repeated);
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signIn(String login,
            String password, String address) {
        return post("/login").with(csrf()).with(from(address)).param("username", login).param("password", password);
    }

    @Test
    void personSetsAPasswordWithTheCodeAndSignsInWithTheirEmployeeNumber() throws Exception {
        long id = TestPeople.person(people, "Ali Nieuwkomer", Set.of(Role.DRIVER));
        String number = people.details(id).orElseThrow().employeeNumber();
        var issued = accounts.open(id, null, "test");

        mvc.perform(get("/activate").param("code", issued.code()))
                .andExpect(content().string(containsString(issued.code())));
        // typed in small letters and without dashes still works
        String typed = issued.code().replace("-", " ").toLowerCase();
        mvc.perform(activate(typed, "een lange zin", "een lange zin", "10.4.0.1"))
                .andExpect(redirectedUrl("/login?activated"));
        mvc.perform(signIn(number, "een lange zin", "10.4.0.1")).andExpect(authenticated());
    }

    @Test
    void aCodeWorksOnlyOnce() throws Exception {
        long id = TestPeople.person(people, "Bea Eenmalig", Set.of(Role.WAREHOUSE));
        var issued = accounts.open(id, null, "test");
        mvc.perform(activate(issued.code(), "eerste wachtwoord", "eerste wachtwoord", "10.4.0.2"))
                .andExpect(redirectedUrl("/login?activated"));
        mvc.perform(activate(issued.code(), "tweede wachtwoord", "tweede wachtwoord", "10.4.0.2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Deze code werkt niet.")));
    }

    @Test
    void anExpiredCodeIsRefused() throws Exception {
        long id = TestPeople.person(people, "Cor Laat", Set.of(Role.DRIVER));
        var issued = accounts.open(id, null, "test");
        jdbc.sql("update account_code set expires_at = now() - interval '1 minute' where account_id = "
                + "(select id from account where person_id = :id)").param("id", id).update();
        mvc.perform(activate(issued.code(), "een lange zin", "een lange zin", "10.4.0.3"))
                .andExpect(content().string(containsString("Deze code werkt niet.")));
    }

    @Test
    void passwordMistakesKeepTheCodeUsable() throws Exception {
        long id = TestPeople.person(people, "Dewi Typfout", Set.of(Role.DRIVER));
        var issued = accounts.open(id, null, "test");
        mvc.perform(activate(issued.code(), "kort", "kort", "10.4.0.4"))
                .andExpect(content().string(containsString("Gebruik minimaal 8 tekens.")));
        mvc.perform(activate(issued.code(), "een lange zin", "een andere zin", "10.4.0.4"))
                .andExpect(content().string(containsString("De twee wachtwoorden zijn niet hetzelfde.")));
        mvc.perform(activate(issued.code(), "een lange zin", "een lange zin", "10.4.0.4"))
                .andExpect(redirectedUrl("/login?activated"));
    }

    @Test
    void aResetCodeReplacesTheOldPasswordAndOlderCodes() throws Exception {
        String login = TestPeople.withAccount(people, accounts, "oud wachtwoord", Role.PLANNER);
        long id = people.search(new nl.meedenken.organisation.internal.PersonSearch(
                login.replace("login", "").toUpperCase(), null, null, null, null), 0).items().get(0).id();
        var first = accounts.issueReset(id, "test");
        var second = accounts.issueReset(id, "test");
        mvc.perform(activate(first.code(), "nieuw wachtwoord", "nieuw wachtwoord", "10.4.0.5"))
                .andExpect(content().string(containsString("Deze code werkt niet.")));
        mvc.perform(activate(second.code(), "nieuw wachtwoord", "nieuw wachtwoord", "10.4.0.5"))
                .andExpect(redirectedUrl("/login?activated"));
        mvc.perform(signIn(login, "oud wachtwoord", "10.4.0.5")).andExpect(unauthenticated());
        mvc.perform(signIn(login, "nieuw wachtwoord", "10.4.0.5")).andExpect(authenticated());
    }

    @org.junit.jupiter.api.RepeatedTest(3)
    void activationAndResetLinksOpenInThePersonsOwnLanguageUnlessTheDeviceChoseOne() throws Exception {
        var languages = nl.meedenken.platform.Language.withScreens();
        var language = languages.get(new java.util.Random().nextInt(languages.size()));
        long id = people.register(new nl.meedenken.organisation.internal.PersonDetails(TestPeople.uniqueNumber(),
                "Taal " + language.code(), language, null, null, null, null, Set.of(Role.DRIVER)), "test").value();
        var activation = accounts.open(id, null, "test");
        String tag = "lang=\"" + language.code() + "\"";
        // a browser that prefers another language still gets the person's own
        mvc.perform(get("/activate").param("code", activation.code()).header("Accept-Language", "nl;q=0.5,en;q=0.4"))
                .andExpect(content().string(containsString(tag)));
        mvc.perform(activate(activation.code(), "een lange zin", "een lange zin", "10.4.0.9"))
                .andExpect(redirectedUrl("/login?activated"));
        var reset = accounts.issueReset(id, "test");
        mvc.perform(get("/activate").param("code", reset.code()))
                .andExpect(content().string(containsString(tag)));
        // a device that chose a language keeps it; an unknown code gives away nothing
        var other = languages.stream().filter(l -> l != language).findAny().orElseThrow();
        mvc.perform(get("/activate").param("code", reset.code())
                        .cookie(new jakarta.servlet.http.Cookie("meedenken-lang", other.code())))
                .andExpect(content().string(containsString("lang=\"" + other.code() + "\"")));
        mvc.perform(get("/activate").param("code", "ABCD-EFGH-JKLM").header("Accept-Language", other.code()))
                .andExpect(content().string(containsString("lang=\"" + other.code() + "\"")));
    }

    @Test
    void guessingCodesFromOneAddressIsSlowedDown() throws Exception {
        for (int i = 0; i < 20; i++) {
            mvc.perform(activate("AAAA-BBBB-CCCC" + i, "een lange zin", "een lange zin", "10.4.9.9"));
        }
        mvc.perform(activate("AAAA-BBBB-CCCCD", "een lange zin", "een lange zin", "10.4.9.9"))
                .andExpect(redirectedUrl("/activate?throttled"));
    }
}
