package nl.meedenken.platform.web;

import nl.meedenken.TestLogins;
import nl.meedenken.platform.Language;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A phone can add Meedenken to its home screen: the manifest says what to show, the service
 * worker and the offline page are there for anyone, signed in or not, and tell nothing about
 * the person asking.
 */
@SpringBootTest
@AutoConfigureMockMvc
class InstallableAppTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    MessageSource messages;
    @Autowired
    UserDetailsService users;

    @Test
    void theManifestNamesTheAppItsColoursAndIconsThatExist() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/manifest.webmanifest")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/manifest+json");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-cache");

        JsonNode manifest = JsonMapper.builder().build().readTree(response.getContentAsString());
        assertThat(manifest.path("name").asString()).isEqualTo("Meedenken");
        assertThat(manifest.path("short_name").asString()).isNotBlank().hasSizeLessThanOrEqualTo(12);
        assertThat(manifest.path("start_url").asString()).isEqualTo("/");
        assertThat(manifest.path("scope").asString()).isEqualTo("/");
        assertThat(manifest.path("display").asString()).isEqualTo("standalone");
        assertThat(manifest.path("theme_color").asString()).isEqualTo("#1f4e8c"); // the top bar's blue
        assertThat(manifest.path("background_color").asString()).matches("#[0-9a-f]{6}");
        assertThat(manifest.has("lang")).as("the language is the page's, not the manifest's").isFalse();
        assertThat(manifest.has("dir")).isFalse();

        List<String> found = new ArrayList<>();
        for (JsonNode icon : manifest.path("icons")) {
            MockHttpServletResponse file = mvc.perform(get(icon.path("src").asString())).andReturn().getResponse();
            assertThat(file.getStatus()).as(icon.path("src").asString()).isEqualTo(200);
            assertThat(file.getContentType()).isEqualTo(icon.path("type").asString()).isEqualTo("image/png");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(file.getContentAsByteArray()));
            assertThat(image).as("a PNG the browser can read").isNotNull();
            assertThat(image.getWidth() + "x" + image.getHeight()).isEqualTo(icon.path("sizes").asString());
            found.add(icon.path("sizes").asString() + " " + icon.path("purpose").asString("any"));
        }
        assertThat(found).contains("192x192 any", "512x512 any", "512x512 maskable");
    }

    @Test
    void theServiceWorkerIsPublicAndCheckedAgainOnEveryUse() throws Exception {
        MockHttpServletResponse worker = mvc.perform(get("/sw.js")).andReturn().getResponse();
        assertThat(worker.getStatus()).as("no sign-in needed").isEqualTo(200);
        assertThat(worker.getContentType()).startsWith("text/javascript");
        assertThat(worker.getHeader("Cache-Control")).isEqualTo("no-cache");
        assertThat(worker.getHeader("Service-Worker-Allowed")).as("it lives at the root: scope / needs no extra header")
                .isNull();
        String source = worker.getContentAsString();
        assertThat(source).contains("meedenken-static-").doesNotContain("__VERSION__");

        // an unchanged worker is not sent again
        MockHttpServletResponse again = mvc.perform(get("/sw.js").header("If-None-Match", worker.getHeader("ETag")))
                .andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(304);
    }

    @Test
    void theOfflinePageIsPublicAndInTheReadersLanguage() throws Exception {
        assertOfflinePageIn("pl", Locale.forLanguageTag("pl"));
        // and in any other language with screens, asked for by the browser
        List<Language> languages = Language.withScreens();
        Language other = languages.get(new Random().nextInt(languages.size()));
        assertOfflinePageIn(other.code() + ";q=0.9,en;q=0.1", other.screenLocale());
    }

    private void assertOfflinePageIn(String asked, Locale expected) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/offline").header("Accept-Language", asked))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as("no sign-in needed").isEqualTo(200);
        assertThat(response.getHeader("Content-Language")).startsWith(expected.getLanguage());
        String page = response.getContentAsString();
        assertThat(page).contains("lang=\"" + expected.getLanguage() + "\"")
                .contains(messages.getMessage("offline.heading", null, expected))
                .contains(messages.getMessage("offline.retry", null, expected));
    }

    @Test
    void theOfflinePageOfASignedInDriverNamesNobodyAndHoldsNoToken() throws Exception {
        String page = mvc.perform(get("/offline").with(TestLogins.as(users, "driver")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(messages.getMessage("offline.heading", null, Locale.forLanguageTag("pl")))
                .doesNotContain("Piotr", "Kowalski", "_csrf", "/logout", "/notifications");
    }

    @Test
    void theShopFloorHomeHidesTheInstallOfferUntilTheBrowserCanInstall() throws Exception {
        String home = mvc.perform(get("/").with(TestLogins.as(users, "driver")))
                .andReturn().getResponse().getContentAsString();
        assertThat(home).containsPattern("<section [^>]*data-install hidden")
                .containsPattern("<button [^>]*data-install-button hidden")
                .containsPattern("<p [^>]*data-install-ios hidden")
                .contains(messages.getMessage("install.button", null, Locale.forLanguageTag("pl")));
    }

    @Test
    void everyPageLinksTheManifestAndRegistersTheWorker() throws Exception {
        String login = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        assertThat(login).contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">")
                .contains("<meta name=\"theme-color\" content=\"#1f4e8c\">")
                .contains("<script src=\"/js/installable.js\" defer></script>");
        MockHttpServletResponse script = mvc.perform(get("/js/installable.js")).andReturn().getResponse();
        assertThat(script.getStatus()).isEqualTo(200);
        assertThat(script.getContentAsString()).contains("serviceWorker.register('/sw.js'");
    }
}
