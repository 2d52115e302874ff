package nl.meedenken.platform.translation;

import nl.meedenken.TestLogins;
import nl.meedenken.ideas.IdeaSummary;
import nl.meedenken.ideas.Ideas;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import nl.meedenken.platform.TranslatableTexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Translate button against a LibreTranslate server the test starts: a colleague's idea in
 * Polish appears in Dutch under the original, marked as machine-made; it is sent once; a text
 * written without a name is never sent; a server that fails leaves the original and says so.
 */
@SpringBootTest(properties = {"meedenken.translation.api-key=test-key", "meedenken.embedded.database=translation"})
@AutoConfigureMockMvc
class TranslationTest {

    static final FakeLibreTranslate SERVER = new FakeLibreTranslate();

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        registry.add("meedenken.translation.url", SERVER::url);
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    /** A kind of text written without a name, as a mistake report is. */
    @TestConfiguration
    static class AnonymousTexts {
        @Bean
        TranslatableTexts unnamedText() {
            return new TranslatableTexts() {
                @Override
                public String kind() {
                    return "test-unnamed";
                }

                @Override
                public Optional<Original> original(long id, nl.meedenken.platform.SignedInUser reader) {
                    return Optional.of(new Original("Ik zag dat iemand de rem niet controleerde.", true));
                }
            };
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Ideas ideas;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void fresh() {
        SERVER.requests.clear();
        SERVER.status = 200;
        jdbc.sql("delete from translation_cache").update();
    }

    private long polishIdea() {
        return jdbc.sql("select id from idea where title = 'Więcej światła przy dystrybutorze'").query(Long.class).single();
    }

    @Test
    void anIdeaInPolishIsShownInDutchUnderTheOriginalAndSentOnce() throws Exception {
        long idea = polishIdea();
        Document page = Jsoup.parse(mvc.perform(get("/ideas/" + idea).with(TestLogins.as(users, "manager")))
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("form[action=/translate/idea/" + idea + "] button").text()).isEqualTo("Vertalen");
        assertThat(page.select("h1").attr("dir")).isEqualTo("auto");

        for (int time = 0; time < 2; time++) {
            Document shown = Jsoup.parse(mvc.perform(post("/translate/idea/" + idea).with(csrf()).header("HX-Request", "true")
                    .with(TestLogins.as(users, "manager"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            assertThat(shown.select(".machine-text p").text()).startsWith("[nl] Więcej światła przy dystrybutorze");
            assertThat(shown.select(".machine-text figcaption").text()).contains("Vertaald door een machine");
            assertThat(shown.select(".machine-text p").attr("lang")).isEqualTo("nl");
        }
        assertThat(SERVER.requests).as("the second time comes from the database").hasSize(1);
        var sent = SERVER.requests.get(0);
        assertThat(sent.get("target").asString()).isEqualTo("nl");
        assertThat(sent.get("source").asString()).isEqualTo("auto");
        assertThat(sent.get("api_key").asString()).isEqualTo("test-key");

        // an English reader gets English, sent separately
        mvc.perform(post("/translate/idea/" + idea).with(csrf()).header("HX-Request", "true")
                .requestAttr("meedenken-lang", java.util.Locale.ENGLISH).with(TestLogins.as(users, "manager")))
                .andExpect(status().isOk());
        assertThat(SERVER.requests).hasSize(2);
        assertThat(SERVER.requests.get(1).get("target").asString()).isEqualTo("en");
    }

    @Test
    void withoutJavascriptTheTranslationOpensOnAPageWithAWayBack() throws Exception {
        long idea = polishIdea();
        Document page = Jsoup.parse(mvc.perform(post("/translate/idea/" + idea).with(csrf()).param("returnTo", "/ideas/" + idea)
                .with(TestLogins.as(users, "teamlead"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".quote").text()).startsWith("Więcej światła");
        assertThat(page.select(".machine-text p").text()).startsWith("[");
        assertThat(page.select("a[href=/ideas/" + idea + "]")).hasSize(1);
        Document outside = Jsoup.parse(mvc.perform(post("/translate/idea/" + idea).with(csrf()).param("returnTo", "https://elders.example")
                .with(TestLogins.as(users, "teamlead"))).andReturn().getResponse().getContentAsString());
        assertThat(outside.select("a[href^=https]")).isEmpty();
    }

    @Test
    void aTextWrittenWithoutANameIsNeverSent() throws Exception {
        String html = mvc.perform(post("/translate/test-unnamed/1").with(csrf()).header("HX-Request", "true")
                .with(TestLogins.as(users, "manager"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).text()).contains("zonder naam geschreven");
        assertThat(SERVER.requests).isEmpty();
    }

    @Test
    void aFailingServerLeavesTheOriginalAndSaysSo() throws Exception {
        SERVER.status = 503;
        String html = mvc.perform(post("/translate/idea/" + polishIdea()).with(csrf()).header("HX-Request", "true")
                .with(TestLogins.as(users, "manager"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).text()).contains("De vertaaldienst antwoordt nu niet");
        assertThat(jdbc.sql("select count(*) from translation_cache").query(Integer.class).single()).isZero();
    }

    @Test
    void anUnknownKindOrIdTranslatesNothing() throws Exception {
        for (String path : new String[]{"/translate/nothing/1", "/translate/idea/999999999", "/translate/idea-comment/999999999"}) {
            String html = mvc.perform(post(path).with(csrf()).header("HX-Request", "true").with(TestLogins.as(users, "manager")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(Jsoup.parse(html).text()).as(path).contains("niets om te vertalen");
        }
        assertThat(SERVER.requests).isEmpty();
    }

    @Test
    void aCustomersWishIsTranslatedForWhoReadsWishesOnly() throws Exception {
        long wish = jdbc.sql("select id from transport_wish where recorded_by = 'Youssef Amrani' order by id limit 1")
                .query(Long.class).single();
        String forPlanner = mvc.perform(post("/translate/wish/" + wish).with(csrf()).header("HX-Request", "true")
                .with(TestLogins.as(users, "planner"))).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(forPlanner).select(".machine-text p").text()).startsWith("[nl] من فضلك");
        String forAdmin = mvc.perform(post("/translate/wish/" + wish).with(csrf()).header("HX-Request", "true")
                .with(TestLogins.as(users, "admin"))).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(forAdmin).text()).contains("niets om te vertalen");
        assertThat(SERVER.requests).hasSize(1);
    }
}
