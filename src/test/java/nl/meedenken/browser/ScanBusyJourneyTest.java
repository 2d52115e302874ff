package nl.meedenken.browser;

import nl.meedenken.scan.internal.Answering;
import nl.meedenken.scan.internal.Campaigns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.doThrow;

/**
 * A warehouse worker sends the scan on a phone while the server is full: the page says so,
 * keeps the typed text, counts down and sends it again by itself, and the thank-you page follows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScanBusyJourneyTest {

    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    Campaigns campaigns;
    @MockitoSpyBean
    Answering answering;

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aBusyServerKeepsTheAnswersAndSendsThemAgain() {
        long campaign = campaigns.create(new Campaigns.Draft("Drukte " + System.nanoTime(), LocalDate.now(),
                LocalDate.now().plusDays(150), 5, List.of(), List.of()), "test");
        campaigns.open(campaign, "test");
        browser = Browser.start(port);
        Browser b = browser;
        b.size(Browser.PHONE).signIn("warehouse", "demo");
        b.open("/scan");
        b.click(By.cssSelector("form[action='/scan/campaigns/" + campaign + "/answer'] button"));
        b.click(By.cssSelector("label[for='rg-WAREHOUSE']"));
        b.submit("Volgende");
        while (b.path().startsWith("/scan/answer/part/")) {
            for (WebElement option : b.findAll(By.cssSelector(".likert input[value='3']"))) {
                b.click(By.cssSelector("label[for='" + option.getAttribute("id") + "']"));
            }
            WebElement next = b.find(By.cssSelector("button[value=next]"));
            b.click(By.cssSelector("button[value=next]"));
            b.waitUntilGone(next);
        }
        assertThat(b.path()).isEqualTo("/scan/answer/open");
        b.type("o_works_well", "Het nieuwe rooster werkt goed");

        // the first send finds every connection in use; the next one goes through
        doThrow(new CannotGetJdbcConnectionException("every connection is in use")).doCallRealMethod()
                .when(answering).submit(any(), anyMap(), any());
        b.submit("Antwoorden versturen");
        assertThat(b.heading()).isEqualTo("Even druk");
        assertThat(b.text()).contains("Er gaat niets verloren", "over");
        assertThat(b.find(By.id("o_works_well")).getAttribute("value")).isEqualTo("Het nieuwe rooster werkt goed");
        assertThat(b.overflowsSideways()).isFalse();
        b.assertAccessible("busy page");
        b.screenshot("scan-busy");
        b.waitForText("Bedankt!", Duration.ofSeconds(20));
        assertThat(campaigns.responses(campaign)).isEqualTo(1);
        b.screenshot("scan-busy-then-sent");
    }
}
