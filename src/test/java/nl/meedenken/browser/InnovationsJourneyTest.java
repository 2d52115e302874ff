package nl.meedenken.browser;

import nl.meedenken.TestPeople;
import nl.meedenken.innovations.internal.AcceptancePulses;
import nl.meedenken.innovations.internal.Project;
import nl.meedenken.innovations.internal.Projects;
import nl.meedenken.innovations.internal.Technology;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.internal.Teams;
import nl.meedenken.platform.Role;
import nl.meedenken.innovations.internal.Readiness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager creates an innovation project, completes a readiness item with evidence, starts an acceptance
 * pulse, tries to move on with items missing, and reads the acceptance trend of the demo's in-cab project.
 * While another project's pulse asks some of the same warehouse staff, the pulse is refused and names it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InnovationsJourneyTest {

    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    Projects projects;
    @Autowired
    AcceptancePulses pulses;
    @Autowired
    People people;
    @Autowired
    Teams teams;

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void managerCreatesAProjectSettlesAnItemStartsAPulseAndReadsTheTrend() {
        Browser b = Browser.start(port);
        browser = b;
        b.size(Browser.DESKTOP).signIn("manager", "demo");
        b.open("/innovations");
        assertThat(b.text()).contains("Innovaties", "In-cab software in de trucks", "Nieuw magazijnsysteem",
                "doorgegaan met open punten");
        b.assertAccessible("the innovation portfolio");
        b.screenshot("innovations-portfolio");

        b.clickAndWait(By.linkText("Nieuw project"));
        b.submit("Project aanmaken");
        assertThat(b.text()).contains("Geef de verandering een naam.");
        b.type("title", "Orderpicken met spraak");
        new Select(b.find(By.id("technology"))).selectByValue("MECHANISATION");
        b.type("purpose", "Orderpickers krijgen hun opdrachten via een headset, zodat ze de handen vrij hebben.");
        new Select(b.find(By.id("ownerId"))).selectByVisibleText("Ingrid van den Berg");
        b.click(By.id("g-ROLE-WAREHOUSE"));
        b.assertAccessible("a new innovation project");
        b.screenshot("innovations-new");
        b.submit("Project aanmaken");
        assertThat(b.text()).contains("Het project is aangemaakt", "Betrokkenheidsplan", "2 punten staan nog open");
        long id = Long.parseLong(b.path().replaceAll("\\D", ""));

        // the people affected were consulted: evidence and a date
        b.click(By.cssSelector("#item-CONSULTED summary"));
        b.type("ev-CONSULTED", "Twee sessies met de orderpickers van Zwolle en Venlo.");
        b.find(By.id("on-CONSULTED")).sendKeys(projects.today().minusDays(2).format(
                java.time.format.DateTimeFormatter.ofPattern("ddMMyyyy")));
        b.click(By.id("st-CONSULTED-DONE"));
        b.clickAndWait(By.cssSelector("#item-CONSULTED button[type=submit]"));
        assertThat(b.text()).contains("Eén punt staat nog open", "Twee sessies met de orderpickers");

        // moving on with an item still open needs a reason
        b.clickAndWait(By.xpath("//button[starts-with(normalize-space(.), 'Door naar')]"));
        assertThat(b.text()).contains("geef een reden om toch door te gaan");
        assertThat(projects.find(id).orElseThrow().phase().name()).isEqualTo("EXPLORE");

        // another project's pulse is open in a warehouse team: asking all warehouse staff now is refused
        long team = teams.create("Magazijn nachtploeg " + TestPeople.uniqueNumber(), null);
        for (int i = 0; i < 5; i++) {
            TestPeople.member(people, team, "Orderpicker " + i, Role.WAREHOUSE);
        }
        long other = projects.create(new Projects.NewProject("Nieuwe handscanners", Technology.WMS, "Lichtere scanners.",
                people.withRole(Role.MANAGEMENT).get(0).id().value(), false,
                java.util.List.of(new Project.Group(Project.Group.Kind.TEAM, Long.toString(team)))), "test");
        pulses.start(projects.find(other).orElseThrow(), "test");
        b.clickAndWait(By.xpath("//button[starts-with(normalize-space(.), 'Acceptatiepulsen starten')]"));
        assertThat(b.text()).contains("De pulsen zijn niet gestart", "Nieuwe handscanners · Magazijn nachtploeg",
                "Start deze pulsen als die andere puls gesloten is.");
        b.assertAccessible("a pulse refused because another one asks the same people");
        b.screenshot("innovations-pulse-overlap");
        pulses.close(other, pulses.pulses(projects.find(other).orElseThrow()).get(0).campaign().value(), "test");

        b.clickAndWait(By.xpath("//button[starts-with(normalize-space(.), 'Acceptatiepulsen starten')]"));
        assertThat(b.text()).contains("Eén puls staat 14 dagen open", "Open tot");
        b.assertAccessible("a project with its plan and pulse");
        b.screenshot("innovations-project");
        // closed with fewer than five answers: nothing is shown
        b.clickAndWait(By.xpath("//button[normalize-space(.)='Nu sluiten']"));
        assertThat(b.text()).contains("De puls is gesloten", "Minder dan 5 antwoorden: niet getoond.");

        b.open("/innovations");
        b.clickAndWait(By.linkText("In-cab software in de trucks"));
        assertThat(b.text()).contains("Pilot", "Afspraak over rijgegevens", "Helpt mijn werk", "Verkennen", "Samen ontwerpen");
        assertThat(b.findAll(By.cssSelector("#acceptance tbody tr"))).hasSize(2);
        assertThat(projects.items(projects.find(projects.all().stream().filter(p -> p.title().startsWith("In-cab"))
                .findFirst().orElseThrow().id()).orElseThrow()).stream()
                .filter(i -> i.item() == Readiness.DATA_AGREEMENT).findFirst().orElseThrow().status())
                .isEqualTo(Readiness.Status.DONE);
        b.assertAccessible("the in-cab project");
        b.screenshot("innovations-in-cab");
    }
}
