package nl.meedenken.browser;

import nl.meedenken.TestPeople;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.internal.PersonDetails;
import nl.meedenken.platform.Language;
import nl.meedenken.platform.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo team lead opens an account for a new driver in the own team on a phone, prints the slip in
 * the driver's language, and makes a new code at the desk; the driver activates with the slip's code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TeamAccessJourneyTest {

    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    People people;

    private Browser browser() {
        if (browser == null) {
            browser = Browser.start(port);
        }
        return browser;
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private long newDriver(String name, Language language) {
        long team = people.teams().stream().filter(t -> t.name().equals("Chauffeurs Zwolle")).findFirst()
                .orElseThrow().id().value();
        return people.register(new PersonDetails(TestPeople.uniqueNumber(), name, language, null, null, team, null,
                Set.of(Role.DRIVER)), "test").value();
    }

    @Test
    void theTeamLeadOpensAnAccountOnAPhoneAndTheDriverActivatesIt() {
        long radu = newDriver("Radu Nou " + TestPeople.uniqueNumber(), Language.RO);
        String number = people.details(radu).orElseThrow().employeeNumber();
        Browser b = browser();
        b.signOutEverywhere();
        b.size(Browser.PHONE).signIn("teamlead", "demo");

        b.clickAndWait(By.cssSelector("a.btn[href$='/team/access']"));
        assertThat(b.heading()).isEqualTo("Toegang voor Chauffeurs Zwolle");
        assertThat(b.text()).contains("Nog geen account", "Kan inloggen", "Piotr Kowalski",
                "Alleen de beheerder geeft een code aan iemand met de rol Ondernemingsraad."); // Kees Dekker
        assertThat(b.overflowsSideways()).isFalse();
        b.assertAccessible("team access on phone");
        b.screenshot("team-access-phone");

        b.clickAndWait(By.cssSelector("#member-" + radu + " button[type=submit]"));
        assertThat(b.text()).contains("Het account is aangemaakt.", "Contul tău pentru Meedenken");
        String code = b.find(By.id("slip-code")).getText();
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{5}");
        assertThat(b.find(By.id("slip-login")).getText()).isEqualTo(number);
        assertThat(b.find(By.id("code-slip")).getAttribute("lang")).isEqualTo("ro");
        assertThat(b.overflowsSideways()).isFalse();
        b.assertAccessible("code slip on phone");
        b.screenshot("team-access-slip-phone");

        // back on the list the driver now waits for activation, with the code's expiry
        b.open("/team/access");
        assertThat(b.find(By.id("member-" + radu)).getText()).contains("Wacht op activering", "Open code geldig tot");

        // the driver, on their own phone, with the slip
        b.signOutEverywhere();
        b.open("/activate?code=" + code);
        assertThat(b.heading()).isEqualTo("Setează-ți parola"); // the link opens in Romanian
        b.type("password", "parola mea lunga");
        b.type("repeated", "parola mea lunga");
        b.find(By.cssSelector("form[action$='/activate'] button[type=submit]")).click();
        b.waitFor(By.cssSelector("form[action$='/login']"));
        b.signIn(number, "parola mea lunga");
        assertThat(b.text()).contains("Radu Nou");
    }

    @Test
    void atTheDeskTheLeadConfirmsANewCodeThatReplacesAnOpenOne() {
        long ana = newDriver("Ana Vergeten " + TestPeople.uniqueNumber(), Language.NL);
        Browser b = browser();
        b.signOutEverywhere();
        b.size(Browser.DESKTOP).signIn("teamlead", "demo");
        b.open("/team/access");
        b.clickAndWait(By.cssSelector("#member-" + ana + " button[type=submit]"));
        assertThat(b.text()).contains("Je account voor Meedenken", "Briefje printen");
        b.assertAccessible("code slip");
        b.screenshot("team-access-slip");

        b.open("/team/access");
        b.assertAccessible("team access");
        b.screenshot("team-access");
        b.clickAndWait(By.cssSelector("#member-" + ana + " a.btn"));
        assertThat(b.heading()).startsWith("Nieuwe code maken voor Ana Vergeten");
        b.assertAccessible("confirm new code");
        b.screenshot("team-access-confirm");
        b.submit("Ja, maak een nieuwe code");
        assertThat(b.text()).contains("Er is een nieuwe code.");
        assertThat(b.find(By.id("slip-code")).getText()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{5}");
    }
}
