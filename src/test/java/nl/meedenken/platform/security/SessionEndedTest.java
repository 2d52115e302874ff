package nl.meedenken.platform.security;

import nl.meedenken.TestLogins;
import nl.meedenken.platform.web.KeptForm;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A form sent after its session ended goes to sign-in and, after signing in, back to the form
 * with what was typed; it is never sent for the person, and passwords are never kept.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SessionEndedTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    @Test
    void aFormSentAfterTheSessionEndedComesBackFilledInAfterSigningIn() throws Exception {
        String problem = "De laadklep van de 12 hapert al weken.\nAls het regent, gaat hij niet dicht. " + "Lang verhaal. ".repeat(200);
        MockHttpSession fresh = new MockHttpSession();
        MvcResult sent = mvc.perform(post("/ideas").session(fresh).param("title", "Laadklep").param("problem", problem)
                .param("category", "SAFETY").header("Referer", "http://localhost/ideas/new")
                .with(csrf().useInvalidToken())).andReturn();

        assertThat(sent.getResponse().getStatus()).isEqualTo(303);
        assertThat(sent.getResponse().getHeader("Location")).isEqualTo("/login?sessionEnded");
        String signInPage = mvc.perform(get("/login").param("sessionEnded", "").session(fresh).locale(java.util.Locale.ENGLISH))
                .andReturn().getResponse().getContentAsString();
        assertThat(signInPage).contains("Your session ended. Sign in and your text is still there");

        MvcResult signedIn = mvc.perform(post("/login").session(fresh).param("username", "warehouse").param("password", "demo")
                .with(csrf()).with(TestLogins.from("10.19.11.1"))).andReturn();
        assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/ideas/new");

        String form = mvc.perform(get("/ideas/new").session(fresh)).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("data-name=\"title\" data-value=\"Laadklep\"")
                .contains("Je sessie was afgelopen. Je tekst staat weer in het formulier");
        assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(form)).contains(problem.strip());
        // nothing was sent: the form is shown to be sent again, and the next sign-in gives nothing back
        assertThat(fresh.getAttribute(SessionEndedHandler.PENDING)).isNull();
    }

    @Test
    void whoIsStillSignedInButSendsAStalePageGoesStraightBackToItFilledIn() throws Exception {
        MvcResult sent = mvc.perform(post("/ideas").param("title", "Oud tabblad").header("Referer", "http://localhost/ideas/new")
                .with(csrf().useInvalidToken()).with(TestLogins.as(users, "driver"))).andReturn();

        assertThat(sent.getResponse().getStatus()).isEqualTo(303);
        assertThat(sent.getResponse().getHeader("Location")).isEqualTo("/ideas/new");
    }

    @Test
    void anHtmxRequestFromAStalePageReloadsTheWholePageFilledIn() throws Exception {
        MvcResult sent = mvc.perform(post("/ideas").param("title", "Oud tabblad").header("HX-Request", "true")
                .header("Referer", "http://localhost/ideas/new").with(csrf().useInvalidToken())
                .with(TestLogins.as(users, "driver"))).andReturn();

        assertThat(sent.getResponse().getStatus()).isEqualTo(200);
        assertThat(sent.getResponse().getHeader("HX-Redirect")).isEqualTo("/ideas/new");
    }

    @Test
    void signingOutFromAStalePageGoesBackToItToPressAgain() throws Exception {
        MvcResult sent = mvc.perform(post("/logout").header("Referer", "http://localhost/ideas")
                .with(csrf().useInvalidToken()).with(TestLogins.as(users, "driver"))).andReturn();

        assertThat(sent.getResponse().getStatus()).isEqualTo(303);
        assertThat(sent.getResponse().getHeader("Location")).isEqualTo("/ideas");
    }

    @Test
    void otherRefusalsStayTheNotForYouPage() throws Exception {
        mvc.perform(post("/admin/people").with(csrf()).with(TestLogins.as(users, "driver")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(403));
    }

    /** Generated forms: every field is kept as typed except secrets; a kept form is given back once, and only while fresh. */
    @Test
    void keepsEveryTypedFieldButNoSecretAndGivesItBackOnlyOnceWhileFresh() throws Exception {
        Random random = new Random(1911);
        List<String> names = List.of("title", "problem", "text", "name", "teamId", "dueOn", "password", "newPassword",
                "repeated", "_csrf", "code", "currentPassword", "reason", "answer.q1");
        for (int round = 0; round < 200; round++) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/ideas");
            request.addHeader("Referer", "http://localhost/ideas/new?x=1");
            java.util.Map<String, String> typed = new java.util.LinkedHashMap<>();
            for (String name : names) {
                if (random.nextBoolean()) {
                    String value = randomText(random);
                    typed.put(name, value);
                    request.addParameter(name, value);
                }
            }
            KeptForm kept = KeptForm.of(request, null, "input.kept.restored");
            typed.forEach((name, value) -> {
                boolean secret = name.toLowerCase().contains("password") || name.equals("_csrf") || name.equals("code")
                        || name.equals("repeated");
                if (secret) {
                    assertThat(kept.fields()).noneMatch(f -> f.name().equals(name));
                } else {
                    assertThat(kept.fields()).contains(new KeptForm.Field(name, value));
                }
            });

            MockHttpSession session = new MockHttpSession();
            boolean stale = random.nextInt(4) == 0;
            session.setAttribute(SessionEndedHandler.PENDING, new SessionEndedHandler.Pending(KeptForm.backTo(request), kept,
                    stale ? Instant.now().minus(SessionEndedHandler.KEPT_FOR).minusSeconds(1) : Instant.now()));
            MockHttpServletRequest signIn = new MockHttpServletRequest("POST", "/login");
            signIn.setSession(session);
            MockHttpServletResponse response = new MockHttpServletResponse();
            assertThat(SessionEndedHandler.giveBack(signIn, response)).isEqualTo(!stale);
            if (!stale) {
                assertThat(response.getHeader("Location")).isEqualTo("/ideas/new?x=1");
            }
            assertThat(SessionEndedHandler.giveBack(signIn, new MockHttpServletResponse())).isFalse();
        }
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(400);
        String alphabet = "abcdefghijklmnopqrstuvwxyz ÄéøłŻ€\n\t'\"<>&=;0123456789";
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        if (random.nextInt(5) == 0) {
            text.append("🚚");
        }
        return text.toString();
    }
}
