package nl.meedenken.browser;

import nl.meedenken.TestPeople;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.platform.Role;
import nl.meedenken.scan.internal.Campaigns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One phone in the warehouse canteen, passed around: a colleague starts the scan, signs out
 * halfway; the next one signs in on the same phone and finds nothing of the first one's answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SharedPhoneJourneyTest {

    private static final String PASSWORD = "correct horse";
    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    Campaigns campaigns;
    @Autowired
    People people;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    private int drafts(long campaign) {
        return jdbc.sql("select count(*) from scan_draft where campaign_id = :c").param("c", campaign)
                .query(Integer.class).single();
    }

    @Test
    void theNextPersonOnASharedPhoneFindsNothingOfThePreviousOnesAnswers() {
        if (browser == null) {
            browser = Browser.start(port);
        }
        Browser b = browser;
        b.signOutEverywhere();
        long campaign = campaigns.create(new Campaigns.Draft("Kantinetelefoon", LocalDate.now(),
                LocalDate.now().plusDays(14), 5, List.of(), List.of()), "test");
        campaigns.open(campaign, "test");
        String first = TestPeople.withAccount(people, accounts, PASSWORD, Role.WAREHOUSE);
        String next = TestPeople.withAccount(people, accounts, PASSWORD, Role.WAREHOUSE);

        // the first colleague starts and answers a statement
        b.size(Browser.PHONE).signIn(first, PASSWORD);
        b.open("/scan");
        b.clickAndWait(By.cssSelector("form[action='/scan/campaigns/" + campaign + "/answer'] button"));
        b.click(By.cssSelector("label[for='rg-WAREHOUSE']"));
        b.submit("Volgende");
        assertThat(b.path()).isEqualTo("/scan/answer/part/1");
        String option = b.findAll(By.cssSelector(".likert input[value='2']")).get(0).getAttribute("id");
        b.click(By.cssSelector("label[for='" + option + "']"));
        b.screenshot("shared-phone-1-first-colleague-answering");
        assertThat(drafts(campaign)).isEqualTo(1);

        // signs out with the button in the top bar (not by deleting cookies)
        b.clickAndWait(By.cssSelector("form[action='/logout'] button"));
        assertThat(b.path()).startsWith("/login");
        assertThat(drafts(campaign)).as("the draft is deleted on the server").isZero();
        b.open("/scan/answer/part/1");
        assertThat(b.path()).as("nothing to continue").isEqualTo("/scan/answer");
        b.assertAccessible("code page after signing out");
        b.screenshot("shared-phone-2-after-signing-out");

        // the next colleague signs in on the same phone and starts afresh
        b.signIn(next, PASSWORD);
        b.open("/scan/answer");
        assertThat(b.path()).isEqualTo("/scan/answer");
        b.open("/scan");
        b.clickAndWait(By.cssSelector("form[action='/scan/campaigns/" + campaign + "/answer'] button"));
        assertThat(b.path()).isEqualTo("/scan/answer/start");
        assertThat(b.findAll(By.cssSelector("input[name=roleGroup]:checked"))).as("no kind of work chosen yet")
                .isEmpty();
        b.screenshot("shared-phone-3-next-colleague-starts-afresh");
        assertThat(campaigns.responses(campaign)).isZero();
    }
}
