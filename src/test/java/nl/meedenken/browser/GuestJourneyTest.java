package nl.meedenken.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agency worker without an account scans the Zwolle poster, reports a near miss and writes down
 * the code; the team lead answers it; the worker reads the answer with the code. An idea goes the
 * same way. On the canteen tablet in kiosk mode, the second person sees nothing of the first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GuestJourneyTest {

    static Browser browser;
    static Browser romanian;

    @LocalServerPort
    int port;

    @AfterAll
    static void close() {
        for (Browser b : new Browser[] {browser, romanian}) {
            if (b != null) {
                b.close();
            }
        }
    }

    private String posterPath(Browser b, String login) {
        b.size(Browser.DESKTOP).signIn(login, "demo");
        b.open("/admin/posters");
        b.clickAndWait(By.cssSelector("a[aria-label='Print de poster van Zwolle']"));
        String url = b.find(By.cssSelector(".poster-url")).getText();
        return url.substring(url.indexOf("/guest/"));
    }

    @Test
    void anAgencyWorkerReportsANearMissFromThePosterAndReadsTheAnswer() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        browser = Browser.start(port);
        Browser b = browser;

        // management prints the poster of the Zwolle depot
        b.size(Browser.DESKTOP).signIn("manager", "demo");
        b.open("/admin/posters");
        assertThat(b.text()).contains("QR-posters", "Zwolle", "Venlo").doesNotContain("Poster vernieuwen");
        b.assertAccessible("posters");
        b.screenshot("guest-posters");
        b.clickAndWait(By.cssSelector("a[aria-label='Print de poster van Zwolle']"));
        assertThat(b.text()).contains("Zwolle", "Meld een bijna-ongeluk of stuur een idee",
                "Scan de code met de camera van je telefoon.");
        assertThat(b.findAll(By.cssSelector(".poster-qr svg"))).hasSize(1);
        b.assertAccessible("printable poster");
        b.screenshot("guest-poster");
        String url = b.find(By.cssSelector(".poster-url")).getText();
        String path = url.substring(url.indexOf("/guest/"));

        // the agency worker scans it on a phone: no account, no sign-in
        b.signOutEverywhere();
        b.size(Browser.PHONE).open(path);
        assertThat(b.heading()).isEqualTo("Vertel het ons, zonder account");
        assertThat(b.text()).contains("Zwolle").doesNotContain("Vul de scan in met een code");
        assertThat(b.overflowsSideways()).isFalse();
        b.assertAccessible("guest page");
        b.screenshot("guest");

        b.clickAndWait(By.linkText("Meld een fout of bijna-ongeluk"));
        assertThat(b.text()).contains("Je hebt geen account nodig").doesNotContain("Zonder mijn naam");
        b.assertAccessible("guest report form");
        b.screenshot("guest-report");
        String what = "Een rolcontainer rolde vanzelf de laadklep af bij dock " + random.nextInt(1, 20)
                + "; niemand stond er op dat moment.";
        b.click(By.cssSelector("label[for=category-NEAR_MISS]"));
        b.type("whatHappened", what);
        b.type("location", "Dock bij hal A");
        b.submit("Melding versturen");
        assertThat(b.heading()).isEqualTo("Bedankt voor je melding");
        String code = b.find(By.id("follow-up-code")).getText();
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(b.overflowsSideways()).isFalse();
        b.assertAccessible("guest reported");
        b.screenshot("guest-reported");

        // a team lead answers it, signed in
        b.signOutEverywhere();
        b.size(Browser.DESKTOP).signIn("teamlead", "demo");
        b.open("/learning/reports?state=NEW");
        b.clickAndWait(By.partialLinkText("Een rolcontainer rolde vanzelf"));
        assertThat(b.text()).contains("Zonder naam", "Zwolle");
        String learned = "De rem van rolcontainer " + random.nextInt(100, 999) + " was versleten.";
        b.type("learned", learned);
        b.type("change", "We controleren de remmen elke maandag.");
        b.submit("Antwoord versturen");
        assertThat(b.text()).contains("Het antwoord is verstuurd.");

        // the worker reads the answer with the code, from the poster's page
        b.signOutEverywhere();
        b.size(Browser.PHONE).open(path);
        b.clickAndWait(By.linkText("Het antwoord op mijn melding"));
        b.type("code", code);
        b.submit("Lees het antwoord");
        assertThat(b.text()).contains(what, learned, "We controleren de remmen elke maandag.");
        b.assertAccessible("guest reads the answer");
        b.screenshot("guest-follow-up-answer");

        // an idea without an account, with a name for colleagues
        b.open(path);
        b.clickAndWait(By.linkText("Stuur een idee"));
        b.assertAccessible("guest idea form");
        b.screenshot("guest-idea");
        String title = "Een bankje bij de poort " + random.nextInt(1000);
        b.type("title", title);
        b.type("problem", "Wie op de bus wacht, staat nu in de regen.");
        b.type("name", "Marek");
        b.submit("Idee versturen");
        assertThat(b.heading()).isEqualTo("Bedankt voor je idee");
        String ideaCode = b.find(By.id("follow-up-code")).getText();
        b.assertAccessible("guest idea sent");
        b.screenshot("guest-idea-sent");
        b.open("/ideas/follow-up");
        b.assertAccessible("idea follow-up form");
        b.screenshot("guest-idea-follow-up");
        b.type("code", ideaCode);
        b.submit("Lees het antwoord");
        assertThat(b.text()).contains(title, "Er is nog geen antwoord.");
        b.assertAccessible("idea follow-up answer");
        b.screenshot("guest-idea-follow-up-answer");

        // a wrong poster address: a calm page
        b.open("/guest/" + "a".repeat(32));
        assertThat(b.text()).contains("Pagina niet gevonden");
        b.assertAccessible("unknown poster");
        b.screenshot("guest-unknown-poster");

        // colleagues see the idea as sent without an account
        b.size(Browser.DESKTOP).signIn("teamlead", "demo");
        b.open("/ideas");
        assertThat(b.text()).contains(title, "Marek (zonder account gestuurd)");
        b.signOutEverywhere();
    }

    @Test
    void theKioskForgetsThePersonBefore() {
        browser = browser == null ? Browser.start(port) : browser;
        Browser b = browser;
        b.signOutEverywhere();
        b.size(Browser.DESKTOP).signIn("admin", "demo");
        b.open("/admin/posters");
        b.clickAndWait(By.cssSelector("a[aria-label='Maak van dit apparaat de kiosk van Zwolle']"));
        b.size(Browser.PHONE);
        assertThat(b.text()).contains("Vul de scan in met een code", "Opnieuw beginnen").doesNotContain("Linda de Boer");
        b.assertAccessible("kiosk");
        b.screenshot("guest-kiosk");

        // the first person sends an idea with her name and sees her code
        b.clickAndWait(By.linkText("Stuur een idee"));
        assertThat(b.find(By.tagName("body")).getDomAttribute("data-kiosk-home")).startsWith("/kiosk/");
        String name = "Ewa " + ThreadLocalRandom.current().nextInt(1000);
        b.type("title", "Idee van " + name);
        b.type("problem", "De kantine is te koud in de ochtend.");
        b.type("name", name);
        b.submit("Idee versturen");
        String code = b.find(By.id("follow-up-code")).getText();
        b.screenshot("guest-kiosk-sent");
        b.clickAndWait(By.cssSelector("main a[href^='/kiosk/']"));

        // the second person sees nothing of her, and the administrator is signed out
        assertThat(b.text()).doesNotContain(code).doesNotContain(name).contains("Stuur een idee");
        b.clickAndWait(By.linkText("Stuur een idee"));
        assertThat(b.find(By.id("title")).getDomProperty("value")).isEmpty();
        assertThat(b.find(By.id("name")).getDomProperty("value")).isEmpty();
        b.clickAndWait(By.id("kiosk-again"));
        b.clickAndWait(By.linkText("Vul de scan in met een code"));
        assertThat(b.path()).startsWith("/scan/answer");
        b.open("/admin/posters");
        assertThat(b.path()).isEqualTo("/login");
        b.signOutEverywhere();
    }

    @Test
    void theGuestPageSpeaksTheBrowsersLanguage() {
        Browser setup = browser == null ? (browser = Browser.start(port)) : browser;
        setup.signOutEverywhere();
        String path = posterPath(setup, "manager");
        setup.signOutEverywhere();
        romanian = Browser.start(port, "ro");
        romanian.size(Browser.PHONE).open(path);
        assertThat(romanian.heading()).isEqualTo("Spune-ne, fără cont");
        romanian.assertAccessible("guest page in Romanian");
        romanian.screenshot("guest-ro");
    }
}
