package nl.meedenken.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator adds a driver, opens an account and hands over the code; the driver
 * sets a password on their phone and signs in. Along the way every admin page is
 * checked and photographed on a desktop and a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdministratorJourneyTest {

    static Browser browser;

    @LocalServerPort
    int port;

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

    @Test
    void adminAddsADriverWhoActivatesTheAccountOnAPhone() {
        Browser b = browser();
        b.signOutEverywhere();
        b.size(Browser.DESKTOP).signIn("admin", "demo");

        b.open("/admin/people");
        assertThat(b.text()).contains("Ahmed Benali");
        b.assertAccessible("people list");
        b.screenshot("admin-people");

        b.type("q", "Kowal");
        b.waitFor(By.xpath("//td//a[text()='Piotr Kowalski']"));

        b.open("/admin/people/new");
        b.submit("Opslaan");
        assertThat(b.text()).contains("Vul dit in.");
        b.assertAccessible("person form with errors");
        b.screenshot("admin-person-form-errors");

        String number = "B" + (System.nanoTime() % 1_000_000);
        b.type("name", "Mila Stoker");
        b.type("employeeNumber", number);
        b.click(By.id("role-DRIVER"));
        b.submit("Opslaan");
        assertThat(b.heading()).isEqualTo("Mila Stoker");
        assertThat(b.text()).contains("De persoon is toegevoegd.");

        b.submit("Account aanmaken");
        String code = b.find(By.id("issued-code")).getText();
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{5}");
        b.assertAccessible("person with new code");
        b.screenshot("admin-person-code");

        b.open("/admin/teams");
        b.assertAccessible("teams");
        b.screenshot("admin-teams");
        b.open("/admin/sites");
        b.assertAccessible("sites");
        b.screenshot("admin-sites");
        b.open("/admin/audit");
        assertThat(b.text()).contains("Account aangemaakt");
        b.assertAccessible("audit log");
        b.screenshot("admin-audit");

        // the same pages on the administrator's phone
        b.size(Browser.PHONE);
        for (String page : new String[]{"/admin/people", "/admin/teams", "/admin/audit", "/admin/people/import"}) {
            b.open(page);
            assertThat(b.overflowsSideways()).as(page).isFalse();
            b.assertAccessible(page + " on phone");
        }
        b.open("/admin/people");
        b.screenshot("admin-people");

        // the driver, on their own phone
        b.signOutEverywhere();
        b.open("/activate");
        b.type("code", code.toLowerCase().replace("-", ""));
        b.type("password", "mijn eigen wachtwoord");
        b.type("repeated", "mijn eigen wachtwoord");
        b.assertAccessible("activation");
        b.screenshot("activate");
        b.submit("Wachtwoord opslaan");
        assertThat(b.text()).contains("Je wachtwoord is ingesteld.");
        b.signIn(number, "mijn eigen wachtwoord");
        assertThat(b.heading()).isEqualTo("Hallo Mila Stoker");
    }

    @Test
    void importWithAMistakeListsTheLineAndAddsNobody() throws Exception {
        Browser b = browser();
        b.signOutEverywhere();
        b.size(Browser.DESKTOP).signIn("admin", "demo");
        b.open("/admin/people/import");
        b.assertAccessible("import");
        Path file = Files.createTempFile("people", ".csv");
        Files.writeString(file, "employee_number;name;team\nI1;Ivo Import;Planning\nI2;Ina Import;Ruimtevaart\n",
                StandardCharsets.UTF_8);
        b.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        b.submit("Controleren en importeren");
        b.waitFor(By.cssSelector(".border-danger"));
        assertThat(b.text()).contains("Niets geïmporteerd: één probleem gevonden")
                .contains("Er is geen team met de naam \"Ruimtevaart\".");
        b.assertAccessible("import with problems");
        b.screenshot("admin-import-problems");
        b.open("/admin/people?q=Import");
        assertThat(b.text()).doesNotContain("Ivo Import");
    }
}
