package nl.meedenken.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A driver sends an idea with a photo from his phone, the team lead answers it with a reason,
 * and the driver reads the answer and the notification. A manager posts a challenge, two
 * employees give input, and the manager closes it with follow-up; both are told.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VoiceJourneyTest {
    /** Piotr reads English in this journey; put his screens back in his own language for other tests. */
    @org.junit.jupiter.api.AfterEach
    void backToOwnLanguage(@org.springframework.beans.factory.annotation.Autowired
                           org.springframework.jdbc.core.simple.JdbcClient database) {
        Browser.forgetScreenChoices(database, "driver");
    }


    /** A real 1 × 1 PNG. */
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

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
    void aDriversIdeaIsAnsweredWithAReasonAndHeIsTold() throws Exception {
        Browser b = browser();
        b.size(Browser.PHONE).signIn("driver", "demo", "en");
        b.open("/ideas");
        assertThat(b.overflowsSideways()).isFalse();
        b.assertAccessible("ideas on a phone");
        b.screenshot("ideas");
        b.clickAndWait(By.linkText("New idea"));
        String title = "A second mirror at the fuel pump";
        b.type("title", title);
        b.type("problem", "When I reverse to the fuel pump I cannot see the low pole.");
        b.type("proposal", "Hang a mirror on the wall behind the pump.");
        b.click(By.cssSelector("label[for=category-SAFETY]"));
        Path photo = Files.createTempFile("pump", ".png");
        Files.write(photo, PNG);
        b.find(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
        b.assertAccessible("new idea");
        b.screenshot("idea-new");
        b.submit("Send idea");
        assertThat(b.text()).contains("Your idea is sent. A team lead answers by", title, "An answer is promised by");
        assertThat(b.findAll(By.cssSelector("img.idea-photo"))).hasSize(1);
        String ideaPath = b.path();

        b.signOutEverywhere();
        b.size(Browser.DESKTOP).signIn("teamlead", "demo");
        b.open(ideaPath);
        b.choose("status", "Overgenomen");
        b.submit("Antwoord versturen");
        assertThat(b.text()).contains("Schrijf op waarom");
        b.choose("status", "Overgenomen");
        b.type("reason", "Goed gezien. De spiegel hangt er vrijdag.");
        b.submit("Antwoord versturen");
        assertThat(b.text()).contains("Het antwoord is verstuurd.", "Effect");
        b.assertAccessible("answered idea");
        b.screenshot("idea-answered");

        b.signOutEverywhere();
        b.size(Browser.PHONE).signIn("driver", "demo", "en");
        assertThat(b.find(By.cssSelector(".bell")).getAttribute("aria-label")).startsWith("Notifications:");
        b.clickAndWait(By.cssSelector(".bell"));
        assertThat(b.text()).contains("The idea \"" + title + "\" is adopted, says Ruud Jansen.");
        b.assertAccessible("notifications");
        b.screenshot("notifications");
        b.clickAndWait(By.xpath("//button[contains(., '" + title + "')]"));
        assertThat(b.path()).isEqualTo(ideaPath);
        assertThat(b.text()).contains("Goed gezien. De spiegel hangt er vrijdag.", "Adopted");
        assertThat(b.overflowsSideways()).isFalse();
        b.screenshot("idea-driver-reads-answer");
    }

    @Test
    void aManagersChallengeIsClosedWithFollowUpAndEveryoneWhoTookPartIsTold() {
        Browser b = browser();
        b.size(Browser.DESKTOP).signIn("manager", "demo");
        b.open("/challenges/new");
        b.assertAccessible("new challenge");
        b.screenshot("challenge-new");
        String title = "Zonnepanelen op het dak van de loods";
        b.type("title", title);
        b.type("context", "Het dak van de loods in Zwolle is groot en ligt op het zuiden.");
        b.type("question", "Wat moeten we weten voordat we beslissen?");
        b.type("option-0", "Ja, dit jaar nog");
        b.type("option-1", "Eerst uitzoeken wat het oplevert");
        b.submit("Plaatsen");
        assertThat(b.text()).contains("De uitdaging is geplaatst.", title);
        String path = b.path();

        for (String login : new String[]{"warehouse", "driver"}) {
            b.signOutEverywhere();
            b.size(Browser.PHONE).signIn(login, "demo");
            b.open(path);
            b.type("text", login.equals("warehouse") ? "Kan het dak het gewicht dragen?" : "Can we charge electric vans with it?");
            b.clickAndWait(By.cssSelector("form[action$='/input'] button"));
            b.click(By.cssSelector("label[for^=option-]"));
            b.clickAndWait(By.cssSelector("form[action$='/vote'] button"));
            assertThat(b.overflowsSideways()).isFalse();
        }
        b.assertAccessible("challenge on a phone");
        b.screenshot("challenge");

        b.signOutEverywhere();
        b.size(Browser.DESKTOP).signIn("manager", "demo");
        b.open(path);
        b.clickAndWait(By.linkText("Afsluiten met terugkoppeling"));
        assertThat(b.text()).contains("De 2 mensen die meededen, krijgen bericht.");
        b.assertAccessible("close challenge");
        b.screenshot("challenge-close");
        b.type("followUp", "We laten een constructeur naar het dak kijken en rekenen uit wat het oplevert.");
        b.submit("Afsluiten en iedereen laten weten");
        assertThat(b.text()).contains("De 2 mensen die meededen, krijgen bericht.", "Wat we met de inbreng deden");
        b.open("/challenges");
        b.assertAccessible("challenges");
        b.screenshot("challenges");

        for (String login : new String[]{"warehouse", "driver"}) {
            b.signOutEverywhere();
            b.size(Browser.PHONE).signIn(login, "demo");
            b.open("/notifications");
            assertThat(b.text()).contains(title);
        }
    }

    @Test
    void everyIdeasPageOpensForThePeopleWhoUseIt() {
        Browser b = browser();
        b.size(Browser.DESKTOP).signIn("manager", "demo");
        for (String[] page : new String[][]{{"/ideas/experiments", "experiments"}, {"/ideas/experiments/new", "experiment-new"},
                {"/ideas/teams", "innovation-teams"}, {"/ideas/teams/new", "innovation-team-new"}, {"/ideas/impact", "impact"},
                {"/ideas?overdue=yes", "ideas-overdue"}}) {
            b.open(page[0]);
            b.assertAccessible(page[1]);
            b.screenshot(page[1]);
        }
        b.open("/ideas/experiments");
        b.clickAndWait(By.partialLinkText("Vaste dockmedewerker"));
        assertThat(b.text()).contains("Dit experiment is voorbij de einddatum en heeft nog geen besluit.");
        b.assertAccessible("experiment");
        b.screenshot("experiment");
        b.open("/ideas/teams");
        b.clickAndWait(By.linkText("De Jonge Denkers"));
        assertThat(b.text()).contains("Vakken op de vloer in hal A", "Een nieuwe vestiging in Deventer?");
        b.assertAccessible("innovation team");
        b.screenshot("innovation-team");
        b.clickAndWait(By.linkText("Team aanpassen"));
        assertThat(b.find(By.id("name")).getAttribute("value")).isEqualTo("De Jonge Denkers");
        b.assertAccessible("change innovation team");
        b.screenshot("innovation-team-edit");
    }
}
