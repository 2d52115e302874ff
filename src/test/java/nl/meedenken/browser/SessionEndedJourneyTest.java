package nl.meedenken.browser;

import nl.meedenken.TestPeople;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.platform.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A warehouse worker types a long idea, the session ends meanwhile (signed out in another tab),
 * and they press send: they sign in and find the form with their text, to send it again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionEndedJourneyTest {

    private static final String PASSWORD = "correct horse";
    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    People people;
    @Autowired
    Accounts accounts;

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anInvisibleCharacterInAnIdeaIsNamedAtItsFieldAndTheTextStays() {
        if (browser == null) {
            browser = Browser.start(port);
        }
        Browser b = browser;
        b.signOutEverywhere();
        String login = TestPeople.withAccount(people, accounts, PASSWORD, Role.WAREHOUSE);
        b.size(Browser.PHONE).signIn(login, PASSWORD);
        b.open("/ideas/new");
        // pasted from another program, with a bell character in it
        b.setValue("title", "Pallets\u0007 bij dock 2");
        b.type("problem", "Ze staan in de weg.");
        b.type("proposal", "Een vaste plek.");
        b.click(By.cssSelector("label[for='category-EFFICIENCY']"));
        b.clickAndWait(By.cssSelector("form[action='/ideas'] button[type=submit]"));

        assertThat(b.path()).isEqualTo("/ideas/new");
        b.waitFor(By.id("kept-form-error"));
        assertThat(b.find(By.id("kept-form-error")).getText()).contains("onzichtbaar stuurteken");
        assertThat(b.find(By.id("title")).getAttribute("value")).isEqualTo("Pallets bij dock 2");
        assertThat(b.find(By.id("title")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(b.find(By.id("problem")).getAttribute("value")).isEqualTo("Ze staan in de weg.");
        assertThat(b.find(By.id("category-EFFICIENCY")).isSelected()).isTrue();
        b.screenshot("bad-input-control-character-at-its-field");
        b.assertAccessible("idea form with a refused character");
    }

    @Test
    void theTypedIdeaSurvivesAnEndedSession() {
        if (browser == null) {
            browser = Browser.start(port);
        }
        Browser b = browser;
        b.signOutEverywhere();
        String login = TestPeople.withAccount(people, accounts, PASSWORD, Role.WAREHOUSE);
        String problem = "Bij dock 3 staan de rolcontainers in de looproute. " + "Wie 's ochtends vroeg begint, moet eromheen. ".repeat(12);
        b.size(Browser.PHONE).signIn(login, PASSWORD);
        b.open("/ideas/new");
        b.type("title", "Rolcontainers uit de looproute");
        b.type("problem", problem);
        b.type("proposal", "Een vaste plek voor lege rolcontainers naast dock 4.");
        b.click(By.cssSelector("label[for='category-SAFETY']"));

        // signed out in another tab: the session this page belongs to is gone
        b.signOutEverywhere();
        b.clickAndWait(By.cssSelector("form[action='/ideas'] button[type=submit]"));

        assertThat(b.path()).startsWith("/login?sessionEnded");
        assertThat(b.find(By.id("session-ended")).getText()).contains("Je sessie is afgelopen");
        b.screenshot("session-ended-1-sign-in");

        b.type("username", login);
        b.type("password", PASSWORD);
        b.clickAndWait(By.cssSelector("form[action='/login'] button[type=submit]"));

        assertThat(b.path()).isEqualTo("/ideas/new");
        b.waitFor(By.id("kept-form-reason"));
        assertThat(b.find(By.id("title")).getAttribute("value")).isEqualTo("Rolcontainers uit de looproute");
        assertThat(b.find(By.id("problem")).getAttribute("value")).isEqualTo(problem);
        assertThat(b.find(By.id("category-SAFETY")).isSelected()).isTrue();
        b.screenshot("session-ended-2-form-filled-in");
        b.assertAccessible("idea form after an ended session");

        b.submit("Idee versturen");
        b.screenshot("session-ended-3-sent-again");
        assertThat(b.path()).matches("/ideas/\\d+");
    }
}
