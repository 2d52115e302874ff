package nl.meedenken.browser;

import nl.meedenken.TestPeople;
import nl.meedenken.leadership.internal.FeedbackRounds;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.organisation.internal.Teams;
import nl.meedenken.platform.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new team lead reads a lesson and writes a reflection on its assignment, asks the team
 * for feedback, five team members answer on their phones, and the lead reads the result
 * once the round is closed and shares it; a new round right after is refused until the gap has
 * passed. Management then sees progress without the private reflection, and the shared round.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeadershipJourneyTest {

    private static final String PASSWORD = "secret-password-1";

    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    People people;
    @Autowired
    Accounts accounts;
    @Autowired
    Teams teams;
    @Autowired
    FeedbackRounds rounds;

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aLeadLearnsAsksTheTeamAndReadsTheAnswers() {
        long team = TestPeople.team(teams);
        String lead = TestPeople.loginInTeam(people, accounts, team, Role.TEAM_LEAD);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            members.add(TestPeople.loginInTeam(people, accounts, team, Role.DRIVER));
        }

        Browser b = Browser.start(port);
        browser = b;
        b.size(Browser.DESKTOP).signIn(lead, PASSWORD);
        b.open("/leadership");
        assertThat(b.text()).contains("Jouw route", "Je las 0 en voerde 0 van de");
        b.assertAccessible("leadership path");
        b.screenshot("leadership-path");

        b.clickAndWait(By.xpath("//a[contains(@class, 'btn-accent') and starts-with(normalize-space(.), 'Verder met')]"));
        assertThat(b.text()).contains("Les 1 van", "Probeer het met je team", "Jouw reflectie");
        b.assertAccessible("a lesson");
        b.screenshot("leadership-lesson");
        b.type("did", "Drie chauffeurs gevraagd hoe zij de ochtendstart zouden inrichten.");
        b.type("happened", "Er kwamen twee ideeën die we deze week proberen.");
        b.type("nextStep", "Volgende week vraag ik het aan de late ploeg.");
        b.submit("Opslaan en afvinken");
        assertThat(b.text()).contains("Je reflectie is opgeslagen.", "Je voerde dit uit op");
        b.open("/leadership");
        assertThat(b.text()).contains("Je las 1 en voerde 1 van de", "Opdracht gedaan");

        b.open("/leadership/feedback");
        assertThat(b.text()).contains("5 collega's krijgen de vragen. Jij krijgt ze zelf niet.", "Je team telt precies 5 collega's.");
        b.assertAccessible("feedback rounds");
        b.screenshot("leadership-feedback");
        b.submit("Start de feedbackronde");
        assertThat(b.text()).contains("De ronde staat open.", "Tot nu toe antwoordden 0 mensen");
        String roundPath = b.path();
        long roundId = Long.parseLong(roundPath.substring(roundPath.lastIndexOf('/') + 1));
        long campaign = rounds.find(roundId).orElseThrow().campaign().value();
        b.assertAccessible("an open round");
        b.screenshot("leadership-round-open");

        // the team answers on their phones; the lead is not asked
        b.size(Browser.PHONE).open("/scan");
        assertThat(b.findAll(By.cssSelector("form[action='/scan/campaigns/" + campaign + "/answer']"))).isEmpty();
        for (int i = 0; i < members.size(); i++) {
            b.signOutEverywhere();
            b.signIn(members.get(i), PASSWORD);
            if (i == 0) {
                b.open("/notifications");
                assertThat(b.text()).contains("vraagt het team om feedback op het leidinggeven");
                b.screenshot("leadership-member-notification");
            }
            b.open("/scan");
            if (i == 0) {
                assertThat(b.text()).contains(" · feedback");
                b.assertAccessible("open scans with the feedback round");
                b.screenshot("leadership-member-scans");
            }
            b.click(By.cssSelector("form[action='/scan/campaigns/" + campaign + "/answer'] button"));
            b.click(By.cssSelector("label[for='rg-DRIVER']"));
            b.submit("Volgende");
            assertThat(b.text()).contains(FeedbackRounds.STATEMENTS.get(0).dutch(), "Je antwoorden zijn anoniem");
            for (WebElement option : b.findAll(By.cssSelector(".likert input[value='" + (i % 2 == 0 ? 4 : 5) + "']"))) {
                b.click(By.cssSelector("label[for='" + option.getAttribute("id") + "']"));
            }
            if (i == 0) {
                assertThat(b.overflowsSideways()).isFalse();
                b.assertAccessible("feedback statements on a phone");
                b.screenshot("leadership-member-answers");
            }
            WebElement next = b.find(By.cssSelector("button[value=next]"));
            b.click(By.cssSelector("button[value=next]"));
            b.waitUntilGone(next);
            b.submit("Antwoorden versturen");
            assertThat(b.heading()).isEqualTo("Bedankt!");
        }

        // the lead closes the round and reads what the team says
        b.signOutEverywhere();
        b.size(Browser.DESKTOP).signIn(lead, PASSWORD);
        b.open(roundPath);
        assertThat(b.text()).contains("Tot nu toe antwoordden 5 mensen");
        b.click(By.xpath("//summary[normalize-space(.)='Ronde sluiten…']"));
        assertThat(b.text()).contains("Er hebben genoeg mensen geantwoord.");
        b.submit("Sluit de ronde nu");
        assertThat(b.text()).contains("De ronde is gesloten.", "Wat je team zegt",
                FeedbackRounds.STATEMENTS.get(4).dutch(), "Alleen jij kunt deze uitkomsten lezen.");
        b.assertAccessible("round results");
        b.screenshot("leadership-round-results");
        b.submit("Deel met de directie");
        assertThat(b.text()).contains("De directie kan deze ronde nu lezen.");
        b.size(Browser.PHONE);
        assertThat(b.overflowsSideways()).isFalse();
        b.screenshot("leadership-round-results");

        // right after a round, the next one among the same team waits the gap, and the page says until when
        b.size(Browser.DESKTOP).open("/leadership/feedback");
        assertThat(b.text()).contains("Een nieuwe ronde kan vanaf " + rounds.today().plusDays(rounds.gapDays())
                .format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")), "minstens 30 dagen");
        assertThat(b.findAll(By.xpath("//button[normalize-space(.)='Start de feedbackronde']"))).isEmpty();
        b.assertAccessible("a new round refused within the gap");
        b.screenshot("leadership-round-too-soon");

        // management: progress without the private reflection, and the shared round
        b.signOutEverywhere();
        b.size(Browser.DESKTOP).signIn("manager", "demo");
        b.open("/leadership/leaders");
        assertThat(b.text()).contains("Voortgang per leidinggevende", "Ruud Jansen", "Test ");
        b.assertAccessible("leaders overview");
        b.screenshot("leadership-leaders");
        b.clickAndWait(By.linkText("Ruud Jansen"));
        assertThat(b.text()).contains("Gelezen op", "De reflectie op deze opdracht is privé.", "Wim kwam zelf met een oplossing");
        b.assertAccessible("one leader");
        b.screenshot("leadership-leader");
        b.open("/leadership/leaders");
        b.clickAndWait(By.xpath("//a[starts-with(@href, '/leadership/leaders/') and starts-with(normalize-space(.), 'Test ')][last()]"));
        b.open(roundPath);
        assertThat(b.text()).contains("Wat je team zegt");
        b.open("/leadership/feedback/wave");
        assertThat(b.text()).contains("Ruud Jansen", "Ja, 9 collega's", "1 collega naast de leidinggevende, minstens 5 nodig");
        b.assertAccessible("start rounds for all leaders");
        b.screenshot("leadership-wave-start");
        b.open("/leadership/programme");
        b.assertAccessible("programme");
        b.screenshot("leadership-programme");
        b.clickAndWait(By.xpath("(//a[contains(@href, '/edit')])[1]"));
        assertThat(b.text()).contains("Voorbeeld", "Tekst van de les", "Hoe zie je dat de opdracht gedaan is?");
        b.assertAccessible("edit a lesson");
        b.screenshot("leadership-lesson-form");
        b.open("/leadership");
        b.assertAccessible("management's own path with the scan beside it");
        b.screenshot("leadership-path-management");
    }
}
