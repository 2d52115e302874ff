package nl.meedenken.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drivers' team lead and a driver on his phone share one evaluation board: each sees
 * the other's cards and votes appear without reloading, the top card becomes an action for
 * the driver, and the driver finds it among his actions next to an overdue one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EvaluationJourneyTest {
    /** Piotr reads English in this journey; put his screens back in his own language for other tests. */
    @org.junit.jupiter.api.AfterEach
    void backToOwnLanguage(@org.springframework.beans.factory.annotation.Autowired
                           org.springframework.jdbc.core.simple.JdbcClient database) {
        Browser.forgetScreenChoices(database, "driver");
    }


    /** The board refreshes every second; this leaves room for a slow machine. */
    private static final Duration LIVE = Duration.ofSeconds(5);

    static Browser lead;
    static Browser driver;

    @LocalServerPort
    int port;

    @AfterAll
    static void close() {
        if (lead != null) {
            lead.close();
        }
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void twoParticipantsSeeEachOthersCardsAndVotesTurnIntoActions() {
        lead = Browser.start(port);
        lead.size(Browser.DESKTOP).signIn("teamlead", "demo");
        lead.open("/evaluations");
        lead.assertAccessible("evaluations overview");
        lead.screenshot("evaluations");
        lead.clickAndWait(By.xpath("//a[contains(., 'Chauffeurs Zwolle') and contains(@href, '/evaluations/sessions/')]"));
        assertThat(lead.text()).contains("Eerst: open acties van eerdere evaluaties", "Welkomstmap voor nieuwe chauffeurs maken");
        lead.assertAccessible("planned evaluation");
        lead.screenshot("evaluation-planned");
        lead.submit("Start de sessie");
        assertThat(lead.text()).contains("De sessie is gestart.");
        String sessionPath = lead.path();

        driver = Browser.start(port);
        // Piotr reads Polish best but switches his phone to English here
        driver.size(Browser.PHONE).signIn("driver", "demo", "en");
        assertThat(driver.text()).contains("Your team's evaluation is running now");
        driver.clickAndWait(By.linkText("Join the board"));
        assertThat(driver.path()).isEqualTo(sessionPath);
        driver.mark();
        lead.mark();

        String leadCard = "De laadlijst klopt nog niet met de dock";
        lead.click(By.cssSelector("label[for=kind-BETTER]"));
        lead.type("card-text", leadCard);
        lead.click(By.xpath("//button[normalize-space(.)='Kaartje plakken']"));
        lead.waitForText(leadCard, LIVE);
        driver.waitForText(leadCard, LIVE);
        assertThat(driver.stillMarked()).as("the driver's page changed in place").isTrue();

        String driverCard = "Scan the load list at the dock with the phone";
        driver.click(By.cssSelector("label[for=kind-IDEA]"));
        driver.type("card-text", driverCard);
        driver.click(By.cssSelector("label[for=anonymous]"));
        driver.click(By.xpath("//button[normalize-space(.)='Add card']"));
        driver.waitForText(driverCard, LIVE);
        lead.waitForText(driverCard, LIVE);
        assertThat(lead.stillMarked()).isTrue();
        assertThat(driver.find(By.id("card-text")).getAttribute("value")).as("the form is empty for the next card").isEmpty();
        assertThat(driver.find(By.id("anonymous")).isSelected()).as("the next card stays without a name").isTrue();

        driver.click(By.cssSelector("button[aria-label='Vote for: " + leadCard + "']"));
        lead.waitForText("Eén stem", LIVE);
        lead.click(By.cssSelector("button[aria-label='Stem op: " + leadCard + "']"));
        driver.waitForText("2 votes", LIVE);
        assertThat(driver.text()).contains("You have 2 votes left.");
        assertThat(driver.overflowsSideways()).isFalse();
        driver.assertAccessible("evaluation board on a phone");
        driver.screenshot("evaluation-board");
        lead.assertAccessible("evaluation board");
        lead.screenshot("evaluation-board");

        // grouping: the driver's idea goes with the lead's card, then comes out again
        lead.clickAndWait(By.cssSelector("a[aria-label='Voeg dit kaartje samen met een ander: " + driverCard + "']"));
        lead.assertAccessible("group a card");
        lead.screenshot("evaluation-group");
        lead.clickAndWait(By.cssSelector("button[aria-label='Samenvoegen met: " + leadCard + "']"));
        assertThat(lead.text()).contains("De kaartjes zijn samengevoegd.");
        lead.click(By.cssSelector("button[aria-label='Haal dit kaartje uit de groep: " + driverCard + "']"));
        lead.waitForText("Geen stemmen", LIVE);

        lead.clickAndWait(By.cssSelector("a[aria-label='Maak een actie van: " + leadCard + "']"));
        lead.type("title", "Laadlijst samen met het magazijn nalopen");
        lead.choose("ownerId", "Piotr Kowalski");
        lead.assertAccessible("make an action");
        lead.screenshot("evaluation-make-action");
        lead.submit("Actie opslaan");
        assertThat(lead.text()).contains("De actie is gemaakt");
        driver.waitForText("Action: Laadlijst samen met het magazijn nalopen (Piotr Kowalski)", LIVE);

        lead.clickAndWait(By.linkText("Sessie afsluiten"));
        lead.type("note", "We lopen de laadlijst voortaan samen na.");
        lead.assertAccessible("close the session");
        lead.submit("Afsluiten en samenvatting tonen");
        assertThat(lead.text()).contains("Samenvatting: Samen terugkijken", "We lopen de laadlijst voortaan samen na.",
                "Laadlijst samen met het magazijn nalopen", "Welkomstmap voor nieuwe chauffeurs maken");
        lead.assertAccessible("evaluation summary");
        lead.screenshot("evaluation-summary");
        driver.waitForText("This session is closed.", LIVE);

        lead.clickAndWait(By.linkText("Chauffeurs Zwolle"));
        assertThat(lead.text()).contains("Evaluaties van Chauffeurs Zwolle", "Download als CSV");
        lead.assertAccessible("team history");
        lead.screenshot("evaluation-team");
        lead.open("/evaluations/schedule");
        lead.assertAccessible("plan evaluations");
        lead.screenshot("evaluation-schedule");

        // the driver finds the new action, and the overdue one from an earlier session
        driver.open("/actions");
        assertThat(driver.text()).contains("Laadlijst samen met het magazijn nalopen", "Welkomstmap voor nieuwe chauffeurs maken");
        driver.assertAccessible("my actions on a phone");
        driver.screenshot("actions-mine");
        driver.clickAndWait(By.linkText("Overdue"));
        assertThat(driver.text()).contains("Your overdue actions", "Welkomstmap voor nieuwe chauffeurs maken", "Overdue");
        assertThat(driver.text()).doesNotContain("Laadlijst samen met het magazijn nalopen");
        driver.assertAccessible("overdue actions");
        driver.screenshot("actions-overdue");
        driver.clickAndWait(By.linkText("Welkomstmap voor nieuwe chauffeurs maken"));
        driver.clickAndWait(By.xpath("//form[input[@value='DOING']]/button"));
        driver.waitForText("The action is in progress.", LIVE);
        assertThat(driver.text()).contains("The action is in progress.", "History");
        assertThat(driver.overflowsSideways()).isFalse();
        driver.assertAccessible("an action");
        driver.screenshot("action");
        driver.clickAndWait(By.linkText("Stop this action…"));
        driver.submit("Drop the action");
        assertThat(driver.text()).contains("Write down why the action is dropped.");
        driver.assertAccessible("drop an action");
        driver.screenshot("action-drop");
        driver.clickAndWait(By.linkText("Cancel"));
        driver.clickAndWait(By.linkText("Edit"));
        driver.assertAccessible("edit an action");
        driver.screenshot("action-edit");

        lead.open("/actions/team");
        assertThat(lead.text()).contains("Laadlijst samen met het magazijn nalopen", "Koffieautomaat laten repareren");
        lead.assertAccessible("team actions");
        lead.screenshot("actions-team");
        lead.open("/actions/new");
        lead.assertAccessible("new action");
        lead.screenshot("actions-new");
    }
}
