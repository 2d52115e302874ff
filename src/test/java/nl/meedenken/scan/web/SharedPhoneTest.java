package nl.meedenken.scan.web;

import jakarta.servlet.http.Cookie;
import nl.meedenken.TestLogins;
import nl.meedenken.TestPeople;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.platform.Role;
import nl.meedenken.scan.internal.Campaigns;
import nl.meedenken.scan.internal.ParticipationCodes;
import nl.meedenken.scan.internal.TestCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A phone passed from one person to the next keeps nothing of the first one's answers. */
@SpringBootTest
@AutoConfigureMockMvc
class SharedPhoneTest {

    private static final String PASSWORD = "correct horse";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Campaigns campaigns;
    @Autowired
    People people;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ParticipationCodes codes;

    private long openCampaign() {
        long id = campaigns.create(new Campaigns.Draft("Gedeelde telefoon " + System.nanoTime(), LocalDate.now(),
                LocalDate.now().plusDays(10), 5, List.of(), List.of()), "test");
        campaigns.open(id, "test");
        return id;
    }

    private int drafts(long campaign) {
        return jdbc.sql("select count(*) from scan_draft where campaign_id = :c").param("c", campaign)
                .query(Integer.class).single();
    }

    /** The person signs in (for real, with the form), starts the campaign and says they work in the warehouse. */
    private Cookie startDraft(String login, long campaign) throws Exception {
        MvcResult started = mvc.perform(post("/scan/campaigns/" + campaign + "/answer").with(csrf())
                        .with(TestLogins.as(users, login)))
                .andExpect(redirectedUrl("/scan/answer/start")).andReturn();
        Cookie draft = started.getResponse().getCookie(DraftCookie.NAME);
        assertThat(draft).isNotNull();
        assertThat(draft.getPath()).as("sent to sign-in and sign-out too").isEqualTo("/");
        mvc.perform(post("/scan/answer/start").with(csrf()).with(TestLogins.as(users, login)).cookie(draft)
                        .param("teamId", "none").param("roleGroup", "WAREHOUSE"))
                .andExpect(redirectedUrl("/scan/answer/part/1"));
        assertThat(drafts(campaign)).isEqualTo(1);
        return draft;
    }

    private static void assertCleared(MvcResult result) {
        List<Cookie> cleared = Arrays.stream(result.getResponse().getCookies())
                .filter(c -> c.getName().equals(DraftCookie.NAME)).toList();
        assertThat(cleared).isNotEmpty().allMatch(c -> c.getMaxAge() == 0 && c.getValue().isEmpty());
        assertThat(cleared.stream().map(Cookie::getPath)).contains("/", "/scan/answer");
    }

    /** What the next person could do with the cookie if the phone still sent it: nothing. */
    private void assertNothingLeft(Cookie old) throws Exception {
        // the code page, not "carry on with your answers"
        mvc.perform(get("/scan/answer").cookie(old)).andExpect(status().isOk());
        mvc.perform(get("/scan/answer/start").cookie(old)).andExpect(redirectedUrl("/scan/answer"));
        mvc.perform(get("/scan/answer/part/1").cookie(old)).andExpect(redirectedUrl("/scan/answer"));
        mvc.perform(post("/scan/answer/submit").with(csrf()).cookie(old))
                .andExpect(redirectedUrl("/scan/answer/done"));
    }

    @Test
    void signingOutRemovesTheDraftFromTheDeviceAndTheDatabase() throws Exception {
        long campaign = openCampaign();
        String a = TestPeople.withAccount(people, accounts, PASSWORD, Role.WAREHOUSE);
        Cookie draft = startDraft(a, campaign);

        MvcResult out = mvc.perform(post("/logout").with(csrf()).with(TestLogins.as(users, a)).cookie(draft))
                .andExpect(redirectedUrl("/login?logout")).andReturn();
        assertCleared(out);
        assertThat(drafts(campaign)).as("the row is gone too").isZero();
        assertNothingLeft(draft);
        assertThat(campaigns.responses(campaign)).isZero();
    }

    @Test
    void signingInAsSomeoneElseRemovesTheDraftThePreviousPersonLeft() throws Exception {
        long campaign = openCampaign();
        String a = TestPeople.withAccount(people, accounts, PASSWORD, Role.WAREHOUSE);
        String b = TestPeople.withAccount(people, accounts, PASSWORD, Role.DRIVER);
        Cookie draft = startDraft(a, campaign);

        MvcResult in = mvc.perform(post("/login").with(csrf()).with(TestLogins.from("10.61.0.1")).cookie(draft)
                        .param("username", b).param("password", PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn();
        assertCleared(in);
        assertThat(drafts(campaign)).isZero();
        mvc.perform(get("/scan/answer/part/1").cookie(draft).with(TestLogins.as(users, b)))
                .andExpect(redirectedUrl("/scan/answer"));
        mvc.perform(post("/scan/answer/submit").with(csrf()).cookie(draft).with(TestLogins.as(users, b)))
                .andExpect(redirectedUrl("/scan/answer/done"));
        assertThat(campaigns.responses(campaign)).as("B could not send A's answers").isZero();
    }

    @Test
    void aDraftStartedWithAnAccountIsRemovedWhenNobodyIsSignedInAnyMore() throws Exception {
        long campaign = openCampaign();
        String a = TestPeople.withAccount(people, accounts, PASSWORD, Role.WAREHOUSE);
        Cookie draft = startDraft(a, campaign);

        // the session ended (timed out) without signing out; the next person opens the answer pages
        MvcResult opened = mvc.perform(get("/scan/answer/part/1").cookie(draft))
                .andExpect(redirectedUrl("/scan/answer")).andReturn();
        assertCleared(opened);
        assertThat(drafts(campaign)).isZero();
        assertNothingLeft(draft);
    }

    @Test
    void sendingAnAccountDraftWithoutBeingSignedInExplainsThatTheAnswersWereRemoved() throws Exception {
        long campaign = openCampaign();
        String a = TestPeople.withAccount(people, accounts, PASSWORD, Role.WAREHOUSE);
        Cookie draft = startDraft(a, campaign);

        mvc.perform(post("/scan/answer/submit").with(csrf()).cookie(draft))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Je bent niet meer ingelogd")));
        assertThat(drafts(campaign)).isZero();
        assertThat(campaigns.responses(campaign)).isZero();
    }

    /** Someone without an account starts with their slip's code in a browser session of their own. */
    private Cookie startWithCode(String code, MockHttpSession session, long campaign) throws Exception {
        MvcResult started = mvc.perform(post("/scan/answer").with(csrf()).session(session)
                        .with(TestLogins.from("10.62.0.1")).param("code", code))
                .andExpect(redirectedUrl("/scan/answer/start")).andReturn();
        Cookie draft = started.getResponse().getCookie(DraftCookie.NAME);
        assertThat(draft).isNotNull();
        assertThat(draft.getMaxAge()).as("gone when the browser closes").isEqualTo(-1);
        mvc.perform(post("/scan/answer/start").with(csrf()).session(session).cookie(draft)
                        .param("teamId", "none").param("roleGroup", "WAREHOUSE"))
                .andExpect(redirectedUrl("/scan/answer/part/1"));
        return draft;
    }

    @Test
    void aDraftStartedWithACodeOpensInAnotherBrowserSessionOnlyWithThatCodeAgain() throws Exception {
        long campaign = openCampaign();
        List<String> slips = TestCodes.issue(codes, campaign, 2);
        MockHttpSession first = new MockHttpSession();
        Cookie draft = startWithCode(slips.get(0), first, campaign);
        mvc.perform(get("/scan/answer/part/1").session(first).cookie(draft)).andExpect(status().isOk());

        // the phone goes to the next person (or the browser was closed, and the cookie survived anyway)
        MockHttpSession next = new MockHttpSession();
        mvc.perform(get("/scan/answer").session(next).cookie(draft))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ze gaan alleen weer open met die code")));
        mvc.perform(get("/scan/answer/start").session(next).cookie(draft)).andExpect(redirectedUrl("/scan/answer"));
        mvc.perform(get("/scan/answer/part/1").session(next).cookie(draft)).andExpect(redirectedUrl("/scan/answer"));
        mvc.perform(post("/scan/answer/submit").with(csrf()).session(next).cookie(draft).param("o_x", "mijn tekst"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Typ de code van je briefje nog één keer")))
                .andExpect(content().string(containsString("mijn tekst")));
        assertThat(campaigns.responses(campaign)).as("nothing sent without the code").isZero();
        assertThat(drafts(campaign)).as("the first person's answers wait for their code").isEqualTo(1);

        // a wrong code opens nothing and starts nothing
        mvc.perform(post("/scan/answer").with(csrf()).session(next).cookie(draft).with(TestLogins.from("10.62.0.2"))
                        .param("code", "AAAA-BBBB-CCCC-DD"))
                .andExpect(status().isOk());
        assertThat(drafts(campaign)).isEqualTo(1);

        // the first person comes back in a new session with their code: their answers are there
        MockHttpSession back = new MockHttpSession();
        mvc.perform(post("/scan/answer").with(csrf()).session(back).cookie(draft).with(TestLogins.from("10.62.0.3"))
                        .param("code", slips.get(0)))
                .andExpect(redirectedUrl("/scan/answer/start"));
        mvc.perform(get("/scan/answer/start").session(back).cookie(draft))
                .andExpect(status().isOk()).andExpect(content().string(containsString("WAREHOUSE")));
        assertThat(drafts(campaign)).isEqualTo(1);
    }

    @Test
    void anotherCodeOnTheSamePhoneStartsAfreshAndRemovesTheAnswersLeftBehind() throws Exception {
        long campaign = openCampaign();
        List<String> slips = TestCodes.issue(codes, campaign, 2);
        Cookie left = startWithCode(slips.get(0), new MockHttpSession(), campaign);

        MockHttpSession next = new MockHttpSession();
        MvcResult started = mvc.perform(post("/scan/answer").with(csrf()).session(next).cookie(left)
                        .with(TestLogins.from("10.62.0.4")).param("code", slips.get(1)))
                .andExpect(redirectedUrl("/scan/answer/start")).andReturn();
        Cookie mine = started.getResponse().getCookie(DraftCookie.NAME);
        assertThat(mine.getValue()).isNotEqualTo(left.getValue());
        assertThat(drafts(campaign)).as("only the new person's draft").isEqualTo(1);
        mvc.perform(get("/scan/answer/start").session(next).cookie(mine))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("checked=\"checked\""))));
        // the first code was never used: its owner can start again
        mvc.perform(post("/scan/answer").with(csrf()).session(new MockHttpSession()).with(TestLogins.from("10.62.0.5"))
                        .param("code", slips.get(0)))
                .andExpect(redirectedUrl("/scan/answer/start"));
    }
}
