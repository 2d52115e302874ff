package nl.meedenken.evaluations.web;

import nl.meedenken.TestLogins;
import nl.meedenken.TestPeople;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.organisation.internal.Teams;
import nl.meedenken.platform.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The interval of a team's evaluations is read as a team lead types it, and refused next to its field otherwise. */
@SpringBootTest
@AutoConfigureMockMvc
class ScheduleFormTest {

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

    private int series(long team) {
        return jdbc.sql("select count(*) from evaluation_series where team_id = :t").param("t", team).query(Integer.class).single();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", " 4 ", "26", "1"})
    void aWholeNumberOfWeeksPlansTheSeries(String typed) throws Exception {
        long team = TestPeople.team(teams);
        String lead = TestPeople.loginInTeam(people, accounts, team, Role.TEAM_LEAD);
        long leadId = TestLogins.personId(users, lead);
        mvc.perform(post("/evaluations/schedule").with(csrf()).with(TestLogins.as(users, lead))
                        .param("teamId", Long.toString(team)).param("title", "Terugblik").param("everyWeeks", typed)
                        .param("firstOn", LocalDate.now().plusDays(3).toString()).param("facilitatorId", Long.toString(leadId)))
                .andExpect(redirectedUrlPattern("/evaluations/sessions/*"));
        int weeks = jdbc.sql("select every_weeks from evaluation_series where team_id = :t").param("t", team).query(Integer.class).single();
        assertThat(weeks).isEqualTo(Integer.parseInt(typed.strip()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4,5", "4.5", "vier", "-2", "0", "27", "1.000"})
    void aNumberThatIsNotAWholeNumberOfWeeksInRangeIsRefusedAtTheField(String typed) throws Exception {
        long team = TestPeople.team(teams);
        String lead = TestPeople.loginInTeam(people, accounts, team, Role.TEAM_LEAD);
        long leadId = TestLogins.personId(users, lead);
        String html = mvc.perform(post("/evaluations/schedule").with(csrf()).with(TestLogins.as(users, lead))
                        .param("teamId", Long.toString(team)).param("title", "Terugblik").param("everyWeeks", typed)
                        .param("firstOn", LocalDate.now().plusDays(3).toString()).param("facilitatorId", Long.toString(leadId)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("#everyWeeks.is-invalid")).as("the field is marked").hasSize(1);
        assertThat(page.select("#everyWeeks ~ .field-error").text()).isEqualTo("Kies een aantal weken van 1 tot en met 26.");
        assertThat(page.select("#everyWeeks").attr("value")).as("what was typed stays").isEqualTo(typed);
        assertThat(series(team)).as("nothing was planned").isZero();
    }
}
