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
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.TeamId;
import nl.meedenken.organisation.TeamSummary;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.organisation.internal.Sites;
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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

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
    @Autowired
    Sites sites;

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

    private long teamAt(long site, int members) {
        long team = teams.create("Testteam " + TestPeople.uniqueNumber(), site);
        for (int i = 0; i < members; i++) {
            TestPeople.member(people, team, "Picker " + i, Role.WAREHOUSE);
        }
        return team;
    }

    private long project(String title, List<Project.Group> groups) {
        long owner = people.withRole(Role.MANAGEMENT).get(0).id().value();
        return projects.create(new Projects.NewProject(title, Technology.WMS, "Sneller picken.", owner, false, groups),
                "test");
    }

    /** Who a site or team group asks today, worked out from the organisation alone. */
    private Set<Long> peopleOf(Project.Group group) {
        Set<Long> asked = new HashSet<>();
        for (TeamSummary team : people.teams()) {
            boolean in = team.active() && (group.kind() == Project.Group.Kind.TEAM
                    ? Long.toString(team.id().value()).equals(group.ref())
                    : team.site() != null && Long.toString(team.site().value()).equals(group.ref()));
            if (in) {
                people.inTeam(new TeamId(team.id().value())).stream().filter(PersonSummary::active)
                        .forEach(p -> asked.add(p.id().value()));
            }
        }
        return asked;
    }

    @Test
    void aPulseOverPeopleAnOpenPulseAlreadyAsksIsRefusedEvenWhenTheTeamMovedAfterTheProjectWasMade() throws Exception {
        long zwolle = sites.create("Zwolle " + TestPeople.uniqueNumber(), "Zwolle");
        long venlo = sites.create("Venlo " + TestPeople.uniqueNumber(), "Venlo");
        teamAt(zwolle, 5);
        long moving = teamAt(venlo, 5);
        long bySite = project("Scanners Zwolle " + TestPeople.uniqueNumber(),
                List.of(new Project.Group(Project.Group.Kind.SITE, Long.toString(zwolle))));
        long byTeam = project("Headsets " + TestPeople.uniqueNumber(),
                List.of(new Project.Group(Project.Group.Kind.TEAM, Long.toString(moving))));
        // both projects were fine when they were made; then the team moves to Zwolle
        teams.change(moving, teams.find(moving).orElseThrow().name(), zwolle, true);

        assertThat(pulses.start(projects.find(bySite).orElseThrow(), "test")).isEqualTo(1);
        String sitePulse = pulses.pulses(projects.find(bySite).orElseThrow()).get(0).result().title();
        assertThatThrownBy(() -> pulses.start(projects.find(byTeam).orElseThrow(), "test"))
                .isInstanceOf(InvalidInnovation.class)
                .hasFieldOrPropertyWithValue("messageKey", "innovations.pulse.overlapsRunning")
                .satisfies(e -> assertThat(((InvalidInnovation) e).arguments()).contains(sitePulse));
        assertThat(pulses.pulses(projects.find(byTeam).orElseThrow())).isEmpty();
        String manager = TestPeople.withAccount(people, accounts, "secret-password-1", Role.MANAGEMENT);
        mvc.perform(post("/innovations/" + byTeam + "/pulses").with(csrf()).with(TestLogins.as(users, manager)))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("refused", "innovations.pulse.overlapsRunning"));

        // the same within one project: a site and a team that moved into it since
        long third = teamAt(venlo, 5);
        long both = project("Spraak " + TestPeople.uniqueNumber(), List.of(
                new Project.Group(Project.Group.Kind.SITE, Long.toString(venlo)),
                new Project.Group(Project.Group.Kind.TEAM, Long.toString(third))));
        assertThatThrownBy(() -> pulses.start(projects.find(both).orElseThrow(), "test"))
                .hasFieldOrPropertyWithValue("messageKey", "innovations.pulse.overlapsRunning");
        assertThat(pulses.pulses(projects.find(both).orElseThrow())).as("nothing opened").isEmpty();

        // once the other pulse is closed, the team's pulse may open
        pulses.close(bySite, pulses.pulses(projects.find(bySite).orElseThrow()).get(0).campaign().value(), "test");
        assertThat(pulses.start(projects.find(byTeam).orElseThrow(), "test")).isEqualTo(1);
    }

    /**
     * Random organisations: teams at two sites, projects asking sites and teams, teams moving between
     * sites after the projects were made, pulses opened in random order. Two open acceptance pulses
     * never ask the same person, and a pulse is refused only when it would have.
     */
    @Test
    void openAcceptancePulsesNeverShareAPersonWhateverMovedSinceTheProjectsWereMade() {
        int refused = 0;
        int opened = 0;
        for (int c = 0; c < 15; c++) {
            Random random = new Random(8_000L + c);
            long[] site = {sites.create("Site A " + TestPeople.uniqueNumber(), "A"),
                    sites.create("Site B " + TestPeople.uniqueNumber(), "B")};
            List<Long> caseTeams = new ArrayList<>();
            for (int t = 0, n = 3 + random.nextInt(2); t < n; t++) {
                caseTeams.add(teamAt(site[random.nextInt(2)], 5 + random.nextInt(2)));
            }
            List<Long> caseProjects = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                List<Project.Group> groups = new ArrayList<>();
                for (int g = 0, n = 1 + random.nextInt(2); g < n; g++) {
                    groups.add(random.nextBoolean()
                            ? new Project.Group(Project.Group.Kind.SITE, Long.toString(site[random.nextInt(2)]))
                            : new Project.Group(Project.Group.Kind.TEAM,
                            Long.toString(caseTeams.get(random.nextInt(caseTeams.size())))));
                }
                caseProjects.add(project("Case " + c + " project " + p + " " + TestPeople.uniqueNumber(), groups));
            }
            for (long team : caseTeams) {
                if (random.nextBoolean()) {
                    teams.change(team, teams.find(team).orElseThrow().name(), site[random.nextInt(2)], true);
                }
            }
            java.util.Collections.shuffle(caseProjects, random);
            for (long id : caseProjects) {
                Project project = projects.find(id).orElseThrow();
                List<Set<Long>> askedBefore = openPulsePeople(caseProjects);
                try {
                    opened += pulses.start(project, "test");
                } catch (InvalidInnovation e) {
                    if (e.messageKey().equals("innovations.pulse.nobody")) {
                        continue; // every team of its site moved away: nobody to ask
                    }
                    assertThat(e.messageKey()).isEqualTo("innovations.pulse.overlapsRunning");
                    refused++;
                    // refused only when a group shares someone with a running pulse or with another group
                    List<Set<Long>> own = project.groups().stream().map(this::peopleOf).toList();
                    boolean overlap = false;
                    for (int i = 0; i < own.size(); i++) {
                        for (Set<Long> other : askedBefore) {
                            overlap |= other.stream().anyMatch(own.get(i)::contains);
                        }
                        for (int j = i + 1; j < own.size(); j++) {
                            overlap |= own.get(j).stream().anyMatch(own.get(i)::contains);
                        }
                    }
                    assertThat(overlap).as("case %d: refused without overlap", c).isTrue();
                }
                List<Set<Long>> open = openPulsePeople(caseProjects);
                for (int i = 0; i < open.size(); i++) {
                    for (int j = i + 1; j < open.size(); j++) {
                        Set<Long> shared = new HashSet<>(open.get(i));
                        shared.retainAll(open.get(j));
                        assertThat(shared).as("case %d: two open pulses ask the same people", c).isEmpty();
                    }
                }
            }
            for (long id : caseProjects) {
                for (AcceptancePulses.Pulse p : pulses.pulses(projects.find(id).orElseThrow())) {
                    pulses.close(id, p.campaign().value(), "test");
                }
            }
        }
        assertThat(refused).as("the cases must meet overlaps").isPositive();
        assertThat(opened).isPositive();
    }

    private List<Set<Long>> openPulsePeople(List<Long> projectIds) {
        List<Set<Long>> open = new ArrayList<>();
        for (long id : projectIds) {
            for (AcceptancePulses.Pulse p : pulses.pulses(projects.find(id).orElseThrow())) {
                if (p.result() != null && p.result().open()) {
                    open.add(peopleOf(p.group()));
                }
            }
        }
        return open;
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
