package nl.meedenken.platform.translation;

import nl.meedenken.TestLogins;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Without a translation server configured there is no Translate button, and asking anyway says it is off. */
@SpringBootTest
@AutoConfigureMockMvc
class TranslationOffTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void noButtonAndNothingSent() throws Exception {
        long idea = jdbc.sql("select id from idea order by id limit 1").query(Long.class).single();
        String page = mvc.perform(get("/ideas/" + idea).with(TestLogins.as(users, "manager"))).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).select("form[action^=/translate]")).isEmpty();
        String answer = mvc.perform(post("/translate/idea/" + idea).with(csrf()).header("HX-Request", "true")
                .with(TestLogins.as(users, "manager"))).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(answer).text()).contains("Vertalen staat voor dit bedrijf niet aan");
    }
}
