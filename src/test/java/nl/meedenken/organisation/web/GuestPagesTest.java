package nl.meedenken.organisation.web;

import jakarta.servlet.http.Cookie;
import nl.meedenken.TestLogins;
import nl.meedenken.ideas.internal.IdeaBox;
import nl.meedenken.ideas.internal.IdeaStatus;
import nl.meedenken.learning.internal.Reports;
import nl.meedenken.organisation.Posters;
import nl.meedenken.organisation.SiteId;
import nl.meedenken.organisation.internal.Sites;
import nl.meedenken.platform.AuditEntry;
import nl.meedenken.platform.AuditLog;
import nl.meedenken.platform.Kiosk;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Taking part without an account: from a site's poster, report a near miss or send an idea without
 * signing in, read the answer with the follow-up code; a wrong or renewed poster finds a calm 404;
 * the limits per address hold; the kiosk forgets one person before the next.
 */
@SpringBootTest
@AutoConfigureMockMvc
class GuestPagesTest {

    private static final Pattern CODE = Pattern.compile("id=\"follow-up-code\" class=\"code-box\">([A-Z0-9-]{14})<");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Sites sites;
    @Autowired
    Posters posters;
    @Autowired
    Reports reports;
    @Autowired
    IdeaBox ideas;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    private final ThreadLocalRandom random = ThreadLocalRandom.current();

    private Posters.Poster newSite() {
        long id = sites.create("Depot " + UUID.randomUUID().toString().substring(0, 8), "Plaats " + random.nextInt(1000));
        return posters.of(new SiteId(id));
    }

    private String address() {
        return "10." + random.nextInt(100, 250) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static String code(String page) {
        Matcher m = CODE.matcher(page);
        assertThat(m.find()).as("a follow-up code on the page").isTrue();
        return m.group(1);
    }

    private String report(Posters.Poster poster, String address, String what) throws Exception {
        return mvc.perform(post("/guest/" + poster.token() + "/report").with(csrf()).with(TestLogins.from(address))
                        .param("key", UUID.randomUUID().toString()).param("category", "NEAR_MISS")
                        .param("whatHappened", what).param("location", "Hal " + random.nextInt(1, 9)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aGuestReportWorksWithoutSigningInAndTheCodeShowsTheAnswer() throws Exception {
        Posters.Poster poster = newSite();
        mvc.perform(get("/guest/" + poster.token()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(poster.site().name())))
                .andExpect(content().string(containsString("Meld een fout of bijna-ongeluk")))
                .andExpect(content().string(containsString("Stuur een idee")))
                .andExpect(content().string(not(containsString("Vul de scan in met een code"))));
        mvc.perform(get("/guest/" + poster.token() + "/report")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Zonder mijn naam"))));

        String what = "Pallet viel bijna van stelling " + random.nextInt(1, 99) + " toen de heftruck draaide.";
        String page = report(poster, address(), what);
        assertThat(page).contains("Bedankt voor je melding");
        String code = code(page);

        Report stored = reports.byCode(code).map(r -> new Report(r.id(), r.reporterId(), r.siteId(), r.whatHappened()))
                .orElseThrow();
        assertThat(stored.reporterId()).as("no person behind a guest report").isNull();
        assertThat(stored.siteId()).isEqualTo(poster.site().id().value());
        assertThat(stored.what()).isEqualTo(what);

        String learned = "De stelling stond te dicht bij de draaicirkel " + random.nextInt(100);
        reports.answer(stored.id(), learned, "We schuiven de stelling een meter op.", "Dank je wel!", "Gerrit Bos");
        mvc.perform(post("/learning/follow-up").with(csrf()).param("code", code.toLowerCase()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(learned)))
                .andExpect(content().string(containsString("We schuiven de stelling een meter op.")));
    }

    private record Report(long id, Long reporterId, Long siteId, String what) {
    }

    @Test
    void aNameInAGuestReportIsCheckedOnceMoreBeforeSending() throws Exception {
        Posters.Poster poster = newSite();
        String page = mvc.perform(post("/guest/" + poster.token() + "/report").with(csrf()).with(TestLogins.from(address()))
                        .param("key", UUID.randomUUID().toString()).param("category", "NEAR_MISS")
                        .param("whatHappened", "Chauffeur met kenteken VZ-" + random.nextInt(100, 999) + "-B reed te hard het terrein op."))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("follow-up-code").contains("name=\"confirmed\"");
    }

    @Test
    void aGuestIdeaWorksWithoutSigningInColleaguesSeeItAndOnlyManagementSeesThePhone() throws Exception {
        Posters.Poster poster = newSite();
        String title = "Tweede koffieautomaat " + random.nextInt(1000);
        String name = random.nextBoolean() ? "Ana " + random.nextInt(100) : "";
        String phone = "06 " + random.nextInt(10_000_000, 99_999_999);
        String page = mvc.perform(post("/guest/" + poster.token() + "/idea").with(csrf()).with(TestLogins.from(address()))
                        .param("key", UUID.randomUUID().toString()).param("title", title)
                        .param("problem", "In de pauze staat iedereen tien minuten in de rij.")
                        .param("name", name).param("phone", phone))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Bedankt voor je idee");
        String code = code(page);
        long id = ideas.byCode(code).orElseThrow().id();

        String list = mvc.perform(get("/ideas").param("q", title).with(TestLogins.as(users, "teamlead")))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains(title).contains(name.isEmpty() ? "Zonder account gestuurd" : name + " (zonder account gestuurd)");
        mvc.perform(get("/ideas/" + id).with(TestLogins.as(users, "teamlead")))
                .andExpect(content().string(containsString("Zonder account gestuurd")))
                .andExpect(content().string(not(containsString(phone))));
        mvc.perform(get("/ideas/" + id).with(TestLogins.as(users, "manager")))
                .andExpect(content().string(containsString(phone)));
        assertThat(ideas.find(id).orElseThrow().answerDueOn()).isEqualTo(ideas.today().plusDays(ideas.answerDays()));

        mvc.perform(post("/ideas/follow-up").with(csrf()).param("code", code))
                .andExpect(content().string(containsString("Er is nog geen antwoord.")));
        String reason = "We zetten er in maart een bij, naast de kantine " + random.nextInt(100) + ".";
        ideas.answer(id, IdeaStatus.ADOPTED, reason, TestLogins.personId(users, "manager"), "Ingrid van den Berg", true);
        mvc.perform(post("/ideas/follow-up").with(csrf()).param("code", code))
                .andExpect(content().string(containsString(reason)))
                .andExpect(content().string(containsString("Overgenomen")))
                .andExpect(content().string(not(containsString(phone))));
        mvc.perform(post("/ideas/follow-up").with(csrf()).param("code", "AAAA-BBBB-CCCC"))
                .andExpect(content().string(containsString("Deze code kennen we niet.")));
    }

    @Test
    void aWrongOrRenewedPosterGivesACalmNotFoundPage() throws Exception {
        Posters.Poster poster = newSite();
        // (the calm page itself is rendered by the error dispatch of a real server: see GuestJourneyTest)
        mvc.perform(get("/guest/" + poster.token() + "x")).andExpect(status().isNotFound());
        Posters.Poster renewed = posters.renew(poster.site().id(), "admin");
        assertThat(renewed.token()).isNotEqualTo(poster.token());
        for (String path : List.of("/guest/" + poster.token(), "/guest/" + poster.token() + "/report",
                "/guest/" + poster.token() + "/idea", "/kiosk/" + poster.token())) {
            mvc.perform(get(path)).andExpect(status().isNotFound());
        }
        mvc.perform(post("/guest/" + poster.token() + "/report").with(csrf()).param("category", "NEAR_MISS")
                .param("whatHappened", "Een oude poster")).andExpect(status().isNotFound());
        mvc.perform(get("/guest/" + renewed.token())).andExpect(status().isOk());
        assertThat(audit.count(AuditEntry.Type.GUEST_POSTER_RENEWED, poster.site().name(),
                java.time.Instant.now().minusSeconds(600))).isEqualTo(1);
    }

    @Test
    void sendingWithoutCsrfIsRefused() throws Exception {
        Posters.Poster poster = newSite();
        String title = "Zonder CSRF " + UUID.randomUUID();
        mvc.perform(post("/guest/" + poster.token() + "/idea").with(TestLogins.from(address()))
                        .param("title", title).param("problem", "y"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from idea where title = :t").param("t", title).query(Long.class).single())
                .isZero();
    }

    @Test
    void theLimitPerAddressHoldsWithAClearMessageAndOtherAddressesGoOn() throws Exception {
        Posters.Poster poster = newSite();
        String busy = address();
        for (int i = 0; i < 10; i++) {
            assertThat(report(poster, busy, "Natte vloer bij dock " + i + " (" + random.nextInt(1000) + ")"))
                    .contains("follow-up-code");
        }
        String refused = mvc.perform(post("/guest/" + poster.token() + "/idea").with(csrf()).with(TestLogins.from(busy))
                        .param("key", UUID.randomUUID().toString()).param("title", "Nog een")
                        .param("problem", "Dit gaat niet meer door."))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Er is het afgelopen uur veel verstuurd vanaf dit netwerk.")
                .doesNotContain("follow-up-code");
        assertThat(report(poster, address(), "Lekkage bij de laadkuil")).contains("follow-up-code");
    }

    @Test
    void aHoneypotFilledInSendsNothing() throws Exception {
        Posters.Poster poster = newSite();
        String title = "Bot " + UUID.randomUUID();
        mvc.perform(post("/guest/" + poster.token() + "/idea").with(csrf()).with(TestLogins.from(address()))
                        .param("title", title).param("problem", "spam").param("website", "http://spam.example"))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("follow-up-code"))));
        assertThat(jdbc.sql("select count(*) from idea where title = :t").param("t", title).query(Long.class).single())
                .isZero();
    }

    @Test
    void tooLongTextsAreRefusedNextToTheField() throws Exception {
        Posters.Poster poster = newSite();
        mvc.perform(post("/guest/" + poster.token() + "/idea").with(csrf()).with(TestLogins.from(address()))
                        .param("title", "x".repeat(151)).param("problem", "Te lang"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("follow-up-code"))))
                .andExpect(content().string(containsString("is-invalid")));
    }

    @Test
    void theKioskDropsTheSessionBetweenTwoPeople() throws Exception {
        Posters.Poster poster = newSite();
        MockHttpSession first = new MockHttpSession();
        first.setAttribute("draft", "Wat de eerste typte");
        MockHttpServletResponse start = mvc.perform(get("/kiosk/" + poster.token()).session(first)
                        .cookie(new Cookie("meedenken-scan", "eerste-concept")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vul de scan in met een code")))
                .andExpect(content().string(containsString("Opnieuw beginnen")))
                .andReturn().getResponse();
        assertThat(first.isInvalid()).as("the first person's session is ended").isTrue();
        assertThat(start.getCookie(Kiosk.COOKIE).getValue()).isEqualTo(poster.token());
        assertThat(List.of(start.getCookies())).filteredOn(c -> c.getName().equals("meedenken-scan"))
                .allSatisfy(c -> assertThat(c.getMaxAge()).isZero());

        // the first person sends an idea with a name; the second person starts again and sees none of it
        String name = "Persoon " + random.nextInt(1000);
        Cookie kiosk = new Cookie(Kiosk.COOKIE, poster.token());
        String sent = mvc.perform(post("/guest/" + poster.token() + "/idea").with(csrf()).cookie(kiosk)
                        .with(TestLogins.from(address())).param("key", UUID.randomUUID().toString())
                        .param("title", "Idee van " + name).param("problem", "Iets").param("name", name))
                .andReturn().getResponse().getContentAsString();
        assertThat(sent).contains("follow-up-code").contains("href=\"/kiosk/" + poster.token() + "\"");
        String second = mvc.perform(get("/kiosk/" + poster.token()).cookie(kiosk)).andReturn().getResponse()
                .getContentAsString();
        assertThat(second).doesNotContain(name).doesNotContain("follow-up-code");
        String form = mvc.perform(get("/guest/" + poster.token() + "/idea").cookie(kiosk)).andReturn().getResponse()
                .getContentAsString();
        assertThat(form).doesNotContain(name).contains("/js/kiosk.js");
    }

    @Test
    void theKioskSignsOutWhoeverWasSignedIn() throws Exception {
        Posters.Poster poster = newSite();
        String page = mvc.perform(get("/kiosk/" + poster.token()).with(TestLogins.as(users, "admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("/logout").doesNotContain("id=\"sidebar\"");
    }
}
