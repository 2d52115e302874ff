package nl.meedenken.browser;

import nl.meedenken.driving.internal.Agreement;
import nl.meedenken.driving.internal.Agreements;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.platform.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Driving as each persona uses it, on the demo's twelve weeks of telematics: Piotr reads his week on a
 * phone, sees who looked, and suggests a change to the figures; his team lead opens his figures (and
 * Piotr can see that); management drafts an agreement and the works council consents to it; a planner
 * reads time at stops; the administrator links a card and reads what an import refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DrivingJourneyTest {
    /** Piotr reads English in this journey; put his screens back in his own language for other tests. */
    @org.junit.jupiter.api.AfterEach
    void backToOwnLanguage(@org.springframework.beans.factory.annotation.Autowired
                           org.springframework.jdbc.core.simple.JdbcClient database) {
        Browser.forgetScreenChoices(database, "driver");
    }


    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    People people;
    @Autowired
    Agreements agreements;
    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    private long piotr() {
        return people.withRole(Role.DRIVER).stream().filter(p -> p.name().equals("Piotr Kowalski"))
                .map(PersonSummary::id).findFirst().orElseThrow().value();
    }

    private long accesses(long driver) {
        return jdbc.sql("select count(*) from driving_access where driver_id = :d").param("d", driver)
                .query(Long.class).single();
    }

    @Test
    void driverTeamLeadManagementCouncilPlannerAndAdministrator() {
        Browser b = Browser.start(port);
        browser = b;
        long piotr = piotr();

        // Piotr, on a phone, switches his screens from Polish to English
        b.size(Browser.PHONE).signIn("driver", "demo", "en");
        b.open("/driving");
        assertThat(b.text()).contains("My driving", "Eco score", "Safety score", "Three things to try this week",
                "Compared with your earlier weeks", "The last 12 weeks", "Who looked at my figures (1)");
        assertThat(b.findAll(By.cssSelector(".tips li"))).hasSize(3);
        assertThat(b.findAll(By.cssSelector(".trend tbody tr"))).hasSize(12);
        assertThat(b.text()).doesNotContain("Team leaderboard: ").contains("Team leaderboard");
        assertThat(b.overflowsSideways()).isFalse();
        b.assertAccessible("a driver's week on a phone");
        b.screenshot("driving-week-phone");

        b.clickAndWait(By.linkText("How the scores are calculated"));
        assertThat(b.text()).contains("points = 100", "accelerationDuringBrakeClass", "85");
        assertThat(b.overflowsSideways()).isFalse();
        b.assertAccessible("the formula on a phone");
        b.screenshot("driving-formula-phone");

        b.open("/driving");
        b.clickAndWait(By.partialLinkText("Who looked at my figures"));
        assertThat(b.text()).contains("Ruud Jansen", "Team lead of your team");
        b.assertAccessible("who looked, on a phone");
        b.screenshot("driving-access-phone");

        b.open("/driving");
        b.clickAndWait(By.partialLinkText("Suggest a change to these figures"));
        assertThat(b.text()).contains("This idea will be linked to: Data agreement on driving of");
        b.type("title", "Uitrollen telt niet eerlijk in de heuvels");
        b.type("proposal", "Tel uitrollen alleen op wegen zonder helling, of geef het minder gewicht.");
        b.click(By.cssSelector("label[for='category-WORKING_CONDITIONS']"));
        b.submit("Send idea");
        assertThat(b.text()).contains("About: Data agreement on driving of");

        // Ruud, the team lead of Zwolle's drivers, on a desktop
        b.signOutEverywhere();
        b.size(Browser.DESKTOP).signIn("teamlead", "demo");
        b.open("/driving/drivers");
        assertThat(b.text()).contains("Rijcijfers", "Chauffeurs Zwolle", "Minder dan 5 chauffeurs reden", "Piotr Kowalski");
        b.assertAccessible("driving figures for a team lead");
        b.screenshot("driving-drivers-teamlead");
        long before = accesses(piotr);
        b.clickAndWait(By.linkText("Piotr Kowalski"));
        assertThat(b.text()).contains("Rijcijfers van Piotr Kowalski", "Piotr Kowalski kan zien dat je deze cijfers opende");
        b.assertAccessible("one driver's figures");
        b.screenshot("driving-driver-teamlead");
        assertThat(accesses(piotr)).isEqualTo(before + 1);

        // management drafts a new agreement without a leaderboard
        b.signOutEverywhere();
        b.signIn("manager", "demo");
        b.open("/driving/agreement");
        assertThat(b.text()).contains("Van kracht", "Uitrollen telt niet eerlijk in de heuvels");
        b.assertAccessible("the agreement page");
        b.screenshot("driving-agreement");
        b.clickAndWait(By.linkText("Nieuw concept"));
        b.click(By.id("leaderboard"));
        b.type("retentionDays", "5");
        b.submit("Concept opslaan");
        assertThat(b.text()).contains("Vul een aantal dagen in tussen 28 en 730");
        b.assertAccessible("drafting an agreement");
        b.screenshot("driving-agreement-form");
        b.type("retentionDays", "120");
        b.submit("Concept opslaan");
        assertThat(b.text()).contains("Het concept is opgeslagen", "Concept");
        long draft = agreements.all().stream().filter(a -> a.status() == Agreement.Status.DRAFT).findFirst()
                .orElseThrow().id();
        b.open("/driving/agreement/" + agreements.inForce().orElseThrow().id() + "/end");
        assertThat(b.text()).contains("Ja, beëindigen", "Wat er verandert als de afspraak vandaag stopt",
                "Teamtotalen: niet meer zichtbaar.");
        b.screenshot("driving-agreement-end");
        b.clickAndWait(By.linkText("Annuleren"));

        // the works council consents
        b.signOutEverywhere();
        b.signIn("council", "demo");
        b.open("/driving/agreement");
        // before consenting, the council reads what the draft would hide or delete
        assertThat(b.find(By.id("preview-" + draft)).getText()).contains("Wat er verandert als de OR vandaag instemt");
        assertThat(b.text()).contains("De ranglijst stopt.");
        b.assertAccessible("the agreement page with a preview");
        b.screenshot("driving-agreement-preview");
        b.find(By.id("consent-on-" + draft)).sendKeys(LocalDate.now().minusDays(1).format(
                java.time.format.DateTimeFormatter.ofPattern("ddMMyyyy")));
        b.click(By.id("confirmed-" + draft));
        b.submit("Instemming vastleggen; de afspraak gaat in");
        assertThat(b.text()).contains("De instemming is vastgelegd");
        Agreement inForce = agreements.inForce().orElseThrow();
        assertThat(inForce.id()).isEqualTo(draft);
        assertThat(inForce.leaderboard()).isFalse();
        assertThat(inForce.retentionDays()).isEqualTo(120);

        // the leaderboard is gone for Piotr
        b.signOutEverywhere();
        b.size(Browser.PHONE).signIn("driver", "demo");
        b.open("/driving");
        assertThat(b.text()).doesNotContain("Team leaderboard");

        // a planner reads time at stops, but may not open a driver
        b.signOutEverywhere();
        b.size(Browser.DESKTOP).signIn("planner", "demo");
        b.open("/driving/loading");
        assertThat(b.text()).contains("Tijd bij stops", "Helpt de laadvolgorde?", "Stops in laadvolgorde",
                "de laadvolgorde helpt");
        b.assertAccessible("time at stops");
        b.screenshot("driving-loading-planner");
        b.open("/driving/drivers");
        assertThat(b.text()).contains("De afspraak over rijgegevens laat je de cijfers van één chauffeur niet openen");

        // the administrator links a card and reads an import
        b.signOutEverywhere();
        b.signIn("admin", "demo");
        b.open("/driving/admin");
        assertThat(b.text()).contains("Telematica", "Imports", "Demo", "Chauffeurskaarten", "82-BLT-4");
        b.assertAccessible("telematics for the administrator");
        b.screenshot("driving-admin");
        b.clickAndWait(By.cssSelector("#imports-title ~ div table tbody tr:first-child th a"));
        assertThat(b.text()).contains("Geweigerde statussen");
        b.assertAccessible("one import");
        b.screenshot("driving-import");
    }
}
