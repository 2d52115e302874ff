package nl.meedenken.browser;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drivers who read Polish, Romanian and Arabic, on a phone (360 × 740): the sign-in page speaks
 * the browser's language before anyone signs in, and after signing in the home page, the trip,
 * the ideas (one in their own words) and the scan speak the driver's own language. Arabic is laid
 * out right to left. Every page is checked with axe-core and saved as a screenshot.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LanguagesJourneyTest {

    @LocalServerPort
    int port;
    @Autowired
    MessageSource messages;
    @Autowired
    JdbcClient jdbc;

    private String message(String key, String language) {
        return messages.getMessage(key, null, Locale.forLanguageTag(language));
    }

    private void assertSpeaks(Browser b, String language, String page) {
        assertThat(b.script("return document.documentElement.lang")).as(page).isEqualTo(language);
        assertThat(b.script("return document.documentElement.dir")).as(page).isEqualTo("ar".equals(language) ? "rtl" : "ltr");
        assertThat(b.text()).as(page).doesNotContain("??").doesNotContain("{0}");
        assertThat(b.overflowsSideways()).as(page + " at 360 px").isFalse();
        b.assertAccessible(language + " " + page);
    }

    @ParameterizedTest
    @CsvSource({"pl, driver, Więcej światła przy dystrybutorze", "ro, andrei, Măsurăm presiunea în pneuri în fiecare luni",
            "ar, youssef, المسار على الهاتف بدل الورق"})
    void aDriverReadsTheShopFloorInHisOwnLanguage(String language, String login, String ownIdea) {
        Browser b = Browser.start(port, language);
        try {
            b.size(Browser.PHONE).open("/login");
            assertSpeaks(b, language, "sign-in");
            assertThat(b.heading()).isEqualTo(message("login.heading", language));
            if ("ar".equals(language)) {
                assertThat(b.script("return [...document.styleSheets].some(s => s.href && s.href.includes('bootstrap.rtl'))"))
                        .as("Bootstrap's right-to-left stylesheet").isEqualTo(true);
                assertThat(b.script("return getComputedStyle(document.querySelector('main')).direction")).isEqualTo("rtl");
            }
            b.screenshot(language + "-login");

            b.open("/scan/answer");
            assertSpeaks(b, language, "scan code page");
            b.screenshot(language + "-scan-code");
            b.open("/login");

            b.signIn(login, "demo");
            assertSpeaks(b, language, "home");
            b.screenshot(language + "-home");

            b.open("/driver");
            assertSpeaks(b, language, "my trip");
            assertThat(b.text()).contains(message("driver.title", language));
            b.screenshot(language + "-driver");

            long idea = jdbc.sql("select id from idea where title = :t").param("t", ownIdea).query(Long.class).single();
            b.open("/ideas/" + idea);
            assertSpeaks(b, language, "own idea");
            assertThat(b.heading()).isEqualTo(ownIdea);
            b.screenshot(language + "-idea");

            b.open("/scan");
            assertSpeaks(b, language, "scan");
            b.screenshot(language + "-scan");

            // the other shop-floor pages a driver opens, each in his language
            for (String path : new String[]{"/driving", "/driving/agreement", "/learning/report", "/challenges",
                    "/evaluations", "/actions", "/notifications", "/openbook", "/profile"}) {
                b.open(path);
                assertSpeaks(b, language, path);
                b.screenshot(language + path.replace('/', '-'));
            }

            b.click(By.cssSelector("details.lang-menu > summary"));
            assertThat(b.findAll(By.cssSelector(".lang-switch button"))).hasSize(10);
            b.screenshot(language + "-language-menu");
        } finally {
            b.close();
        }
    }
}
