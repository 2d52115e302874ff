package nl.meedenken.scan;

import nl.meedenken.TestLogins;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.TeamSummary;
import nl.meedenken.scan.internal.Campaigns;
import nl.meedenken.scan.internal.Questions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Other modules start short pulse surveys through the scan's API. */
@SpringBootTest
@AutoConfigureMockMvc
class ScansTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    People people;
    @Autowired
    UserDetailsService users;

    @Autowired
    Scans scans;
    @Autowired
    Campaigns campaigns;
    @Autowired
    Questions questions;
    @Autowired
    nl.meedenken.organisation.internal.Teams teams;

    @Test
    void aPulseAsksSomeDimensionsAndItsOwnStatementsAndIsOpenAtOnce() {
        CampaignId id = scans.startPulse("Boordcomputer: hoe gaat het?", List.of("tech_readiness"),
                List.of(new Scans.Statement("De nieuwe boordcomputer helpt me.", "The new on-board computer helps me.")),
                List.of(), LocalDate.now().plusWeeks(1), "innovation:1", "test");
        var campaign = campaigns.find(id.value()).orElseThrow();
        assertThat(campaign.isOpen()).isTrue();
        var parts = questions.parts(campaign);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).statements()).allMatch(s -> s.code().startsWith("tech_readiness_"));
        assertThat(parts.get(1).statements()).extracting(s -> s.text().en())
                .containsExactly("The new on-board computer helps me.");
        assertThat(questions.openQuestions(campaign)).isEmpty();
        assertThat(campaign.minGroupSize()).isEqualTo(5);
        // it asks everyone: left open it would block every other acceptance pulse in this test run
        scans.close(id, "test");
    }

    @Test
    void aPulseAsksEachPersonInTheirOwnLanguageAndReadsTheEnglishWhereItHasNoTranslation() {
        String polish = "Nowy komputer pokładowy mi pomaga " + System.nanoTime() + ".";
        CampaignId id = scans.startPulse(new Scans.PulseRequest("Talen " + System.nanoTime(), List.of(),
                List.of(new Scans.Statement("De boordcomputer helpt me.", "The on-board computer helps me.",
                        Map.of("pl", polish))), List.of(), null, LocalDate.now().plusWeeks(1), "innovation:test", "test",
                List.of(), false, new Scans.Statement("Over de boordcomputer.", "About the on-board computer.",
                        Map.of("pl", "O komputerze pokładowym."))));
        var campaign = campaigns.find(id.value()).orElseThrow();
        var parts = questions.parts(campaign);
        var part = parts.get(parts.size() - 1);
        var text = part.statements().get(0).text();
        assertThat(text.in("pl")).isEqualTo(polish);
        assertThat(text.in("nl")).isEqualTo("De boordcomputer helpt me.");
        assertThat(text.in("ro")).as("no Romanian text: the English").isEqualTo("The on-board computer helps me.");
        assertThat(part.intro().in("pl")).isEqualTo("O komputerze pokładowym.");
        scans.close(id, "test");
    }

    @Test
    void statementsWrittenInTheBundlesExistInEveryLanguageWithScreens() {
        for (String key : List.of("leadership.pulse.statement.1", "leadership.pulse.statement.5")) {
            Scans.Statement statement = Scans.Statement.fromBundle("i18n.leadership", key);
            assertThat(statement.dutch()).isNotEqualTo(statement.english()).isNotBlank();
            for (nl.meedenken.platform.Language language : nl.meedenken.platform.Language.withScreens()) {
                String text = statement.in(language.screenLocale());
                assertThat(text).as(language.code()).isNotBlank();
                if (language != nl.meedenken.platform.Language.EN) {
                    assertThat(text).as(language.code() + " is its own").isNotEqualTo(statement.english());
                }
            }
        }
        Scans.Statement intro = Scans.Statement.fromBundle("i18n.leadership", "leadership.pulse.intro", "Sanne", 5);
        assertThat(intro.dutch()).contains("Sanne", "5 mensen");
        assertThat(intro.english()).contains("Sanne", "5 people");
    }

    @Test
    void openPulsesAskingNamesTheOpenPulsesWhoseTargetTeamsHoldThePeopleButNotThoseTheyAreAbout() {
        long team = nl.meedenken.TestPeople.team(teams);
        long asked = nl.meedenken.TestPeople.member(people, team, "Gevraagd", nl.meedenken.platform.Role.DRIVER);
        long about = nl.meedenken.TestPeople.member(people, team, "Leider", nl.meedenken.platform.Role.TEAM_LEAD);
        long elsewhere = nl.meedenken.TestPeople.member(people, nl.meedenken.TestPeople.team(teams), "Elders",
                nl.meedenken.platform.Role.DRIVER);
        CampaignId id = scans.startPulse(new Scans.PulseRequest("Overlap " + team, List.of(),
                List.of(new Scans.Statement("a", "a")), List.of(team), null, LocalDate.now().plusWeeks(1),
                "innovation:test", "test", List.of(about), true));
        assertThat(scans.openPulsesAsking(List.of(asked))).extracting(Scans.RunningPulse::id).contains(id);
        assertThat(scans.openPulsesAsking(List.of(about, elsewhere))).extracting(Scans.RunningPulse::id)
                .doesNotContain(id);
        assertThat(scans.openPulsesAsking(List.of(asked))).filteredOn(p -> p.id().equals(id))
                .singleElement().satisfies(p -> assertThat(p.origin()).isEqualTo("innovation:test"));
        scans.close(id, "test");
        assertThat(scans.openPulsesAsking(List.of(asked))).extracting(Scans.RunningPulse::id).doesNotContain(id);
    }

    private CampaignId restrictedPulse(long excluded) {
        return scans.startPulse(new Scans.PulseRequest("Feedback voor de teamleider", List.of(),
                List.of(new Scans.Statement("Vraagt ons mening.", "Asks our view."),
                        new Scans.Statement("Legt uit waarom.", "Explains why.")),
                List.of(), null, LocalDate.now().plusWeeks(2), "leadership:test", "test", List.of(excluded), true));
    }

    private void sheet(CampaignId id, int first, int second) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        answers.put("custom_1", first);
        answers.put("custom_2", second);
        scans.storeDemoSheet(id, 0, RoleGroup.DRIVER, answers);
    }

    @Test
    void aRestrictedPulseIsNotListedNorShownOnTheScanPagesAndDoesNotAskThePersonItIsAbout() throws Exception {
        long leader = TestLogins.personId(users, "teamlead");
        CampaignId id = restrictedPulse(leader);
        var campaign = campaigns.find(id.value()).orElseThrow();
        assertThat(campaigns.all()).noneMatch(c -> c.id() == id.value());
        assertThat(campaign.targets(leader, null, null)).isFalse();
        assertThat(campaign.targets(leader + 100_000, null, null)).isTrue();
        scans.close(id, "test");
        for (String path : List.of("/results", "/report", "/results.csv", "")) {
            mvc.perform(get("/scan/campaigns/" + id.value() + path).with(TestLogins.as(users, "manager")))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void pulseResultsAppearOnlyAfterClosingAndOnlyFromTheMinimumGroupSize() {
        CampaignId id = restrictedPulse(-1);
        for (int i = 0; i < 4; i++) {
            sheet(id, 4, 2);
        }
        Scans.PulseResult open = scans.result(id).orElseThrow();
        assertThat(open.open()).isTrue();
        assertThat(open.responses()).isEqualTo(4);
        assertThat(open.shown()).isFalse();
        assertThat(open.statements()).isEmpty();

        scans.close(id, "test");
        Scans.PulseResult four = scans.result(id).orElseThrow();
        assertThat(four.open()).isFalse();
        assertThat(four.shown()).as("4 answers are fewer than 5").isFalse();
        assertThat(four.statements()).isEmpty();

        CampaignId other = restrictedPulse(-1);
        int[] first = {5, 4, 4, 2, 5};
        int[] second = {1, 2, 3, 3, 1};
        for (int i = 0; i < 5; i++) {
            sheet(other, first[i], second[i]);
        }
        assertThat(scans.result(other).orElseThrow().shown()).as("still open").isFalse();
        scans.close(other, "test");
        Scans.PulseResult five = scans.result(other).orElseThrow();
        assertThat(five.shown()).isTrue();
        assertThat(five.responses()).isEqualTo(5);
        assertThat(five.statements()).hasSize(2);
        assertThat(five.statements().get(0).text().english()).isEqualTo("Asks our view.");
        assertThat(five.statements().get(0).mean()).isEqualTo(4.0);
        assertThat(five.statements().get(0).favourable()).isEqualTo(0.8);
        assertThat(five.statements().get(1).mean()).isEqualTo(2.0);
        assertThat(five.statements().get(1).favourable()).isEqualTo(0.0);
    }

    @Test
    void aPulseCannotOpenOnALaterDayOrCloseBeforeItOpens() {
        assertThatThrownBy(() -> scans.startPulse(new Scans.PulseRequest("Later", List.of(),
                List.of(new Scans.Statement("a", "a")), List.of(), LocalDate.now().plusDays(3),
                LocalDate.now().plusWeeks(2), "test", "test", List.of(), true)))
                .hasMessage("scan.error.pulseOpensLater");
        assertThatThrownBy(() -> scans.startPulse(new Scans.PulseRequest("Backwards", List.of(),
                List.of(new Scans.Statement("a", "a")), List.of(), LocalDate.now().minusDays(3),
                LocalDate.now().minusDays(5), "test", "test", List.of(), true)))
                .hasMessage("scan.error.closesBeforeOpens");
    }

    @Test
    void dimensionsPerDepartmentLeaveOutDepartmentsTooSmallToShow() {
        Map<String, Long> teams = new LinkedHashMap<>();
        for (TeamSummary team : people.teams()) {
            teams.put(team.name(), team.id().value());
        }
        List<Scans.DepartmentScores> scores = scans.perDepartment(List.of("leadership", "consulted"));
        assertThat(scores).anySatisfy(s -> {
            assertThat(s.team()).isEqualTo(teams.get("Chauffeurs Zwolle"));
            assertThat(s.means()).containsOnlyKeys("leadership", "consulted");
            assertThat(s.means().get("leadership")).isBetween(1.0, 5.0);
        });
        assertThat(scores).as("the office answered with 2 people").noneMatch(s -> s.team() == teams.get("Kantoor"));
        assertThat(scans.dimensionNames(List.of("leadership", "nonsense"))).containsOnlyKeys("leadership");
    }
}
