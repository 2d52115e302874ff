package nl.meedenken.platform.web;

import nl.meedenken.TestLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** A form with a value no form can take goes back to its page with what was typed and why, and nothing is stored. */
@SpringBootTest
@AutoConfigureMockMvc
class BadInputGoesBackToTheFormTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.context.MessageSource messages;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    private long ideas() {
        return jdbc.sql("select count(*) from idea").query(Long.class).single();
    }

    private MvcResult sendIdea(String title, String problem) throws Exception {
        return mvc.perform(post("/ideas").param("title", title).param("problem", problem)
                        .param("proposal", "Een voorstel").param("category", "SAFETY").param("key", java.util.UUID.randomUUID().toString())
                        .header("Referer", "http://localhost/ideas/new").with(csrf()).with(TestLogins.as(users, "driver")))
                .andReturn();
    }

    @Test
    void everyControlCharacterInAnIdeaGoesBackToTheFormAndStoresNothing() throws Exception {
        long before = ideas();
        for (char c = 0; c <= 0x9f; c++) {
            if ((c >= 0x20 && c < 0x7f) || c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            MvcResult result = sendIdea("Een titel", "Het probleem" + c + " is groot");

            assertThat(result.getResponse().getStatus()).as("char %d", (int) c).isEqualTo(303);
            assertThat(result.getResponse().getHeader("Location")).isEqualTo("/ideas/new");
            KeptForm kept = (KeptForm) result.getFlashMap().get(KeptForm.ATTRIBUTE);
            assertThat(kept.field()).isEqualTo("problem");
            assertThat(kept.messageKey()).isEqualTo("input.error.character");
            assertThat(kept.fields()).contains(new KeptForm.Field("problem", "Het probleem is groot"))
                    .noneMatch(f -> f.name().equals("key") || f.name().equals("_csrf"));
        }
        assertThat(ideas()).isEqualTo(before);
    }

    @Test
    void theFormPageShowsTheReasonAndCarriesTheTypedTextInBothLanguages() throws Exception {
        MvcResult refused = sendIdea("Een \u0000titel", "Het probleem");
        // each reads the reason in their own language: Piotr Polish, Youssef Arabic, the warehouse worker Dutch
        for (String persona : new String[]{"driver", "youssef", "warehouse"}) {
            var reader = (nl.meedenken.platform.SignedInUser) users.loadUserByUsername(persona);
            Locale locale = reader.language().screenLocale();
            String page = mvc.perform(get("/ideas/new").flashAttrs(refused.getFlashMap())
                            .with(TestLogins.as(users, persona)))
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("id=\"kept-form\"").contains("data-field=\"title\"")
                    .contains("data-name=\"title\" data-value=\"Een titel\"")
                    .contains("lang=\"" + locale.getLanguage() + "\"")
                    .contains(org.springframework.web.util.HtmlUtils.htmlEscape(
                            messages.getMessage("input.error.character", null, locale), "UTF-8"));
        }
    }

    @Test
    void aSearchWithAControlCharacterIsShownAgainWithoutIt() throws Exception {
        MvcResult result = mvc.perform(get("/ideas").param("q", "pal\u0000let").param("status", "")
                .with(TestLogins.as(users, "driver"))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(303);
        assertThat(result.getResponse().getHeader("Location")).startsWith("/ideas?").contains("q=pallet");
        assertThat(result.getFlashMap().get("refused")).isEqualTo("input.error.characterRemoved");
    }

    @Test
    void anIdOfTwentyDigitsAndADayOfYearMinusOneBillionAreRefusedForTheirField() throws Exception {
        long before = ideas();
        MvcResult id = mvc.perform(post("/ideas").param("title", "Titel").param("problem", "Probleem").param("category", "SAFETY")
                .param("teamId", "99999999999999999999").header("Referer", "http://localhost/ideas/new")
                .with(csrf()).with(TestLogins.as(users, "driver"))).andReturn();
        MvcResult day = mvc.perform(post("/actions").param("title", "Actie").param("dueOn", "-999999999-01-01")
                .header("Referer", "http://localhost/actions/new").with(csrf()).with(TestLogins.as(users, "manager")))
                .andReturn();

        assertThat(((KeptForm) id.getFlashMap().get(KeptForm.ATTRIBUTE)).field()).isEqualTo("teamId");
        assertThat(((KeptForm) day.getFlashMap().get(KeptForm.ATTRIBUTE)).field()).isEqualTo("dueOn");
        assertThat(((KeptForm) day.getFlashMap().get(KeptForm.ATTRIBUTE)).messageKey()).isEqualTo("input.error.year");
        assertThat(ideas()).isEqualTo(before);
    }
}
