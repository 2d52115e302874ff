package nl.meedenken.organisation.web;

import nl.meedenken.TestLogins;
import nl.meedenken.TestPeople;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.organisation.internal.PersonDetails;
import nl.meedenken.organisation.internal.Teams;
import nl.meedenken.platform.Language;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.delivery.FakeSmsGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * With a real SMS gateway set up, a team lead can send a new colleague's code straight to their phone: at once,
 * in their language, never through the stored queue; the slip stays, so a text that did not go out is
 * replaced by paper. People without a number get no such button, and asking for it anyway sends nothing.
 */
@SpringBootTest(properties = {"meedenken.sms.provider=http", "meedenken.embedded.database=textcodes"})
@AutoConfigureMockMvc
class TeamAccessByTextTest {

    static final FakeSmsGateway GATEWAY = new FakeSmsGateway();
    private static final Pattern SLIP_CODE = Pattern.compile("id=\"slip-code\"[^>]*>([A-Z2-9-]+)<");

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("meedenken.sms.url", () -> GATEWAY.url("/send"));
    }

    @AfterAll
    static void stop() {
        GATEWAY.close();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    People people;
    @Autowired
    Accounts accounts;
    @Autowired
    Teams teams;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageSource messages;

    private final Random random = new Random();

    @RepeatedTest(3)
    void theCodeGoesToThePhoneInThePersonsLanguageAndTheSlipStays() throws Exception {
        GATEWAY.received.clear();
        long team = TestPeople.team(teams);
        String lead = TestPeople.loginInTeam(people, accounts, team, Role.TEAM_LEAD);
        List<Language> languages = Language.withScreens();
        Language language = languages.get(random.nextInt(languages.size()));
        String digits = String.format("%08d", random.nextInt(100_000_000));
        long phoned = people.register(new PersonDetails(TestPeople.uniqueNumber(), "Sms Collega", language, null,
                "06-" + digits, team, null, Set.of(Role.DRIVER)), "test").value();
        long without = TestPeople.member(people, team, "Zonder Nummer", Role.WAREHOUSE);

        String list = mvc.perform(get("/team/access").with(TestLogins.as(users, lead))).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).containsPattern("/team/access/" + phoned + "/account\"[^<]*>(?s).*?name=\"by\" value=\"sms\"");
        assertThat(list).doesNotContainPattern("/team/access/" + without + "/account\"[^<]*>[^/]*?name=\"by\"");

        boolean fails = random.nextBoolean();
        if (fails) {
            GATEWAY.lineUp("+316" + digits, 503);
        }
        MvcResult opened = mvc.perform(post("/team/access/" + phoned + "/account").param("by", "sms").with(csrf())
                .with(TestLogins.as(users, lead))).andReturn();
        String slip = mvc.perform(get("/team/access/slip").flashAttrs(opened.getFlashMap()).with(TestLogins.as(users, lead)))
                .andReturn().getResponse().getContentAsString();
        Matcher found = SLIP_CODE.matcher(slip);
        assertThat(found.find()).as("the slip is there either way").isTrue();
        String code = found.group(1);

        assertThat(GATEWAY.received).hasSize(1);
        assertThat(GATEWAY.received.get(0).to()).isEqualTo("+316" + digits);
        assertThat(GATEWAY.received.get(0).text()).contains(code, "/activate?code=" + code);
        String intro = messages.getMessage("access.slip.textMessage", new Object[]{"\u0000", "x", "y"}, language.screenLocale());
        assertThat(GATEWAY.received.get(0).text()).as("in " + language).startsWith(intro.substring(0, intro.indexOf('\u0000')));
        assertThat(slip).contains(fails ? "id=\"text-failed\"" : "id=\"texted\"").contains(digits.substring(6));
        assertThat(jdbc.sql("select count(*) from delivery where person_id = :p").param("p", phoned)
                .query(Integer.class).single()).as("the code never waits in the queue").isZero();

        // without a number, asking for a text message sends nothing and still makes the slip
        mvc.perform(post("/team/access/" + without + "/account").param("by", "sms").with(csrf())
                .with(TestLogins.as(users, lead)));
        assertThat(GATEWAY.received).hasSize(1);
        assertThat(accounts.ofPerson(without)).isPresent();
    }
}
