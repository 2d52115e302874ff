package nl.meedenken.actions;

import nl.meedenken.TestLogins;
import nl.meedenken.TestNotices;
import nl.meedenken.TestPeople;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.TeamId;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.organisation.internal.Teams;
import nl.meedenken.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class ActionsTest {

    @Autowired
    Actions actions;
    @Autowired
    People people;
    @Autowired
    Teams teams;
    @Autowired
    Accounts accounts;
    @Autowired
    UserDetailsService users;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ActionsBackfill backfill;

    @Autowired
    java.util.List<com.github.kagkarlsson.scheduler.task.helper.RecurringTask<?>> jobs;

    /** Runs a recurring job by hand, as db-scheduler would on one node (jobs are off in the tests). */
    private void runJob(String name) {
        runOnce(jobs.stream().filter(t -> t.getName().equals(name)).findFirst().orElseThrow());
    }

    private static <T> void runOnce(com.github.kagkarlsson.scheduler.task.helper.RecurringTask<T> job) {
        job.execute(job.instance(com.github.kagkarlsson.scheduler.task.helper.RecurringTask.INSTANCE), null);
    }

    private long person(long team, Role... roles) {
        return TestPeople.member(people, team, "Actie " + TestPeople.uniqueNumber(), roles);
    }

    @Test
    void anActionMovesThroughItsStatusesAndKeepsItsHistory() {
        long team = TestPeople.team(teams);
        long owner = person(team);
        ActionId id = actions.create(new NewAction("Sleutelkastje ophangen", null, owner,
                actions.today().plusDays(10), Origin.manual()), "tester");
        assertThat(actions.find(id).orElseThrow().teamId()).as("the owner's team by default").isEqualTo(team);

        actions.move(id, ActionStatus.DOING, null, "tester");
        actions.move(id, ActionStatus.DONE, null, "tester");
        actions.move(id, ActionStatus.OPEN, "Toch nog niet af", "tester");

        assertThat(actions.history(id)).extracting(ActionChange::status)
                .containsExactly(ActionStatus.OPEN, ActionStatus.DOING, ActionStatus.DONE, ActionStatus.OPEN);
        assertThat(actions.history(id).get(3).note()).isEqualTo("Toch nog niet af");
    }

    @Test
    void droppingNeedsAReasonThatStaysVisible() {
        long owner = person(TestPeople.team(teams));
        ActionId id = actions.create(new NewAction("Proef met vroeger vertrekken", null, owner,
                actions.today().plusDays(5), Origin.manual()), "tester");

        assertThatThrownBy(() -> actions.move(id, ActionStatus.DROPPED, "  ", "tester"))
                .isInstanceOf(InvalidAction.class).hasMessageContaining("actions.error.reasonRequired");
        assertThat(actions.find(id).orElseThrow().status()).isEqualTo(ActionStatus.OPEN);

        actions.move(id, ActionStatus.DROPPED, "De klant lost pas om half acht", "tester");
        assertThat(actions.find(id).orElseThrow().droppedReason()).isEqualTo("De klant lost pas om half acht");
        assertThatThrownBy(() -> actions.move(id, ActionStatus.DROPPED, "nog eens", "tester"))
                .hasMessageContaining("actions.error.sameStatus");
    }

    @Test
    void aDueDateInThePastIsRefusedButMayStayWhenEditing() {
        long owner = person(TestPeople.team(teams));
        assertThatThrownBy(() -> actions.create(new NewAction("Te laat", null, owner, actions.today().minusDays(1),
                Origin.manual()), "tester")).hasMessageContaining("action.error.dueInPast");

        Instant weekAgo = Instant.now().minus(7, ChronoUnit.DAYS);
        ActionId late = actions.create(new NewAction("Was voor gisteren", null, owner, actions.today().minusDays(1),
                Origin.manual()), "tester", weekAgo);
        actions.change(late, new ActionEdit("Was voor gisteren, nu beter omschreven", null, owner, null,
                actions.today().minusDays(1)), "tester");
        assertThat(actions.find(late).orElseThrow().title()).endsWith("beter omschreven");
    }

    @Test
    void remindersShowWhatIsOverdueOrDueWithinThreeDaysAndNothingFinished() {
        long owner = person(TestPeople.team(teams));
        Instant weekAgo = Instant.now().minus(7, ChronoUnit.DAYS);
        ActionId overdue = actions.create(new NewAction("Te laat", null, owner, actions.today().minusDays(2),
                Origin.manual()), "tester", weekAgo);
        ActionId soon = actions.create(new NewAction("Bijna", null, owner, actions.today().plusDays(3),
                Origin.manual()), "tester");
        actions.create(new NewAction("Later", null, owner, actions.today().plusDays(4), Origin.manual()), "tester");
        ActionId done = actions.create(new NewAction("Al klaar", null, owner, actions.today().plusDays(1),
                Origin.manual()), "tester");
        actions.move(done, ActionStatus.DONE, null, "tester");

        assertThat(actions.reminders(owner)).extracting(ActionSummary::id).containsExactly(overdue, soon);
    }

    @Test
    void overdueActionsAppearForTheirOwnersOnTheOverduePageAndAtHome() throws Exception {
        long team = TestPeople.team(teams);
        String login = TestPeople.loginInTeam(people, accounts, team, Role.DRIVER);
        long owner = idOf(login);
        actions.create(new NewAction("Welkomstmap afmaken", null, owner, actions.today().minusDays(3),
                Origin.manual()), "tester", Instant.now().minus(10, ChronoUnit.DAYS));

        mvc.perform(get("/actions/overdue").with(TestLogins.as(users, login)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Welkomstmap afmaken")))
                .andExpect(content().string(containsString("Te laat")));
        mvc.perform(get("/").with(TestLogins.as(users, login)))
                .andExpect(content().string(containsString("Jouw acties die aandacht nodig hebben")))
                .andExpect(content().string(containsString("Welkomstmap afmaken")));
        mvc.perform(get("/actions/overdue").with(TestLogins.as(users, "warehouse")))
                .andExpect(content().string(not(containsString("Welkomstmap afmaken"))));
    }

    @Test
    void onlyTheOwnerTheTeamLeadAndManagementChangeAnAction() throws Exception {
        long team = TestPeople.team(teams);
        String ownerLogin = TestPeople.loginInTeam(people, accounts, team, Role.WAREHOUSE);
        String colleague = TestPeople.loginInTeam(people, accounts, team, Role.WAREHOUSE);
        String lead = TestPeople.loginInTeam(people, accounts, team, Role.TEAM_LEAD);
        long owner = idOf(ownerLogin);
        ActionId id = actions.create(new NewAction("Verlichting vervangen", null, owner, actions.today().plusDays(9),
                Origin.manual()), "tester");

        mvc.perform(post("/actions/{id}/status", id.value()).param("to", "DONE").with(csrf())
                .with(TestLogins.as(users, colleague))).andExpect(status().isForbidden());
        mvc.perform(get("/actions/{id}", id.value()).with(TestLogins.as(users, colleague)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("Klaar</button>"))));
        mvc.perform(post("/actions/{id}/status", id.value()).param("to", "DOING").with(csrf())
                .with(TestLogins.as(users, ownerLogin))).andExpect(status().is3xxRedirection());
        mvc.perform(post("/actions/{id}/status", id.value()).param("to", "DONE").with(csrf())
                .with(TestLogins.as(users, lead))).andExpect(status().is3xxRedirection());
        assertThat(actions.find(id).orElseThrow().status()).isEqualTo(ActionStatus.DONE);
        // someone from another team does not even see it
        mvc.perform(get("/actions/{id}", id.value()).with(TestLogins.as(users, "driver")))
                .andExpect(status().isForbidden());
    }

    @Test
    void anEmployeeTakesActionsOnThemselvesOnlyAndSeesWhyNextToTheField() throws Exception {
        long team = TestPeople.team(teams);
        String login = TestPeople.loginInTeam(people, accounts, team, Role.DRIVER);
        long other = person(team);
        mvc.perform(post("/actions").with(csrf()).with(TestLogins.as(users, login))
                        .param("title", "Iets voor een ander").param("ownerId", Long.toString(other))
                        .param("dueOn", LocalDate.now().plusDays(5).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Je kunt acties zelf oppakken.")));
        mvc.perform(post("/actions").with(csrf()).with(TestLogins.as(users, login))
                        .param("title", "").param("ownerId", Long.toString(idOf(login)))
                        .param("dueOn", LocalDate.now().plusDays(5).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vul dit in.")));
        mvc.perform(post("/actions").with(csrf()).with(TestLogins.as(users, login))
                        .param("title", "Band nakijken").param("ownerId", Long.toString(idOf(login)))
                        .param("dueOn", LocalDate.now().plusDays(5).toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(actions.list(ActionQuery.ownedBy(idOf(login), null), 0, 20).items())
                .extracting(ActionSummary::title).containsExactly("Band nakijken");
        long otherTeam = TestPeople.team(teams);
        mvc.perform(post("/actions").with(csrf()).with(TestLogins.as(users, login))
                        .param("title", "In een ander team").param("ownerId", Long.toString(idOf(login)))
                        .param("teamId", Long.toString(otherTeam)).param("dueOn", LocalDate.now().plusDays(5).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Je kunt acties voor je eigen team toevoegen.")));
    }

    @Test
    void actionsMadeBeforeTeamsExistedGetTheirOwnersTeam() {
        long team = TestPeople.team(teams);
        long owner = person(team);
        long id = jdbc.sql("""
                        insert into action (title, owner_id, due_on, origin_type, created_by, created_at)
                        values ('Van voor de migratie', :owner, current_date, 'MANUAL', 'oud', now()) returning id""")
                .param("owner", owner).query(Long.class).single();
        backfill.giveOlderActionsATeam();
        assertThat(actions.find(new ActionId(id)).orElseThrow().teamId()).isEqualTo(team);
        assertThat(actions.openFor(new TeamId(team), Origin.Type.MANUAL)).extracting(a -> a.id().value())
                .containsExactly(id);
    }

    @Test
    void aTeamListOnlyShowsTeamsTheEmployeeBelongsTo() throws Exception {
        long team = TestPeople.team(teams);
        String login = TestPeople.loginInTeam(people, accounts, team, Role.WAREHOUSE);
        long otherTeam = TestPeople.team(teams);
        mvc.perform(get("/actions/team").param("team", Long.toString(otherTeam)).with(TestLogins.as(users, login)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actions/team").with(TestLogins.as(users, login))).andExpect(status().isOk());
        mvc.perform(get("/actions/team").param("team", Long.toString(otherTeam)).with(TestLogins.as(users, "teamlead")))
                .andExpect(status().isOk());
    }

    private long idOf(String login) {
        return TestLogins.personId(users, login);
    }

    // ---- what reaches whom

    @Test
    void theOwnerIsToldWhenSomeoneElseGivesThemAnActionAndNobodyElseIs() {
        java.util.Random random = new java.util.Random();
        long team = TestPeople.team(teams);
        List<Long> members = new ArrayList<>();
        for (int i = 0, n = 3 + random.nextInt(5); i < n; i++) {
            members.add(person(team));
        }
        long lead = person(team, Role.TEAM_LEAD);
        long owner = members.get(random.nextInt(members.size()));
        ActionId id = TestNotices.as(lead, () -> actions.create(new NewAction("Pallets stapelen " + random.nextInt(),
                null, owner, actions.today().plusDays(4), Origin.manual()), "Teamleider"));
        String link = "/actions/" + id.value();
        assertThat(TestNotices.told(jdbc, owner, "actions.notify.given", link)).isEqualTo(1);
        assertThat(TestNotices.told(jdbc, lead, "actions.notify.given", link)).as("the actor").isZero();
        members.stream().filter(m -> m != owner).forEach(m ->
                assertThat(TestNotices.told(jdbc, m, "actions.notify.given", link)).isZero());

        // handed on to another member: that one is told, the first is not told again
        long next = members.stream().filter(m -> m != owner).findAny().orElse(lead);
        TestNotices.run(lead, () -> actions.change(id, new ActionEdit("Pallets stapelen", null, next, null,
                actions.today().plusDays(4)), "Teamleider"));
        assertThat(TestNotices.told(jdbc, next, "actions.notify.given", link)).isEqualTo(next == lead ? 0 : 1);
        assertThat(TestNotices.told(jdbc, owner, "actions.notify.given", link)).isEqualTo(1);

        // taking one on yourself, or a change that keeps the owner, tells nobody
        ActionId own = TestNotices.as(owner, () -> actions.create(new NewAction("Zelf doen", null, owner,
                actions.today().plusDays(4), Origin.manual()), "Zelf"));
        assertThat(TestNotices.told(jdbc, owner, "actions.notify.given", "/actions/" + own.value())).isZero();
        TestNotices.run(lead, () -> actions.change(id, new ActionEdit("Pallets netjes stapelen", null, next, null,
                actions.today().plusDays(5)), "Teamleider"));
        assertThat(TestNotices.told(jdbc, next, "actions.notify.given", link)).isEqualTo(next == lead ? 0 : 1);
    }

    @Test
    void ownersOfOpenActionsDueTomorrowAreToldOnceEvenWhenTheJobRunsTwiceAtOnce() throws Exception {
        java.util.Random random = new java.util.Random();
        long team = TestPeople.team(teams);
        List<Long> dueTomorrow = new ArrayList<>();
        List<Long> notTold = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (int i = 0, n = 4 + random.nextInt(6); i < n; i++) {
            long owner = person(team);
            int kind = random.nextInt(3);
            LocalDate due = actions.today().plusDays(kind == 1 ? 2 : 1);
            ActionId id = actions.create(new NewAction("Controle " + i, null, owner, due, Origin.manual()), "tester");
            if (kind == 2) {
                actions.move(id, ActionStatus.DONE, null, "tester");
            }
            (kind == 0 ? dueTomorrow : notTold).add(owner);
            links.add("/actions/" + id.value());
        }
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = two.submit(actions::tellDueTomorrow);
            var second = two.submit(actions::tellDueTomorrow);
            first.get();
            second.get();
        } finally {
            two.shutdown();
        }
        runJob(ActionJobs.TASK);
        for (long owner : dueTomorrow) {
            assertThat(jdbc.sql("select count(*) from notification where person_id = :p and message = 'actions.notify.dueTomorrow'")
                    .param("p", owner).query(Integer.class).single()).as("told once").isEqualTo(1);
        }
        for (long owner : notTold) {
            assertThat(jdbc.sql("select count(*) from notification where person_id = :p and message = 'actions.notify.dueTomorrow'")
                    .param("p", owner).query(Integer.class).single()).as("due later or done").isZero();
        }
    }
}
