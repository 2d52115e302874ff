package nl.meedenken.browser;

import org.apache.catalina.connector.Connector;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Piotr, a driver who reads Polish, opens Meedenken on his phone: the service worker is
 * installed for the whole site, the home page offers to add the app to his home screen when
 * the phone can, nothing personal is ever kept in the worker's cache, and without a connection
 * he sees the offline page in his language.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InstallableAppJourneyTest {

    private static final Locale POLISH = Locale.forLanguageTag("pl");
    private static final String IPHONE_SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    MessageSource messages;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WebServerApplicationContext server;

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    private String polish(String key) {
        return messages.getMessage(key, null, POLISH);
    }

    /** The paths of everything in every Cache Storage cache of this site, read in the page. */
    @SuppressWarnings("unchecked")
    private List<String> cachedPaths(Browser b) {
        return (List<String>) b.runAsync("""
                var done = arguments[arguments.length - 1];
                caches.keys().then(function (names) {
                  return Promise.all(names.map(function (name) {
                    return caches.open(name).then(function (c) { return c.keys(); });
                  }));
                }).then(function (lists) {
                  var paths = [];
                  lists.forEach(function (list) {
                    list.forEach(function (r) { var u = new URL(r.url); paths.push(u.pathname + u.search); });
                  });
                  done(paths);
                }).catch(function (e) { done(['error: ' + e]); });
                """);
    }

    private boolean serverAnswers() {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/offline")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String keptOfflineLanguage(Browser b) {
        return String.valueOf(b.runAsync("""
                var done = arguments[arguments.length - 1];
                caches.match('/offline').then(function (r) { done(r ? r.headers.get('Content-Language') : 'none'); });
                """));
    }

    @Test
    void aDriverGetsTheAppOnHisPhoneAndNothingPersonalIsKeptInIt() throws Exception {
        if (browser == null) {
            browser = Browser.start(port);
        }
        Browser b = browser;
        b.signOutEverywhere();
        b.size(Browser.PHONE).signIn("driver", "demo");
        assertThat(b.path()).isEqualTo("/");

        // the page names its manifest; the worker is active for the whole site and controls the page
        assertThat(b.findAll(By.cssSelector("head link[rel='manifest'][href='/manifest.webmanifest']"))).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> worker = (Map<String, Object>) b.runAsync("""
                var done = arguments[arguments.length - 1];
                navigator.serviceWorker.ready.then(function (r) {
                  done({scope: r.scope, script: r.active ? r.active.scriptURL : null});
                });
                """);
        assertThat(worker.get("scope")).isEqualTo("http://localhost:" + port + "/");
        assertThat(worker.get("script")).isEqualTo("http://localhost:" + port + "/sw.js");
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            b.open("/");
            return Boolean.TRUE.equals(b.script("return navigator.serviceWorker.controller !== null;"));
        });
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> cachedPaths(b).contains("/offline"));

        // Chromium finds the app installable (manifest, icons, worker) and says so: the button appears
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> b.find(By.cssSelector("[data-install-button]")).isDisplayed());
        var button = b.find(By.cssSelector("[data-install-button]"));
        assertThat(button.getText()).isEqualTo(polish("install.button"));
        assertThat(button.getSize().getHeight()).isGreaterThanOrEqualTo(44);
        assertThat(b.find(By.cssSelector("[data-install-ios]")).isDisplayed()).isFalse();
        assertThat(b.overflowsSideways()).isFalse();
        b.assertAccessible("driver home offering to install");
        b.screenshot("installable-driver-home");

        // the button is reached and pressed with the keyboard; it opens the browser's prompt
        // (a stand-in here, as a headless browser cannot show one) instead of the browser's own banner
        b.script("""
                var event = new Event('beforeinstallprompt', {cancelable: true});
                event.prompt = function () { window.installPrompted = true; return Promise.resolve(); };
                event.userChoice = Promise.resolve({outcome: 'accepted', platform: 'web'});
                window.dispatchEvent(event);
                window.installDefaultPrevented = event.defaultPrevented;
                """);
        assertThat(b.script("return window.installDefaultPrevented;")).isEqualTo(true);
        b.script("document.querySelector('[data-install-button]').focus();");
        b.find(By.cssSelector("[data-install-button]")).sendKeys(Keys.ENTER);
        b.waitForText(polish("install.done"), Duration.ofSeconds(10));
        assertThat(b.script("return window.installPrompted === true;")).isEqualTo(true);
        assertThat(b.find(By.cssSelector("[data-install-button]")).isDisplayed()).isFalse();

        // a browser that never offers to install (the event is swallowed before the page sees it)
        Object ownAgent = b.script("return navigator.userAgent;");
        Object noOffer = b.devTools("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.addEventListener('beforeinstallprompt', function (e) { e.stopImmediatePropagation(); }, true);"))
                .get("identifier");
        try {
            b.open("/");
            assertThat(b.find(By.cssSelector("[data-install]")).isDisplayed()).as("nothing to offer: hidden").isFalse();

            // Safari on an iPhone has no such event: a one-line hint instead
            b.devTools("Emulation.setUserAgentOverride", Map.of("userAgent", IPHONE_SAFARI, "platform", "iPhone"));
            b.open("/");
            assertThat(b.find(By.cssSelector("[data-install]")).isDisplayed()).isTrue();
            assertThat(b.find(By.cssSelector("[data-install-ios]")).getText()).isEqualTo(polish("install.ios"));
            assertThat(b.find(By.cssSelector("[data-install-button]")).isDisplayed()).isFalse();
            b.assertAccessible("driver home with the iPhone hint");
            b.screenshot("installable-ios-hint");

            // ... but not when Meedenken is already opened from the home screen (Safari then says
            // navigator.standalone; Chromium cannot pretend the display mode, so that is set by hand)
            Object fromHomeScreen = b.devTools("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "Object.defineProperty(navigator, 'standalone', {value: true});")).get("identifier");
            b.open("/");
            assertThat(b.script("return navigator.standalone;")).isEqualTo(true);
            assertThat(b.find(By.cssSelector("[data-install]")).isDisplayed()).isFalse();
            b.devTools("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", fromHomeScreen));
        } finally {
            b.devTools("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", noOffer));
            b.devTools("Emulation.setUserAgentOverride", Map.of("userAgent", ownAgent));
        }

        // pages with personal data pass the worker but never land in a cache
        b.open("/profile");
        assertThat(b.text()).contains("Piotr Kowalski");
        b.open("/driver");
        b.open("/notifications");
        List<String> cached = cachedPaths(b);
        assertThat(cached).doesNotContain("/profile", "/driver", "/notifications", "/")
                .contains("/offline", "/css/meedenken.css");
        assertThat(cached).allSatisfy(path -> assertThat(path)
                .matches("/offline|/(css|js|img|icons|webjars)/.+"));

        // without a connection a page shows the offline page, in Polish, with nothing of Piotr on it.
        // The server stops listening (the phone's network emulation of Chromium does not reach the
        // worker), so to the phone the server is as unreachable as in a dead spot on the road.
        assertThat(keptOfflineLanguage(b)).startsWith("pl");
        Connector connector = ((TomcatWebServer) server.getWebServer()).getTomcat().getConnector();
        connector.setPort(port); // started on a random port: come back on the same one
        try {
            connector.stop();
            b.open("/driver");
            b.waitFor(By.cssSelector(".offline-page"));
            assertThat(b.heading()).isEqualTo(polish("offline.heading"));
            assertThat(b.text()).contains(polish("offline.queue")).doesNotContain("Piotr");
            assertThat(b.path()).isEqualTo("/driver");
            assertThat(b.overflowsSideways()).isFalse();
            b.assertAccessible("offline page");
            b.screenshot("installable-offline");
        } finally {
            connector.start();
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(this::serverAnswers);
        b.clickAndWait(By.cssSelector("[data-reload]"));
        assertThat(b.path()).isEqualTo("/driver");
        assertThat(b.heading()).isEqualTo(polish("driver.title"));

        // after choosing English, the kept offline page follows
        try {
            b.open("/");
            b.chooseLanguage("en");
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                    .until(() -> keptOfflineLanguage(b).startsWith("en"));
        } finally {
            Browser.forgetScreenChoices(jdbc, "driver");
        }
    }
}
