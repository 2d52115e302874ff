package nl.meedenken.platform.web;

import nl.meedenken.TestLogins;
import nl.meedenken.TestPeople;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.platform.Language;
import nl.meedenken.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class LanguageAndErrorPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.context.MessageSource messages;
    @Autowired
    UserDetailsService users;
    @Autowired
    People people;
    @Autowired
    Accounts accounts;

    @Test
    void signInPageIsDutchByDefault() throws Exception {
        mvc.perform(get("/login")).andExpect(content().string(containsString("Welkom bij Meedenken")))
                .andExpect(content().string(containsString("lang=\"nl\"")));
    }

    @Test
    void signInPageFollowsTheBrowserLanguageBeforeSigningIn() throws Exception {
        java.util.Random random = new java.util.Random();
        for (Language language : Language.withScreens()) {
            // the first language the browser asks for that has screens wins, whatever comes before it
            String unknown = new String[]{"fr", "ja", "it", "sv"}[random.nextInt(4)];
            String asked = (random.nextBoolean() ? unknown + "," : "") + language.code() + "-XX;q=0.8,nl;q=0.1";
            String page = mvc.perform(get("/login").header("Accept-Language", asked))
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).as(asked).contains("lang=\"" + language.code() + "\"")
                    .contains(org.springframework.web.util.HtmlUtils.htmlEscape(
                            messages.getMessage("login.heading", null, language.screenLocale()), "UTF-8"));
        }
        mvc.perform(get("/login").header("Accept-Language", "fr,ja;q=0.5"))
                .andExpect(content().string(containsString("Welkom bij Meedenken")));
    }

    @Test
    void deviceRemembersAChosenLanguage() throws Exception {
        mvc.perform(post("/language").with(csrf()).param("lang", "en").param("returnTo", "/login"))
                .andExpect(redirectedUrl("/login")).andExpect(cookie().value("meedenken-lang", "en"));
        mvc.perform(get("/login").cookie(new Cookie("meedenken-lang", "en")))
                .andExpect(content().string(containsString("Welcome to Meedenken")));
    }

    @Test
    void aSignedInPersonsChoiceIsStoredWithThem() throws Exception {
        String login = TestPeople.withAccount(people, accounts, "correct horse", Role.DRIVER);
        var me = (nl.meedenken.platform.SignedInUser) users.loadUserByUsername(login);
        mvc.perform(post("/language").with(csrf()).with(TestLogins.as(users, login)).param("lang", "en")
                .param("returnTo", "/profile")).andExpect(redirectedUrl("/profile"));
        // the screens follow the choice; the language the person prefers to read stays as it was
        assertThat(((nl.meedenken.platform.SignedInUser) users.loadUserByUsername(login)).language())
                .isEqualTo(Language.EN);
        assertThat(people.find(new PersonId(me.personId())).orElseThrow().language()).isEqualTo(Language.NL);
        // and it is used on the next visit, from any device
        mvc.perform(get("/").with(TestLogins.as(users, login))).andExpect(content().string(containsString("Hello")));
    }

    @Test
    void aPersonWhoPrefersPolishSeesPolishScreens() throws Exception {
        mvc.perform(get("/").with(TestLogins.as(users, "driver")))
                .andExpect(content().string(containsString("lang=\"pl\"")))
                .andExpect(content().string(containsString(
                        messages.getMessage("home.greeting", new Object[]{"Piotr Kowalski"}, Locale.forLanguageTag("pl")))));
    }

    @Test
    void returnAddressMustStayInsideTheApplication() throws Exception {
        mvc.perform(post("/language").with(csrf()).param("lang", "nl").param("returnTo", "//evil.example/x"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(post("/language").with(csrf()).param("lang", "nl").param("returnTo", "https://evil.example"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void unknownPageAnswersNotFound() throws Exception {
        mvc.perform(get("/no/such/page").with(TestLogins.as(users, "planner")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aDriverIsRefusedAdministrationPages() throws Exception {
        // the friendly page itself is rendered by the server's error dispatch: see the browser tests
        mvc.perform(get("/admin/people").with(TestLogins.as(users, "driver"))).andExpect(status().isForbidden());
    }
}
