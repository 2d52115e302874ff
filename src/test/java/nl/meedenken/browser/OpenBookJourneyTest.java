package nl.meedenken.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A warehouse worker reads this month's figures on a phone and asks a question; a manager
 * imports next month, explains and publishes it, and answers the question.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenBookJourneyTest {

    static Browser browser;

    @LocalServerPort
    int port;

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

    @Test
    void readingAskingImportingPublishingAndAnswering() throws Exception {
        Browser b = browser();
        b.size(Browser.PHONE).signIn("warehouse", "demo");
        // last month is a demo month (other tests may publish months of their own later on)
        b.open("/openbook?month=" + YearMonth.now().minusMonths(1));
        assertThat(b.text()).contains("Waar elke € 100 naartoe ging", "Personeel", "Het getal waarop we sturen",
                "Op tijd geleverd");
        assertThat(b.findAll(By.cssSelector("svg.hundred rect"))).hasSizeGreaterThan(5);
        assertThat(b.overflowsSideways()).isFalse();
        b.assertAccessible("open book on a phone");
        b.screenshot("openbook");
        String question = "Waarom waren de kosten voor gebouwen hoger?";
        b.type("text", question);
        b.click(By.cssSelector("label[for=anonymous]"));
        b.submit("Vraag versturen");
        assertThat(b.text()).contains("Je vraag is zonder naam verstuurd.");

        b.signOutEverywhere();
        b.size(Browser.DESKTOP).signIn("manager", "demo");
        b.open("/openbook/manage/import");
        b.assertAccessible("import figures");
        YearMonth next = YearMonth.now();
        Path bad = Files.createTempFile("figures", ".csv");
        Files.writeString(bad, "month;revenue;personnel;fuel;vehicles;buildings;subcontracting;ict;other\n"
                + next + ";veel;1;1;1;1;1;1;1\n", StandardCharsets.UTF_8);
        b.find(By.id("file")).sendKeys(bad.toAbsolutePath().toString());
        b.submit("Controleren en importeren");
        assertThat(b.text()).contains("\"veel\" kunnen we niet als getal lezen.");
        b.screenshot("openbook-import-problems");
        Path good = Files.createTempFile("figures", ".csv");
        Files.writeString(good, "month;revenue;personnel;fuel;vehicles;buildings;subcontracting;ict;other\n"
                + next + ";410000;175000;72000;48000;24000;44000;12000;16000\n", StandardCharsets.UTF_8);
        b.find(By.id("file")).sendKeys(good.toAbsolutePath().toString());
        b.submit("Controleren en importeren");
        assertThat(b.text()).contains("Eén maand is geïmporteerd als concept.");
        b.assertAccessible("manage figures");
        b.screenshot("openbook-manage");

        b.clickAndWait(By.xpath("//tr[.//span[text()='Concept']]//a[text()='Wijzigen']"));
        assertThat(b.find(By.id("revenue")).getAttribute("value")).isEqualTo("410.000");
        b.type("explanation", "Een rustige maand. De omzet lag iets hoger dan vorig jaar.");
        b.type("revenue", "410,000");
        b.type("onTime", "140");
        b.submit("Opslaan als concept");
        assertThat(b.find(By.cssSelector("[data-field=revenue]")).getText()).contains("op twee manieren te lezen",
                "410.000 of 410000");
        assertThat(b.find(By.cssSelector("[data-field=onTime]")).getText()).contains("100");
        b.assertAccessible("month form with problems");
        b.screenshot("openbook-month-form-problems");
        b.type("revenue", "€ 410.000");
        b.type("onTime", "96,5");
        b.assertAccessible("month form");
        b.screenshot("openbook-month-form");
        b.submit("Opslaan als concept");
        b.clickAndWait(By.xpath("//tr[.//span[text()='Concept']]//a[text()='Publiceren']"));
        assertThat(b.find(By.cssSelector("tr[data-figure=revenue] td")).getText()).isEqualTo("€ 410.000,00");
        assertThat(b.text()).contains("De cijfers die je publiceert", "Een rustige maand.");
        b.assertAccessible("publish confirmation");
        b.screenshot("openbook-publish");
        b.submit("Ja, publiceren");
        assertThat(b.text()).contains("De cijfers zijn gepubliceerd.");

        b.find(By.xpath("//p[text()='" + question + "']/following-sibling::textarea")).sendKeys(
                "Het dak van het magazijn in Venlo is gerepareerd. Dat was eenmalig.");
        b.clickAndWait(By.xpath("//p[text()='" + question + "']/following-sibling::button"));
        assertThat(b.text()).contains("Het antwoord is voor iedereen gepubliceerd.");

        b.signOutEverywhere();
        b.size(Browser.PHONE).signIn("warehouse", "demo");
        b.open("/openbook?month=" + next);
        assertThat(b.text()).contains("Een rustige maand.", question, "Het dak van het magazijn in Venlo is gerepareerd.");
        b.screenshot("openbook-after");
    }
}
