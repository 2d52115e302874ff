package nl.meedenken.browser;

import nl.meedenken.TestLogins;
import nl.meedenken.organisation.People;
import nl.meedenken.platform.LanguageChosen;
import nl.meedenken.platform.SignedInUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each demo persona signs in on a phone and on a desktop, lands on their own home page,
 * switches the language and back. Every page is checked with axe-core and saved as a
 * screenshot under target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonaJourneysTest {

    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    People people;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    org.springframework.context.MessageSource messages;

    /** The greeting of the home page in the language the persona reads, without the name. */
    private String greeting(String login) {
        var locale = ((SignedInUser) users.loadUserByUsername(login)).language().screenLocale();
        return messages.getMessage("home.greeting", new Object[]{""}, locale).strip();
    }

    private final Map<Long, nl.meedenken.platform.Language> languagesBefore = new HashMap<>();

    @BeforeAll
    static void noBrowserYet() {
        browser = null;
    }

    private Browser browser() {
        if (browser == null) {
            browser = Browser.start(port);
        }
        browser.signOutEverywhere();
        return browser;
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Language switches are stored with the person; put them back for other tests. */
    @AfterEach
    void restoreLanguages() {
        languagesBefore.forEach((id, language) -> events.publishEvent(new LanguageChosen(id, language)));
    }

    private void remember(String login) {
        SignedInUser user = (SignedInUser) users.loadUserByUsername(login);
        languagesBefore.putIfAbsent(user.personId(), user.language());
    }

    @Test
    void signInPageOnPhoneAndDesktop() {
        Browser b = browser();
        for (int width : new int[]{Browser.PHONE, Browser.DESKTOP}) {
            b.size(width).open("/login");
            assertThat(b.heading()).isEqualTo("Welkom bij Meedenken");
            assertThat(b.overflowsSideways()).isFalse();
            b.assertAccessible("sign-in");
            b.screenshot("login");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"manager", "teamlead", "planner", "driver", "warehouse", "council", "admin"})
    void personaSignsInSeesTheirHomeAndSwitchesLanguage(String persona) {
        remember(persona);
        Browser b = browser();
        for (int width : new int[]{Browser.PHONE, Browser.DESKTOP}) {
            b.signOutEverywhere();
            b.size(width).signIn(persona, "demo");
            assertThat(b.path()).isEqualTo("/");
            assertThat(b.heading()).as("in the persona's own language").startsWith(greeting(persona));
            assertThat(b.overflowsSideways()).as("no sideways scrolling at " + width).isFalse();
            b.assertAccessible(persona + " home");
            b.screenshot(persona + "-home");

            b.chooseLanguage("en");
            b.waitFor(By.tagName("h1"));
            assertThat(b.heading()).startsWith("Hello");
            b.assertAccessible(persona + " home in English");
            b.screenshot(persona + "-home-en");

            b.chooseLanguage("nl");
            b.waitFor(By.tagName("h1"));
            assertThat(b.heading()).startsWith("Hallo");
        }
    }

    @Test
    void driverHomeIsShortWithBigButtonsAndABottomBarOnThePhone() {
        remember("driver");
        Browser b = browser();
        b.size(Browser.PHONE).signIn("driver", "demo");
        assertThat(b.findAll(By.cssSelector(".big-button"))).hasSizeGreaterThanOrEqualTo(2);
        for (var button : b.findAll(By.cssSelector(".big-button"))) {
            assertThat(button.getSize().getHeight()).isGreaterThanOrEqualTo(44);
        }
        assertThat(b.find(By.cssSelector(".bottombar")).isDisplayed()).isTrue();
        assertThat(b.findAll(By.cssSelector(".bottombar a"))).hasSizeLessThanOrEqualTo(4);
        b.clickAndWait(By.cssSelector(".bottombar a[href='/driver']"));
        // Piotr reads Polish
        var polish = java.util.Locale.forLanguageTag("pl");
        assertThat(b.heading()).isEqualTo(messages.getMessage("driver.title", null, polish));
        b.open("/profile");
        assertThat(b.heading()).isEqualTo(messages.getMessage("profile.title", null, polish));
        assertThat(b.text()).contains("Piotr Kowalski", "Chauffeurs Zwolle");
        assertThat(b.overflowsSideways()).isFalse();
        b.assertAccessible("driver profile");
        b.screenshot("driver-profile");
    }

    @Test
    void everyoneCanOpenTheirOwnDetailsOnThePhone() {
        for (String persona : TestLogins.PERSONAS) {
            remember(persona);
            Browser b = browser();
            b.size(Browser.PHONE).signIn(persona, "demo");
            b.open("/profile");
            assertThat(b.overflowsSideways()).isFalse();
            b.assertAccessible(persona + " profile");
            b.screenshot(persona + "-profile");
        }
    }

    @Test
    void aDriverWhoOpensAnAdminPageGetsAFriendlyRefusal() {
        Browser b = browser();
        b.size(Browser.PHONE).signIn("warehouse", "demo");
        b.open("/admin/people");
        assertThat(b.heading()).isEqualTo("Deze pagina is niet voor jou");
        b.assertAccessible("403");
        b.screenshot("error-403");
        b.open("/does-not-exist");
        assertThat(b.heading()).isEqualTo("Pagina niet gevonden");
        b.assertAccessible("404");
        b.screenshot("error-404");
    }
}
