package nl.meedenken.browser;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.TeamSummary;
import nl.meedenken.scan.internal.Campaign;
import nl.meedenken.scan.internal.Campaigns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading results where the disclosure check hid groups: a manager sees which groups are
 * hidden and why, and a department hidden to protect a smaller group says so in plain words
 * (not "too few answers"); the works council finds the same in the report; a team lead whose
 * own department is hidden is told why on the phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScanDisclosureJourneyTest {

    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    Campaigns campaigns;
    @Autowired
    People people;

    private Browser browser() {
        if (browser == null) {
            browser = Browser.start(port);
        }
        browser.signOutEverywhere();
        return browser;
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    private long demoCampaign() {
        return campaigns.all().stream().filter(c -> c.status() == Campaign.Status.CLOSED)
                .filter(c -> c.title().startsWith("Meedenken-scan")).findFirst().orElseThrow().id();
    }

    @Test
    void managementCouncilAndTeamLeadSeeWhatIsHiddenAndWhy() {
        Browser b = browser();
        long demo = demoCampaign();

        b.size(Browser.DESKTOP).signIn("manager", "demo");
        b.open("/scan/campaigns/" + demo + "/results");
        assertThat(b.text()).contains("Verborgen groepen", "verborgen om een kleinere groep te beschermen");
        b.assertAccessible("results with hidden groups");
        b.screenshot("scan-disclosure-hidden-groups");

        // a department with enough answers that is hidden for the sake of others says exactly that
        String protectedDepartment = null;
        String tooFewDepartment = null;
        for (TeamSummary team : people.teams()) {
            b.open("/scan/campaigns/" + demo + "/results?team=" + team.id().value());
            String text = b.text();
            if (protectedDepartment == null && text.contains("Deze groep heeft genoeg antwoorden, maar de uitkomsten zijn verborgen")) {
                protectedDepartment = team.name();
                assertThat(text).doesNotContain("Minder dan 5 mensen in deze groep hebben geantwoord");
                b.screenshot("scan-disclosure-protects-others");
            } else if (tooFewDepartment == null && text.contains("Minder dan 5 mensen in deze groep hebben geantwoord")) {
                tooFewDepartment = team.name();
                b.screenshot("scan-disclosure-too-few");
            }
        }
        assertThat(protectedDepartment).as("a department hidden to protect a smaller group").isNotNull();
        assertThat(tooFewDepartment).as("a department with too few answers").isNotNull();

        // the works council reads the same in the report
        b.signOutEverywhere();
        b.size(Browser.DESKTOP).signIn("council", "demo");
        b.open("/scan/campaigns/" + demo + "/report");
        assertThat(b.text()).contains("Verborgen groepen", protectedDepartment);
        b.assertAccessible("report with hidden groups");
        b.screenshot("scan-disclosure-report");

        // a team lead on the phone: their own department, and why it may be hidden
        b.signOutEverywhere();
        b.size(Browser.PHONE).signIn("teamlead", "demo");
        b.open("/scan/campaigns/" + demo + "/results");
        assertThat(b.path()).contains("team=");
        String text = b.text();
        assertThat(text.contains("Deze groep heeft genoeg antwoorden, maar de uitkomsten zijn verborgen")
                || text.contains("Minder dan 5 mensen in deze groep hebben geantwoord")
                || text.contains("Scores per thema")).as(text).isTrue();
        assertThat(text).doesNotContain("Thema's per afdeling");
        assertThat(b.overflowsSideways()).isFalse();
        b.assertAccessible("team lead results with hidden groups");
        b.screenshot("scan-disclosure-teamlead");
    }
}
