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
    @Autowired
    nl.meedenken.organisation.People people;
    @Autowired
    nl.meedenken.organisation.internal.Accounts accounts;
    @Autowired
    nl.meedenken.organisation.internal.Teams teams;
    @Autowired
    nl.meedenken.challenges.internal.ChallengeBoard challenges;
    @Autowired
    nl.meedenken.evaluations.internal.Sessions sessions;
    @Autowired
    nl.meedenken.learning.internal.Reports reports;
    @Autowired
    java.util.List<TranslatableTexts> kinds;

    private final java.util.Random random = new java.util.Random();

    private String translate(String kind, long id, String login) throws Exception {
        return Jsoup.parse(mvc.perform(post("/translate/" + kind + "/" + id).with(csrf()).header("HX-Request", "true")
                .with(TestLogins.as(users, login))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).text();
    }

    private String login(long team, nl.meedenken.platform.Role... roles) {
        return nl.meedenken.TestPeople.loginInTeam(people, accounts, team, roles);
    }

    @BeforeEach
    void fresh() {
        SERVER.requests.clear();
        SERVER.spelling.clear();
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
    void aChallengeAndWhatColleaguesContributeAreTranslatedForEveryColleague() throws Exception {
        long team = nl.meedenken.TestPeople.team(teams);
        String poster = login(team, nl.meedenken.platform.Role.MANAGEMENT);
        long challenge = challenges.post(new nl.meedenken.challenges.internal.ChallengeBoard.Post(
                nl.meedenken.challenges.internal.Challenge.Kind.COMPANY, "Mniej pustych kilometrów " + random.nextInt(),
                "Wracamy często pustym samochodem.", "Jak to zmienić?", challenges.today().plusDays(10), java.util.List.of()),
                TestLogins.personId(users, poster), true);
        String colleague = login(nl.meedenken.TestPeople.team(teams), nl.meedenken.platform.Role.WAREHOUSE);
        challenges.respond(challenge, TestLogins.personId(users, colleague), "Întoarcere cu marfă de la client " + random.nextInt());
        long input = challenges.inputs(challenge).get(0).id();

        Document page = Jsoup.parse(mvc.perform(get("/challenges/" + challenge).with(TestLogins.as(users, colleague)))
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("form[action=/translate/challenge/" + challenge + "]")).hasSize(1);
        assertThat(page.select("form[action=/translate/challenge-input/" + input + "]")).hasSize(1);
        assertThat(translate("challenge", challenge, colleague)).contains("[nl] Mniej pustych kilometrów");
        assertThat(translate("challenge-input", input, login(team, nl.meedenken.platform.Role.DRIVER)))
                .contains("[nl] Întoarcere cu marfă");
        assertThat(SERVER.requests).hasSize(2);
    }

    @Test
    void anEvaluationCardIsTranslatedOnlyForThoseWhoSeeTheBoardAndNeverWhenPutUpWithoutAName() throws Exception {
        long team = nl.meedenken.TestPeople.team(teams);
        String lead = login(team, nl.meedenken.platform.Role.TEAM_LEAD);
        String member = login(team, nl.meedenken.platform.Role.DRIVER);
        long session = sessions.schedule(new nl.meedenken.evaluations.internal.Sessions.Plan(team, "Terugblik",
                2 + random.nextInt(6), sessions.today(), TestLogins.personId(users, lead), true), "test");
        sessions.start(session);
        var kinds = nl.meedenken.evaluations.internal.CardKind.values();
        long named = sessions.addCard(session, kinds[random.nextInt(kinds.length)], "Rampa 3 jest za wąska " + random.nextInt(),
                TestLogins.personId(users, member), false);
        long unnamed = sessions.addCard(session, kinds[random.nextInt(kinds.length)], "Planowanie jest za późno",
                TestLogins.personId(users, member), true);

        Document board = Jsoup.parse(mvc.perform(get("/evaluations/sessions/" + session).with(TestLogins.as(users, lead)))
                .andReturn().getResponse().getContentAsString());
        assertThat(board.select("form[action=/translate/evaluation-card/" + named + "]")).hasSize(1);
        assertThat(board.select("form[action=/translate/evaluation-card/" + unnamed + "]")).isEmpty();
        assertThat(translate("evaluation-card", named, lead)).contains("[nl] Rampa 3");

        // another team's driver, even one who knows the number, reads nothing; nothing without a name is sent
        String outsider = login(nl.meedenken.TestPeople.team(teams), nl.meedenken.platform.Role.DRIVER, nl.meedenken.platform.Role.TEAM_LEAD);
        assertThat(translate("evaluation-card", named, outsider)).contains("niets om te vertalen");
        assertThat(translate("evaluation-card", unnamed, member)).contains("zonder naam geschreven");
        assertThat(SERVER.requests).hasSize(1);
    }

    @Test
    void aMistakeReportIsTranslatedForItsReadersOnlyAndNotWhenItIsAnonymousOrPointsToSomeone() throws Exception {
        long team = nl.meedenken.TestPeople.team(teams);
        String reporter = login(team, nl.meedenken.platform.Role.DRIVER);
        String lead = login(nl.meedenken.TestPeople.team(teams), nl.meedenken.platform.Role.TEAM_LEAD);
        String colleague = login(team, nl.meedenken.platform.Role.DRIVER);
        var categories = nl.meedenken.learning.internal.Category.values();
        long named = reports.reportNamed(new nl.meedenken.learning.internal.Reports.NewReport(
                categories[random.nextInt(categories.length)], "Paleta spadła z wózka przy rampie " + random.nextInt(100),
                null, "Więcej miejsca przy rampie", null, false, "k" + random.nextLong()),
                TestLogins.personId(users, reporter)).id();
        long anonymous = reports.reportAnonymously(new nl.meedenken.learning.internal.Reports.NewReport(
                categories[random.nextInt(categories.length)], "Hamulec nie był sprawdzony", null, null, null, false,
                "k" + random.nextLong())).id();
        String someone = people.find(new nl.meedenken.organisation.PersonId(TestLogins.personId(users, colleague)))
                .orElseThrow().name();
        long pointing = reports.reportNamed(new nl.meedenken.learning.internal.Reports.NewReport(
                categories[random.nextInt(categories.length)], someone + " jechał za szybko przy rampie", null, null, null,
                false, "k" + random.nextLong()), TestLogins.personId(users, reporter)).id();

        assertThat(translate("mistake-report", named, reporter)).contains("[nl] Paleta spadła");
        assertThat(translate("mistake-report", named, lead)).contains("[nl] Paleta spadła");
        assertThat(translate("mistake-report", named, colleague)).contains("niets om te vertalen");
        assertThat(translate("mistake-report", anonymous, lead)).contains("zonder naam geschreven");
        assertThat(translate("mistake-report", pointing, lead)).contains("naar een persoon kan wijzen");
        assertThat(translate("mistake-answer", named, reporter)).as("not answered yet").contains("niets om te vertalen");
        reports.answer(named, "Ruimte bij dock 3 maken", "Lijnen op de vloer", "Dank je wel", "Test");
        assertThat(translate("mistake-answer", named, reporter)).contains("[nl] Dank je wel", "Ruimte bij dock 3");
        assertThat(SERVER.requests).as("the report once (the second reader gets the kept one), the answer once").hasSize(2);

        // the check runs on the translation too: a name the machine spells out is not shown
        SERVER.spelling.put("زميلي", someone);
        long spelledOut = reports.reportNamed(new nl.meedenken.learning.internal.Reports.NewReport(
                categories[random.nextInt(categories.length)], "زميلي نسي الحزام " + random.nextInt(100), null, null, null,
                false, "k" + random.nextLong()), TestLogins.personId(users, reporter)).id();
        String refusal = translate("mistake-report", spelledOut, lead);
        assertThat(refusal).contains("naar een persoon kan wijzen").doesNotContain(someone);
        assertThat(translate("mistake-report", spelledOut, lead)).as("also when it comes from the database")
                .contains("naar een persoon kan wijzen").doesNotContain(someone);
        SERVER.spelling.clear();
        assertThat(SERVER.requests).hasSize(3);

        Document detail = Jsoup.parse(mvc.perform(get("/learning/reports/" + pointing).with(TestLogins.as(users, lead)))
                .andReturn().getResponse().getContentAsString());
        assertThat(detail.select("form[action^=/translate/]")).as("not offered when it points to someone").isEmpty();
    }

    @Test
    void openScanAnswersGoOnlyToReadersOfTheResultsAndAreNeverSentWhileAnonymousTextsAreOff() throws Exception {
        long demo = jdbc.sql("select id from scan_campaign where status = 'CLOSED' and kind = 'FULL' order by closes_on desc limit 1")
                .query(Long.class).single();
        TranslatableTexts answers = kinds.stream().filter(k -> k.kind().equals("scan-answers")).findFirst().orElseThrow();
        var manager = (nl.meedenken.platform.SignedInUser) users.loadUserByUsername("manager");
        var driver = (nl.meedenken.platform.SignedInUser) users.loadUserByUsername("driver");
        var first = answers.original(demo * 100, manager);
        assertThat(first).isPresent();
        assertThat(first.get().anonymous()).isTrue();
        assertThat(answers.original(demo * 100, driver)).isEmpty();
        assertThat(answers.original(demo * 100 + 99, manager)).isEmpty();
        assertThat(answers.original(-1, manager)).isEmpty();
        assertThat(translate("scan-answers", demo * 100, "manager")).contains("zonder naam geschreven");
        assertThat(SERVER.requests).isEmpty();
    }

    @Test
    void theDataAgreementInForceIsTranslatedForEveryoneWhoReadsIt() throws Exception {
        long agreement = jdbc.sql("select id from driving_agreement where consent_on is not null and ended_at is null")
                .query(Long.class).single();
        Document page = Jsoup.parse(mvc.perform(get("/driving/agreement").with(TestLogins.as(users, "youssef")))
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("form[action=/translate/data-agreement/" + agreement + "]")).hasSize(1);
        assertThat(translate("data-agreement", agreement, "youssef")).contains("[ar] ");
        assertThat(SERVER.requests).hasSize(1);
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
