package nl.meedenken.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A warehouse worker reports a near miss without her name on her phone and writes down the
 * code; the team lead answers, adds an action and shares the lesson; later, without signing
 * in, the code shows her the answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LearningJourneyTest {

    static Browser browser;

    @LocalServerPort
    int port;

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAnonymousReporterReadsTheAnswerWithTheFollowUpCode() {
        browser = Browser.start(port);
        Browser b = browser;
        b.size(Browser.PHONE).signIn("warehouse", "demo");
        b.open("/learning");
        assertThat(b.text()).contains("Leren van fouten", "Veel meldingen betekent dat mensen durven te praten",
                "Zwolle", "Venlo", "Nieuwste lessen");
        assertThat(b.overflowsSideways()).isFalse();
        b.assertAccessible("learning on a phone");
        b.screenshot("learning");

        b.clickAndWait(By.linkText("Meld een fout of bijna-ongeluk"));
        b.assertAccessible("report form");
        b.screenshot("learning-report");
        b.click(By.cssSelector("label[for=category-NEAR_MISS]"));
        String what = "Een heftruck reed achteruit de gang in zonder te piepen; iemand kon nog net opzij stappen.";
        b.type("whatHappened", what);
        b.type("location", "Gang bij hal B");
        b.type("prevention", "De pieper van de heftruck nakijken.");
        b.click(By.cssSelector("label[for=who-anonymous]"));
        b.click(By.cssSelector("label[for=mayPublish]"));
        b.submit("Melding versturen");
        assertThat(b.heading()).isEqualTo("Bedankt voor je melding");
        String code = b.find(By.id("follow-up-code")).getText();
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        b.assertAccessible("reported");
        b.screenshot("learning-reported");

        b.signOutEverywhere();
        b.size(Browser.DESKTOP).signIn("teamlead", "demo");
        b.open("/learning/reports?state=NEW");
        b.assertAccessible("reports");
        b.screenshot("learning-reports");
        b.clickAndWait(By.partialLinkText("Een heftruck reed achteruit"));
        assertThat(b.text()).contains("Zonder naam, gemeld in").doesNotContain("Gemeld door");
        b.type("learned", "De pieper van heftruck 3 was stuk en niemand wist bij wie je dat meldt.");
        b.type("change", "Elke ochtend testen we de pieper. Een kapotte pieper meld je bij de ploegleider.");
        b.submit("Antwoord versturen");
        assertThat(b.text()).contains("Het antwoord is verstuurd.");
        b.type("action-title", "Pieper van heftruck 3 laten repareren");
        b.choose("action-owner", "Gerrit Bos");
        b.submit("Actie toevoegen");
        assertThat(b.text()).contains("De actie is toegevoegd.", "Pieper van heftruck 3 laten repareren");
        b.assertAccessible("report with answer");
        b.screenshot("learning-report-detail");

        b.clickAndWait(By.linkText("Schrijf de les"));
        b.type("title", "Een heftruck die niet piept");
        b.type("situation", "Een heftruck reed achteruit bij VZ-123-B zonder geluid.");
        b.submit("Les delen");
        assertThat(b.text()).contains("Kenteken: VZ-123-B", "Haal dat eerst weg.");
        b.assertAccessible("lesson form with findings");
        b.screenshot("learning-lesson-form");
        b.type("situation", "Een heftruck reed achteruit een gang in zonder geluid.");
        b.click(By.cssSelector("label[for=checked]"));
        b.submit("Les delen");
        assertThat(b.text()).contains("De les is gedeeld met iedereen.", "Een heftruck die niet piept");
        b.assertAccessible("lesson");
        b.screenshot("learning-lesson");
        b.clickAndWait(By.linkText("Les weghalen"));
        b.assertAccessible("withdraw lesson");
        b.screenshot("learning-withdraw");
        b.clickAndWait(By.linkText("Annuleren"));

        b.signOutEverywhere();
        b.size(Browser.PHONE).open("/learning/follow-up");
        b.type("code", "AAAA-BBBB-CCCC");
        b.submit("Lees het antwoord");
        assertThat(b.text()).contains("Deze code kennen we niet.");
        b.type("code", code.toLowerCase());
        b.submit("Lees het antwoord");
        assertThat(b.text()).contains(what, "Elke ochtend testen we de pieper.",
                "Bedankt dat je dit meldde.", "Gedeeld met iedereen als les: Een heftruck die niet piept");
        assertThat(b.overflowsSideways()).isFalse();
        b.assertAccessible("answer read with the code");
        b.screenshot("learning-follow-up-answer");

        // a named reporter finds the answer among their own reports, and everyone reads the lessons
        b.size(Browser.PHONE).signIn("driver", "demo");
        b.open("/learning/mine");
        b.assertAccessible("my reports");
        b.screenshot("learning-mine");
        b.open("/learning/lessons");
        assertThat(b.text()).contains("Een heftruck die niet piept");
        b.assertAccessible("lessons");
        b.screenshot("learning-lessons");
        b.open("/learning/follow-up");
        b.assertAccessible("follow-up form");
        b.screenshot("learning-follow-up");
    }
}
