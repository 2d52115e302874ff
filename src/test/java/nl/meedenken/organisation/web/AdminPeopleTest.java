package nl.meedenken.organisation.web;

import nl.meedenken.TestLogins;
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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class AdminPeopleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    People people;
    @Autowired
    Accounts accounts;
    @Autowired
    AuditLog audit;
    @Autowired
    nl.meedenken.organisation.internal.Teams teams;

    @Test
    void listsAndSearchesPeopleWithPages() throws Exception {
        mvc.perform(get("/admin/people").with(TestLogins.as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ahmed Benali")))
                .andExpect(content().string(containsString("1–25 van")))
                .andExpect(content().string(containsString("Volgende")));
        mvc.perform(get("/admin/people").param("page", "1").with(TestLogins.as(users, "admin")))
                .andExpect(content().string(containsString("26–")))
                .andExpect(content().string(containsString("Vorige")));
        mvc.perform(get("/admin/people").param("q", "kowal").with(TestLogins.as(users, "admin")))
                .andExpect(content().string(containsString("Piotr Kowalski")))
                .andExpect(content().string(not(containsString("Sanne Visser"))));
    }

    @Test
    void filtersByRoleAndAnswersHtmxWithOnlyTheResults() throws Exception {
        mvc.perform(get("/admin/people").param("role", "WORKS_COUNCIL").header("HX-Request", "true")
                        .with(TestLogins.as(users, "admin")))
                .andExpect(content().string(containsString("Henk Mulder")))
                .andExpect(content().string(containsString("Kees Dekker")))
                .andExpect(content().string(not(containsString("Piotr Kowalski"))))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void addsAPersonAndRecordsItInTheAuditLog() throws Exception {
        String number = TestPeople.uniqueNumber();
        Instant before = Instant.now().minusSeconds(1);
        mvc.perform(post("/admin/people").with(csrf()).with(TestLogins.as(users, "admin"))
                        .param("name", "Eva de Wit").param("employeeNumber", number).param("language", "nl")
                        .param("roles", "PLANNER"))
                .andExpect(redirectedUrlPattern("/admin/people/*"))
                .andExpect(flash().attribute("saved", "person.saved.created"));
        assertThat(audit.entries(AuditEntry.Type.PERSON_CREATED, 0).items())
                .anyMatch(e -> e.subject().contains(number) && e.actor().startsWith("Linda de Boer")
                        && !e.occurredAt().isBefore(before));
    }

    @Test
    void refusedFormShowsReasonsNextToFieldsAndSavesNothing() throws Exception {
        long count = people.search(nl.meedenken.organisation.internal.PersonSearch.everyoneActive(), 0).total();
        mvc.perform(post("/admin/people").with(csrf()).with(TestLogins.as(users, "admin"))
                        .param("name", "").param("employeeNumber", "1001").param("email", "not-an-address")
                        .param("language", "nl"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vul dit in.")))
                .andExpect(content().string(containsString("Personeelsnummer 1001 is al van iemand anders.")))
                .andExpect(content().string(containsString("Dit lijkt geen e-mailadres.")));
        assertThat(people.search(nl.meedenken.organisation.internal.PersonSearch.everyoneActive(), 0).total())
                .isEqualTo(count);
    }

    @Test
    void reasonsAreInTheAdministratorsLanguage() throws Exception {
        mvc.perform(post("/admin/people").with(csrf()).with(TestLogins.as(users, "admin"))
                        .cookie(new jakarta.servlet.http.Cookie("meedenken-lang", "en"))
                        .header("Accept-Language", "en")
                        .param("name", "").param("employeeNumber", "x y").param("language", "nl"))
                .andExpect(content().string(containsString("Vul dit in.")));
    }

    @Test
    void changingRolesIsAuditedWithBeforeAndAfter() throws Exception {
        long id = TestPeople.person(people, "Rolf Wissel", Set.of(Role.DRIVER));
        var person = people.details(id).orElseThrow();
        mvc.perform(post("/admin/people/" + id).with(csrf()).with(TestLogins.as(users, "admin"))
                        .param("name", person.name()).param("employeeNumber", person.employeeNumber())
                        .param("language", "nl").param("roles", "DRIVER").param("roles", "TEAM_LEAD"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/admin/people/" + id));
        assertThat(people.details(id).orElseThrow().roles()).contains(Role.DRIVER, Role.TEAM_LEAD);
        assertThat(audit.entries(AuditEntry.Type.ROLES_CHANGED, 0).items())
                .anyMatch(e -> e.subject().contains("Rolf Wissel") && e.detail().equals("[DRIVER] -> [DRIVER, TEAM_LEAD]"));
    }

    @Test
    void deactivationAsksFirstAndThenHappensOnlyOnConfirm() throws Exception {
        long id = TestPeople.person(people, "Dirk Vertrek", Set.of(Role.WAREHOUSE));
        mvc.perform(get("/admin/people/" + id + "/deactivate").with(TestLogins.as(users, "admin")))
                .andExpect(content().string(containsString("Dirk Vertrek op non-actief zetten?")));
        assertThat(people.details(id).orElseThrow().active()).isTrue();
        mvc.perform(post("/admin/people/" + id + "/deactivate").with(csrf()).with(TestLogins.as(users, "admin")))
                .andExpect(flash().attribute("saved", "person.saved.deactivated"));
        assertThat(people.details(id).orElseThrow().active()).isFalse();
    }

    @Test
    void theLastAdministratorCannotBeDeactivated() {
        var admins = people.withRole(Role.ADMIN);
        // the demo has one administrator (and tests may add none)
        assertThat(admins).hasSize(1);
        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                nl.meedenken.organisation.internal.InvalidInput.class,
                () -> people.deactivate(admins.get(0).id().value(), "test"));
        assertThat(refused.problems().get(0).messageKey()).isEqualTo("person.error.lastAdmin");
    }

    @Test
    void openingAnAccountShowsAOneTimeCodeOnce() throws Exception {
        long id = TestPeople.person(people, "Nina Nieuw", Set.of(Role.DRIVER));
        var result = mvc.perform(post("/admin/people/" + id + "/account").with(csrf())
                        .with(TestLogins.as(users, "admin")).param("loginName", ""))
                .andExpect(flash().attributeExists("issuedCode")).andReturn();
        var issued = (Accounts.IssuedCode) result.getFlashMap().get("issuedCode");
        assertThat(issued.code()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{5}");
        assertThat(accounts.ofPerson(id)).hasValueSatisfying(a -> assertThat(a.activated()).isFalse());
        mvc.perform(get("/admin/people/" + id).with(TestLogins.as(users, "admin")))
                .andExpect(content().string(containsString("Wacht op activering")))
                .andExpect(content().string(not(containsString(issued.code()))));
    }

    @Test
    void unknownPersonIsNotFound() throws Exception {
        mvc.perform(get("/admin/people/999999").with(TestLogins.as(users, "admin"))).andExpect(status().isNotFound());
    }

    @Test
    void teamsCanBeAddedRenamedAndNotDuplicated() throws Exception {
        mvc.perform(post("/admin/teams").with(csrf()).with(TestLogins.as(users, "admin")).param("name", "Douane"))
                .andExpect(flash().attribute("saved", "team.saved.created"));
        mvc.perform(post("/admin/teams").with(csrf()).with(TestLogins.as(users, "admin")).param("name", "douane"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Er is al een team met deze naam.")));
    }

    @Test
    void aTeamWithPeopleCannotBeClosed() throws Exception {
        long planning = teams.all().stream().filter(t -> t.name().equals("Planning")).findFirst().orElseThrow().id();
        mvc.perform(post("/admin/teams/" + planning).with(csrf()).with(TestLogins.as(users, "admin"))
                        .param("name", "Planning").param("active", "false"))
                .andExpect(content().string(containsString("Er zitten nog mensen in dit team.")));
    }

    @Test
    void sitesCanBeAdded() throws Exception {
        mvc.perform(post("/admin/sites").with(csrf()).with(TestLogins.as(users, "admin"))
                        .param("name", "Rotterdam Waalhaven").param("city", "Rotterdam"))
                .andExpect(flash().attribute("saved", "site.saved.created"));
        mvc.perform(get("/admin/sites").with(TestLogins.as(users, "admin")))
                .andExpect(content().string(containsString("Rotterdam Waalhaven")));
    }
}
