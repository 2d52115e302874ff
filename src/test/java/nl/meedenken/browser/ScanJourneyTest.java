package nl.meedenken.browser;

import nl.meedenken.scan.internal.Campaign;
import nl.meedenken.scan.internal.Campaigns;
import nl.meedenken.scan.internal.ParticipationCodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scan from start to finish: management opens a campaign and prints code slips, one
 * employee answers with a code on a phone in English, a driver answers with an account in
 * Dutch, and management, the works council and a team lead read the results.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScanJourneyTest {

    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    Campaigns campaigns;
    @Autowired
    ParticipationCodes codes;

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

    /** Answers every statement of every part with the given value, then the open questions. */
    private static void answerAll(Browser b, int value, String screenshotPrefix) {
        int part = 0;
        while (b.path().startsWith("/scan/answer/part/")) {
            part++;
            List<WebElement> options = b.findAll(By.cssSelector(".likert input[value='" + value + "']"));
            for (WebElement option : options) {
                b.click(By.cssSelector("label[for='" + option.getAttribute("id") + "']"));
            }
            if (part == 1) {
                assertThat(b.overflowsSideways()).isFalse();
                b.assertAccessible("scan part");
                b.screenshot(screenshotPrefix + "-part");
            }
            WebElement next = b.find(By.cssSelector("button[value=next]"));
            b.click(By.cssSelector("button[value=next]"));
            b.waitUntilGone(next);
        }
    }

    @Test
    void fromOpeningACampaignToReadingItsResults() {
        Browser b = browser();
        b.size(Browser.DESKTOP).signIn("manager", "demo");
        b.open("/scan/campaigns");
        b.assertAccessible("campaigns");
        b.screenshot("scan-campaigns");
        b.open("/scan/campaigns/new");
        b.type("title", "Winterscan");
        // the dates are filled in already: from today, three weeks
        b.assertAccessible("new campaign");
        b.screenshot("scan-campaign-new");
        b.submit("Opslaan");
        assertThat(b.text()).contains("De ronde is opgeslagen als concept.");
        b.submit("Nu openen");
        assertThat(b.text()).contains("De ronde is open.");
        b.assertAccessible("campaign");
        b.screenshot("scan-campaign");
        b.type("count", "2");
        b.submit("Codes maken en printen");
        List<String> codes = b.findAll(By.cssSelector(".slip-code")).stream().map(WebElement::getText).toList();
        assertThat(codes).hasSize(2).allMatch(c -> c.matches("[A-Z2-9]{7}-[A-Z2-9]{7}"));
        b.assertAccessible("code slips");
        b.screenshot("scan-slips");
        long campaignId = campaigns.all().stream().filter(c -> c.title().equals("Winterscan")).findFirst()
                .map(Campaign::id).orElseThrow();

        // someone without an account, on a phone, in English
        b.signOutEverywhere();
        b.size(Browser.PHONE).open("/scan/answer?code=" + codes.get(0));
        b.assertAccessible("code entry");
        b.screenshot("scan-code");
        b.submit("Beginnen");
        assertThat(b.path()).isEqualTo("/scan/answer/start");
        b.clickAndWait(By.cssSelector("main button[name=lang][value=en]"));
        assertThat(b.heading()).isEqualTo("Welcome");
        b.click(By.cssSelector("label[for='rg-WAREHOUSE']"));
        b.assertAccessible("scan start");
        b.screenshot("scan-start-en");
        b.submit("Next");
        answerAll(b, 4, "scan-en");
        assertThat(b.path()).isEqualTo("/scan/answer/open");
        b.type("o_works_well", "We help each other.");
        b.assertAccessible("open questions");
        b.screenshot("scan-open-en");
        b.submit("Send my answers");
        assertThat(b.heading()).isEqualTo("Thank you!");
        b.screenshot("scan-done-en");

        // a warehouse worker with an account, on a phone, in Dutch; leaving halfway and coming back
        b.signOutEverywhere();
        b.signIn("warehouse", "demo");
        assertThat(b.text()).contains("De scan staat open");
        b.open("/scan");
        b.screenshot("scan-mine");
        b.click(By.cssSelector("form[action='/scan/campaigns/" + campaignId + "/answer'] button"));
        b.click(By.cssSelector("label[for='rg-WAREHOUSE']"));
        b.submit("Volgende");
        b.open("/");
        b.open("/scan/answer");
        assertThat(b.path()).as("the same device continues").isEqualTo("/scan/answer/start");
        b.submit("Volgende");
        answerAll(b, 2, "scan-nl");
        b.submit("Antwoorden versturen");
        assertThat(b.heading()).isEqualTo("Bedankt!");
        b.open("/scan");
        assertThat(b.text()).contains("Je hebt meegedaan. Bedankt!");

        // management: while the campaign runs, results wait; after closing, two answers are too few
        b.signOutEverywhere();
        b.size(Browser.DESKTOP).signIn("manager", "demo");
        b.open("/scan/campaigns/" + campaignId + "/results");
        assertThat(b.text()).contains("De uitkomsten verschijnen als de ronde gesloten is");
        b.assertAccessible("results while open");
        b.screenshot("scan-results-waiting");
        b.open("/scan/campaigns/" + campaignId + "/close");
        b.submit("Ja, sluiten");
        b.open("/scan/campaigns/" + campaignId + "/results");
        assertThat(b.text()).contains("Minder dan 5 mensen in deze groep hebben geantwoord");
        b.screenshot("scan-results-hidden");

        // the demo's closed campaign has enough answers for everything
        long demo = campaigns.all().stream().filter(c -> c.status() == Campaign.Status.CLOSED)
                .filter(c -> c.title().startsWith("Meedenken-scan")).findFirst().orElseThrow().id();
        b.open("/scan/campaigns/" + demo + "/results");
        b.waitFor(By.cssSelector("[data-chart=gap] svg"));
        for (String chart : new String[]{"radar-STRUCTURE", "radar-CULTURE", "distribution", "heat-departments",
                "heat-roles", "map"}) {
            assertThat(b.findAll(By.cssSelector("[data-chart='" + chart + "'] svg"))).as(chart).isNotEmpty();
        }
        assertThat(b.text()).contains("Open over geld", "Leiding en werkvloer vergeleken", "Meest verbeterd");
        b.assertAccessible("results");
        b.screenshot("scan-results");
        b.size(Browser.PHONE).open("/scan/campaigns/" + demo + "/results");
        b.waitFor(By.cssSelector("[data-chart=gap] svg"));
        assertThat(b.overflowsSideways()).isFalse();
        b.screenshot("scan-results");

        // the works council reads the report
        b.signOutEverywhere();
        b.size(Browser.DESKTOP).signIn("council", "demo");
        b.open("/scan/campaigns/" + demo + "/report");
        assertThat(b.heading()).startsWith("Scanrapport");
        b.assertAccessible("report");
        b.screenshot("scan-report");

        // a team lead sees only their own department
        b.signOutEverywhere();
        b.size(Browser.PHONE).signIn("teamlead", "demo");
        b.open("/scan/campaigns/" + demo + "/results");
        assertThat(b.path()).contains("team=");
        assertThat(b.text()).doesNotContain("Thema's per afdeling");
        b.assertAccessible("team lead results");
        b.screenshot("scan-results-teamlead");
    }

    @Test
    void theWorksCouncilCoSignsCodesAndReadsTheAuditTrail() {
        boolean before = codes.councilCosigns();
        long id = campaigns.create(new Campaigns.Draft("Voorjaarsscan", LocalDate.now(), LocalDate.now().plusDays(90), 5,
                List.of(), List.of()), "Ingrid van den Berg");
        campaigns.open(id, "Ingrid van den Berg");
        try {
            // the works council wants to co-sign every batch of codes
            Browser b = browser();
            b.size(Browser.DESKTOP).signIn("council", "demo");
            b.open("/scan/campaigns/" + id + "/batches");
            b.submit("Meetekenen aanzetten");
            assertThat(b.text()).contains("Vanaf nu wacht elke reeks codes tot een lid van de OR meetekent.");

            // management asks for codes; they wait
            b.signOutEverywhere();
            b.signIn("manager", "demo");
            b.open("/scan/campaigns/" + id);
            assertThat(b.text()).contains("De OR tekent codes mee.");
            b.type("count", "2");
            b.submit("Codes aanvragen");
            assertThat(b.path()).isEqualTo("/scan/campaigns/" + id + "/batches");
            assertThat(b.text()).contains("Je aanvraag is opgeslagen.", "Wacht op de OR");
            b.screenshot("scan-batches-waiting");

            // a council member co-signs
            b.signOutEverywhere();
            b.signIn("council", "demo");
            b.open("/scan/campaigns/" + id + "/batches");
            b.assertAccessible("code batches");
            b.screenshot("scan-batches-cosign");
            b.submit("Meetekenen");
            assertThat(b.text()).contains("Je hebt de codes meegetekend.", "Meegetekend, klaar om te printen");

            // management prints them, once
            b.signOutEverywhere();
            b.signIn("manager", "demo");
            b.open("/scan/campaigns/" + id + "/batches");
            b.submit("Codes maken en printen");
            assertThat(b.findAll(By.cssSelector(".slip-code"))).hasSize(2);

            // the works council reads what happened
            b.signOutEverywhere();
            b.signIn("council", "demo");
            b.open("/scan/campaigns/" + id);
            b.click(By.linkText("Logboek"));
            b.waitFor(By.id("audit-entries"));
            assertThat(b.text()).contains("Papieren codes aangevraagd", "Papieren codes medeondertekend door de OR",
                    "Papieren codes gemaakt en getoond om te printen", "Scanronde geopend", "Henk Mulder");
            b.assertAccessible("campaign audit trail");
            b.screenshot("scan-audit");
            b.size(Browser.PHONE).open("/scan/campaigns/" + id + "/audit");
            assertThat(b.overflowsSideways()).isFalse();
            b.screenshot("scan-audit");
        } finally {
            codes.councilCosigns(before, "test");
            campaigns.closeIfOpen(id, "test");
        }
    }
}
