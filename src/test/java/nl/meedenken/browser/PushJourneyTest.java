package nl.meedenken.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Piotr, a driver, opens his profile on his phone and finds "Get notifications on this phone". He taps
 * it and allows notifications: the page fetches the server's public key and sets up the service worker.
 * Headless Chromium has no push service to subscribe at, so the journey ends with the page saying the
 * phone could not be set up; what the server does with a subscription is tested in PushSubscriptionsWebTest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PushJourneyTest {

    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aDriverFindsTheButtonOnHisProfileAndTappingItAsksTheServerForItsKey() {
        if (browser == null) {
            browser = Browser.start(port);
        }
        Browser b = browser;
        b.signOutEverywhere();
        b.size(Browser.PHONE).signIn("driver", "demo");
        b.open("/profile");
        b.waitFor(By.cssSelector("[data-push] [data-push-subscribe]"));
        assertThat(b.find(By.cssSelector("[data-push-unsupported]")).isDisplayed()).isFalse();
        assertThat(b.find(By.cssSelector("[data-push] h2")).getText()).isNotBlank();
        assertThat(b.overflowsSideways()).isFalse();
        b.screenshot("push-1-profile-offers-notifications");
        b.assertAccessible("/profile with notifications");

        b.allow("notifications");
        b.click(By.cssSelector("[data-push-subscribe]"));

        String key = jdbc.sql("select public_key from push_keys where name = 'vapid'").query(String.class).single();
        b.waitFor(By.cssSelector("[data-push][data-key]"));
        assertThat(b.find(By.cssSelector("[data-push]")).getAttribute("data-key")).isEqualTo(key);
        // the service worker that will show the messages was registered for the whole app
        Object scope = b.runAsync("""
                const done = arguments[arguments.length - 1];
                navigator.serviceWorker.getRegistration('/').then(r => done(r ? r.scope : null), e => done(String(e)));
                """);
        assertThat(String.valueOf(scope)).endsWith(":" + port + "/");
        // headless Chromium reaches no push service: after a while the page says so, and the button is back
        String failed = b.find(By.cssSelector("[data-push]")).getAttribute("data-failed");
        b.waitForText(failed, java.time.Duration.ofSeconds(60));
        assertThat(b.find(By.cssSelector("[data-push]")).getAttribute("data-push-outcome")).isEqualTo("failed");
        assertThat(b.find(By.cssSelector("[data-push-subscribe]")).isEnabled()).isTrue();
        b.screenshot("push-2-after-the-tap");
        b.assertAccessible("/profile after asking for notifications");
    }
}
