package nl.meedenken.innovations;

import nl.meedenken.TestLogins;
import nl.meedenken.TestPeople;
import nl.meedenken.innovations.internal.AcceptancePulses;
import nl.meedenken.innovations.internal.InvalidInnovation;
import nl.meedenken.innovations.internal.Phase;
import nl.meedenken.innovations.internal.Project;
import nl.meedenken.innovations.internal.Projects;
import nl.meedenken.innovations.internal.Readiness;
import nl.meedenken.innovations.internal.Technology;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.organisation.internal.Teams;
import nl.meedenken.platform.Role;
import nl.meedenken.scan.RoleGroup;
import nl.meedenken.scan.Scans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The phase gate, the involvement plan's evidence, and acceptance pulses under the scan's anonymity rules. */
@SpringBootTest
@AutoConfigureMockMvc
class InnovationsTest {

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
    Projects projects;
    @Autowired
    AcceptancePulses pulses;
    @Autowired
    Scans scans;

    private long project(boolean monitors, Project.Group group) {
        long owner = TestPeople.person(people, "Eigenaar", java.util.Set.of(Role.MANAGEMENT));
        return projects.create(new Projects.NewProject("Test " + TestPeople.uniqueNumber(), Technology.WMS,
                "Sneller en foutloos orderpicken.", owner, monitors, List.of(group)), "test");
    }

    @Test
    void movingOnWithItemsMissingNeedsAReasonThatIsKeptWithWhatWasMissing() {
        long id = project(false, new Project.Group(Project.Group.Kind.ROLE, "WAREHOUSE"));
        Project p = projects.find(id).orElseThrow();
        assertThat(projects.missing(p)).extracting(i -> i.item()).containsExactly(Readiness.CONSULTED, Readiness.COUNCIL_INFORMED);
        assertThatThrownBy(() -> projects.moveOn(id, p.version(), " ", "test"))
                .isInstanceOf(InvalidInnovation.class).hasFieldOrPropertyWithValue("messageKey", "innovations.gate.reasonNeeded");
        assertThat(projects.find(id).orElseThrow().phase()).isEqualTo(Phase.EXPLORE);

        projects.moveOn(id, p.version(), "De leverancier had een vaste datum.", "test");
        assertThat(projects.find(id).orElseThrow().phase()).isEqualTo(Phase.CO_DESIGN);
        Project.PhaseChange change = projects.changes(id).get(0);
        assertThat(change.missing()).isEqualTo("CONSULTED,COUNCIL_INFORMED");
        assertThat(change.reason()).isEqualTo("De leverancier had een vaste datum.");

        assertThatThrownBy(() -> projects.moveOn(id, p.version(), "oud scherm", "test")).as("a page from before the change")
                .hasFieldOrPropertyWithValue("messageKey", "innovations.invalid.changedSince");
    }

    @Test
    void withEverythingSettledAProjectMovesOnWithoutAReason() {
        long id = project(false, new Project.Group(Project.Group.Kind.ROLE, "WAREHOUSE"));
        var today = projects.today();
        projects.settle(id, Readiness.CONSULTED, Readiness.Status.DONE, "Twee sessies op de vloer.", null, null, today, "test");
        projects.settle(id, Readiness.COUNCIL_INFORMED, Readiness.Status.NOT_NEEDED, "De OR zat zelf in de sessies.", null, null,
                null, "test");
        Project p = projects.find(id).orElseThrow();
        assertThat(projects.missing(p)).isEmpty();
        projects.moveOn(id, p.version(), null, "test");
        assertThat(projects.changes(id).get(0).withMissing()).isFalse();
    }

    @Test
    void doneNeedsEvidenceAndADateNotInTheFuture() {
        long id = project(false, new Project.Group(Project.Group.Kind.ROLE, "WAREHOUSE"));
        assertThatThrownBy(() -> projects.settle(id, Readiness.CONSULTED, Readiness.Status.DONE, " ", null, null,
                projects.today(), "test")).hasFieldOrPropertyWithValue("messageKey", "innovations.invalid.evidenceNeeded");
        assertThatThrownBy(() -> projects.settle(id, Readiness.CONSULTED, Readiness.Status.DONE, "Sessie", null, null,
                projects.today().plusDays(1), "test")).hasFieldOrPropertyWithValue("messageKey", "innovations.invalid.doneOnFuture");
        assertThatThrownBy(() -> projects.settle(id, Readiness.DATA_AGREEMENT, Readiness.Status.DONE, "Afspraak", null, null,
                projects.today(), "test")).as("no monitoring, no data agreement item")
                .hasFieldOrPropertyWithValue("messageKey", "innovations.invalid.itemNotApplicable");
        long watching = project(true, new Project.Group(Project.Group.Kind.ROLE, "DRIVER"));
        assertThat(projects.items(projects.find(watching).orElseThrow())).extracting(i -> i.item())
                .contains(Readiness.DATA_AGREEMENT, Readiness.COUNCIL_CONSENT);
    }

    @Test
    void acceptanceFiguresAppearOnlyForAClosedPulseWithEnoughAnswers() throws Exception {
        long team = TestPeople.team(teams);
        for (int i = 0; i < 6; i++) {
            TestPeople.member(people, team, "Lid " + i, Role.WAREHOUSE);
        }
        long few = project(false, new Project.Group(Project.Group.Kind.TEAM, Long.toString(team)));
        long enough = project(false, new Project.Group(Project.Group.Kind.TEAM, Long.toString(team)));
        answer(few, team, 4);
        answer(enough, team, 5);
        String manager = TestPeople.withAccount(people, accounts, "secret-password-1", Role.MANAGEMENT);

        AcceptancePulses.Pulse small = pulses.pulses(projects.find(few).orElseThrow()).get(0);
        assertThat(small.result().shown()).isFalse();
        assertThat(small.mean(0)).isNull();
        mvc.perform(get("/innovations/" + few).with(TestLogins.as(users, manager))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Minder dan 5 antwoorden: niet getoond.")));

        AcceptancePulses.Pulse shown = pulses.pulses(projects.find(enough).orElseThrow()).get(0);
        assertThat(shown.result().shown()).isTrue();
        // every sheet: 4, 3, 5, 2
        assertThat(shown.mean(0)).isEqualTo(4.0);
        assertThat(shown.mean(1)).isEqualTo(3.0);
        assertThat(shown.mean(2)).isEqualTo(5.0);
        assertThat(shown.mean(3)).isEqualTo(2.0);
        mvc.perform(get("/innovations/" + enough).with(TestLogins.as(users, manager))).andExpect(status().isOk())
                .andExpect(content().string(containsString("5,0")));
    }

    private void answer(long projectId, long team, int sheets) {
        Project p = projects.find(projectId).orElseThrow();
        assertThat(pulses.start(p, "test")).isEqualTo(1);
        AcceptancePulses.Pulse pulse = pulses.pulses(p).get(0);
        assertThat(pulse.result().shown()).as("nothing while open").isFalse();
        assertThatThrownBy(() -> pulses.start(p, "test")).hasFieldOrPropertyWithValue("messageKey", "innovations.pulse.stillOpen");
        for (int i = 0; i < sheets; i++) {
            scans.storeDemoSheet(pulse.campaign(), team, RoleGroup.WAREHOUSE,
                    Map.of("custom_1", 4, "custom_2", 3, "custom_3", 5, "custom_4", 2));
        }
        pulses.close(projectId, pulse.campaign().value(), "test");
    }

    @Test
    void everyoneReadsAProjectButOnlyManagementOrTheOwnerActs() throws Exception {
        long id = project(false, new Project.Group(Project.Group.Kind.ROLE, "WAREHOUSE"));
        String driver = TestPeople.withAccount(people, accounts, "secret-password-1", Role.DRIVER);
        mvc.perform(get("/innovations/" + id).with(TestLogins.as(users, driver))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Betrokkenheidsplan")));
        mvc.perform(post("/innovations/" + id + "/phase").with(csrf()).param("version", "0").param("reason", "x")
                .with(TestLogins.as(users, driver))).andExpect(status().isForbidden());
        mvc.perform(post("/innovations/" + id + "/pulses").with(csrf()).with(TestLogins.as(users, driver)))
                .andExpect(status().isForbidden());
        assertThat(projects.find(id).orElseThrow().phase()).isEqualTo(Phase.EXPLORE);
    }

    @Test
    void groupsThatSharePeopleAreRefusedSoTheirFiguresCannotBeTakenApart() throws Exception {
        long team = TestPeople.team(teams);
        for (int i = 0; i < 5; i++) {
            TestPeople.member(people, team, "Picker " + i, Role.WAREHOUSE);
        }
        long owner = people.withRole(Role.MANAGEMENT).get(0).id().value();
        mvc.perform(post("/innovations").with(csrf()).param("title", "Spraakgestuurd picken").param("technology", "MECHANISATION")
                        .param("purpose", "Handen vrij.").param("ownerId", Long.toString(owner))
                        .param("group", "ROLE:WAREHOUSE").param("group", "TEAM:" + team).with(TestLogins.as(users, "manager")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("hebben mensen gemeen")));
        assertThat(projects.all()).noneMatch(p -> p.title().equals("Spraakgestuurd picken"));
    }

    @Test
    void theDataAgreementAndConsentCannotBeWavedAwayAndAreNeededBeforeThePilot() {
        long id = project(true, new Project.Group(Project.Group.Kind.ROLE, "DRIVER"));
        assertThatThrownBy(() -> projects.settle(id, Readiness.DATA_AGREEMENT, Readiness.Status.NOT_NEEDED, "n.v.t.", null,
                null, null, "test")).hasFieldOrPropertyWithValue("messageKey", "innovations.invalid.requiredItem");
        var today = projects.today();
        projects.settle(id, Readiness.CONSULTED, Readiness.Status.DONE, "Sessies", null, null, today, "test");
        projects.settle(id, Readiness.COUNCIL_INFORMED, Readiness.Status.DONE, "OR-vergadering", null, null, today, "test");
        projects.moveOn(id, projects.find(id).orElseThrow().version(), null, "test");
        assertThat(projects.missing(projects.find(id).orElseThrow())).extracting(i -> i.item())
                .contains(Readiness.DATA_AGREEMENT, Readiness.COUNCIL_CONSENT, Readiness.PILOT_EXPERIMENT);
    }

    @Test
    void aPulseWhoseLastDayPassedIsClosedAndOneRoundPerPhase() {
        long team = TestPeople.team(teams);
        for (int i = 0; i < 5; i++) {
            TestPeople.member(people, team, "Lid " + i, Role.WAREHOUSE);
        }
        long id = project(false, new Project.Group(Project.Group.Kind.TEAM, Long.toString(team)));
        Project p = projects.find(id).orElseThrow();
        pulses.start(p, projects.today().minusDays(20), "test");
        assertThat(pulses.pulses(p).get(0).result().open()).isTrue();
        pulses.closeExpired(p);
        assertThat(pulses.pulses(p).get(0).result().open()).isFalse();
        assertThatThrownBy(() -> pulses.start(p, "test")).hasFieldOrPropertyWithValue("messageKey",
                "innovations.pulse.alreadyThisPhase");
    }

    @Test
    void aRefusedItemOpensAgainWithWhatWasTypedAndTheMessageBesideIt() throws Exception {
        long id = project(false, new Project.Group(Project.Group.Kind.ROLE, "WAREHOUSE"));
        var result = mvc.perform(post("/innovations/" + id + "/items/CONSULTED").with(csrf()).param("status", "DONE")
                        .param("evidence", " ").param("doneOn", "").with(TestLogins.as(users, "manager")))
                .andExpect(status().is3xxRedirection()).andReturn();
        var flash = result.getFlashMap();
        assertThat(flash.get("itemError")).isEqualTo("CONSULTED");
        mvc.perform(get("/innovations/" + id).flashAttrs(Map.of("itemError", "CONSULTED",
                        "itemErrorKey", "innovations.invalid.evidenceNeeded",
                        "itemValues", Map.of("status", "DONE", "evidence", "Half getypt bewijs", "doneOn", ""),
                        "refused", "innovations.invalid.evidenceNeeded")).with(TestLogins.as(users, "manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Half getypt bewijs")))
                .andExpect(content().string(containsString("Gedaan vraagt om bewijs")));
        var moved = mvc.perform(post("/innovations/" + id + "/phase").with(csrf()).param("version", "0").param("reason", "")
                .with(TestLogins.as(users, "manager"))).andReturn();
        assertThat(moved.getFlashMap().get("reasonError")).isEqualTo("innovations.gate.reasonNeeded");
    }

    @Test
    void thePortfolioShowsTheDemoProjectsWithTheirWarnings() throws Exception {
        mvc.perform(get("/innovations").with(TestLogins.as(users, "manager"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("In-cab software in de trucks")))
                .andExpect(content().string(containsString("Nieuw magazijnsysteem")))
                .andExpect(content().string(containsString("doorgegaan met open punten")))
                .andExpect(content().string(containsString("laag")));
    }
}
