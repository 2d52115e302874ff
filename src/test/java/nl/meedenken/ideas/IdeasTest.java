package nl.meedenken.ideas;

import nl.meedenken.TestLogins;
import nl.meedenken.TestPeople;
import nl.meedenken.ideas.internal.Category;
import nl.meedenken.ideas.internal.Experiment;
import nl.meedenken.ideas.internal.Experiments;
import nl.meedenken.ideas.internal.IdeaBox;
import nl.meedenken.ideas.internal.IdeaStatus;
import nl.meedenken.ideas.internal.Impact;
import nl.meedenken.ideas.internal.InvalidIdea;
import nl.meedenken.platform.Notifications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class IdeasTest {

    /** A real 1 × 1 PNG. */
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    private static final byte[] PNG_HEADER_ONLY = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13};

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    IdeaBox ideas;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    Experiments experiments;
    @Autowired
    Notifications notifications;
    @Autowired
    nl.meedenken.organisation.People people;
    @Autowired
    nl.meedenken.organisation.internal.Teams teams;

    private long id(String login) {
        return TestLogins.personId(users, login);
    }

    private long idea(long author, String title) {
        return ideas.submit(new IdeaBox.NewIdea(title, "Het probleem", "Het voorstel", Category.EFFICIENCY, null, null,
                null), author, null);
    }

    private static String unique(String text) {
        return text + " " + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    }

    @Test
    void aPhotoThatClaimsTwentyThousandPixelsASideIsRefusedNextToTheFieldAndNothingIsStored() throws Exception {
        String title = unique("Foto van 400 megapixel");
        // a valid 8 × 8 PNG whose header (with a correct checksum) then claims 20,000 × 20,000 pixels
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
        byte[] bomb = out.toByteArray();
        java.nio.ByteBuffer.wrap(bomb, 16, 8).putInt(20_000).putInt(20_000);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bomb, 12, 17);
        java.nio.ByteBuffer.wrap(bomb, 29, 4).putInt((int) crc.getValue());
        mvc.perform(multipart("/ideas").file(new MockMultipartFile("photo", "groot.png", "image/png", bomb))
                        .param("title", title).param("problem", "p").param("proposal", "v").param("category", "SAFETY")
                        .with(csrf()).with(TestLogins.as(users, "warehouse")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hoogstens 10.000 pixels per zijde en 40 megapixel")));
        assertThat(jdbc.sql("select count(*) from idea where title = :t").param("t", title).query(Long.class).single()).isZero();
        assertThatThrownBy(() -> ideas.submit(new IdeaBox.NewIdea(title, "p", "v", Category.SAFETY, null, null, null),
                id("warehouse"), new IdeaBox.Photo(bomb))).hasMessageContaining("pictures.error.tooManyPixels");
    }

    @Test
    void aPhotoIsCheckedByItsContentAndItsSize() throws Exception {
        String title = unique("Foto van de dock");
        mvc.perform(multipart("/ideas").file(new MockMultipartFile("photo", "echt.jpg", "image/jpeg", "geen foto".getBytes()))
                        .param("title", title).param("problem", "p").param("proposal", "v").param("category", "SAFETY")
                        .with(csrf()).with(TestLogins.as(users, "warehouse")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dit bestand is geen JPEG- of PNG-foto.")));
        assertThatThrownBy(() -> ideas.submit(new IdeaBox.NewIdea(title, "p", "v", Category.SAFETY, null, null, null),
                id("warehouse"), new IdeaBox.Photo(PNG_HEADER_ONLY))).as("a header alone is not a photo")
                .hasMessageContaining("ideas.error.photoType");
        byte[] big = new byte[IdeaBox.MAX_PHOTO + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        assertThatThrownBy(() -> ideas.submit(new IdeaBox.NewIdea(title, "p", "v", Category.SAFETY, null, null, null),
                id("warehouse"), new IdeaBox.Photo(big))).hasMessageContaining("ideas.error.photoSize");

        mvc.perform(multipart("/ideas").file(new MockMultipartFile("photo", "dock.txt", "text/plain", PNG))
                        .param("title", title).param("problem", "p").param("proposal", "v").param("category", "SAFETY")
                        .with(csrf()).with(TestLogins.as(users, "warehouse")))
                .andExpect(status().is3xxRedirection());
        long id = ideas.search(new IdeaBox.Filter(title, null, null, null, null, false, null, null), 0).items().get(0).id();
        mvc.perform(get("/ideas/{id}/photo", id).with(TestLogins.as(users, "driver")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"));
    }

    @Test
    void anIdeaNeedsATitleAProblemAProposalAndACategoryAndIsStoredOnceWhenSentTwice() throws Exception {
        mvc.perform(multipart("/ideas").param("title", "").param("problem", "").param("proposal", "x")
                        .with(csrf()).with(TestLogins.as(users, "warehouse")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Vul dit in.")));
        String key = UUID.randomUUID().toString();
        String title = unique("Twee keer verstuurd");
        for (int i = 0; i < 2; i++) {
            mvc.perform(multipart("/ideas").param("title", title).param("problem", "p").param("proposal", "v")
                    .param("category", "OTHER").param("key", key).with(csrf()).with(TestLogins.as(users, "warehouse")))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(ideas.search(new IdeaBox.Filter(title, null, null, null, null, false, null, null), 0).total()).isEqualTo(1);
    }

    @Test
    void colleaguesSupportOnceButNotTheirOwnIdea() {
        long idea = idea(id("warehouse"), unique("Steun"));
        assertThatThrownBy(() -> ideas.support(idea, id("warehouse"))).isInstanceOf(InvalidIdea.class)
                .hasMessageContaining("ideas.error.ownIdea");
        ideas.support(idea, id("driver"));
        assertThatThrownBy(() -> ideas.support(idea, id("driver"))).hasMessageContaining("ideas.error.alreadySupported");
        assertThat(ideas.find(idea).orElseThrow().supporters()).isEqualTo(1);
    }

    @Test
    void onlyLeadsAnswerAndAnAnswerNeedsAReasonThatSubmitterAndSupportersAreToldAbout() throws Exception {
        long idea = idea(id("warehouse"), unique("Antwoord"));
        ideas.support(idea, id("driver"));
        int before = notifications.unread(id("warehouse"));
        int supporterBefore = notifications.unread(id("driver"));

        mvc.perform(post("/ideas/{id}/answer", idea).param("status", "ADOPTED").param("reason", "Prima")
                .with(csrf()).with(TestLogins.as(users, "planner"))).andExpect(status().isForbidden());
        assertThatThrownBy(() -> ideas.answer(idea, IdeaStatus.ADOPTED, "Prima", id("planner"), "Sanne", false))
                .hasMessageContaining("ideas.error.onlyLeads");
        mvc.perform(post("/ideas/{id}/answer", idea).param("status", "ADOPTED").param("reason", " ")
                .with(csrf()).with(TestLogins.as(users, "teamlead"))).andExpect(status().is3xxRedirection());
        assertThat(ideas.find(idea).orElseThrow().status()).isEqualTo(IdeaStatus.SUBMITTED);

        mvc.perform(post("/ideas/{id}/answer", idea).param("status", "UNDER_REVIEW").param("reason", "We kijken ernaar.")
                .with(csrf()).with(TestLogins.as(users, "teamlead"))).andExpect(status().is3xxRedirection());
        assertThatThrownBy(() -> ideas.answer(idea, IdeaStatus.UNDER_REVIEW, "Nog eens", id("teamlead"), "Ruud", true))
                .hasMessageContaining("ideas.error.sameStatus");
        ideas.answer(idea, IdeaStatus.ADOPTED, "We doen het.", id("manager"), "Ingrid", true);

        assertThat(ideas.answers(idea)).extracting(a -> a.status())
                .containsExactly(IdeaStatus.UNDER_REVIEW, IdeaStatus.ADOPTED);
        assertThat(notifications.unread(id("warehouse"))).isEqualTo(before + 2);
        assertThat(notifications.unread(id("driver"))).isEqualTo(supporterBefore + 2);
        mvc.perform(get("/ideas/{id}", idea).with(TestLogins.as(users, "warehouse")))
                .andExpect(content().string(containsString("We kijken ernaar.")))
                .andExpect(content().string(containsString("We doen het.")))
                .andExpect(content().string(containsString("Beantwoord op")));
    }

    @Test
    void anIdeaCanMoveThroughEveryAnswerAndKeepsTheWholeHistory() {
        long idea = idea(id("warehouse"), unique("Alle statussen"));
        IdeaStatus[] path = {IdeaStatus.UNDER_REVIEW, IdeaStatus.EXPERIMENT, IdeaStatus.PARKED, IdeaStatus.NOT_ADOPTED,
                IdeaStatus.ADOPTED};
        for (IdeaStatus status : path) {
            ideas.answer(idea, status, "Omdat " + status, id("teamlead"), "Ruud", true);
            assertThat(ideas.find(idea).orElseThrow().status()).isEqualTo(status);
        }
        assertThat(ideas.answers(idea)).extracting(a -> a.status()).containsExactly(path);
        assertThatThrownBy(() -> ideas.answer(idea, IdeaStatus.SUBMITTED, "terug", id("teamlead"), "Ruud", true))
                .hasMessageContaining("ideas.error.status");
    }

    @Test
    void experimentsArePlannedRunningWaitingOrDecided() {
        LocalDate today = experiments.today();
        long planned = experiments.start(new Experiments.Plan(null, unique("Later"), "h", "w", "p", today.plusDays(2),
                today.plusDays(9), "m", null), id("teamlead"), "Ruud");
        long running = experiments.start(new Experiments.Plan(null, unique("Nu"), "h", "w", "p", today,
                today.plusDays(9), "m", null), id("teamlead"), "Ruud");
        assertThat(experiments.find(planned).orElseThrow().stateOn(today)).isEqualTo(Experiment.State.PLANNED);
        assertThat(experiments.find(running).orElseThrow().stateOn(today)).isEqualTo(Experiment.State.RUNNING);
        assertThatThrownBy(() -> experiments.decide(planned, "r", Experiment.Decision.STOP, "w", id("teamlead"), "Ruud"))
                .hasMessageContaining("experiments.error.notStarted");
    }

    @Test
    void ideasWaitingLongerThanPromisedAreListedForLeadsUntilAnswered() throws Exception {
        String title = unique("Te lang gewacht");
        long idea = ideas.submit(new IdeaBox.NewIdea(title, "p", "v", Category.OTHER, null, null, null), id("warehouse"),
                null, Instant.now().minus(Duration.ofDays(ideas.answerDays() + 2)));
        assertThat(ideas.find(idea).orElseThrow().overdueOn(ideas.today())).isTrue();
        mvc.perform(get("/ideas").param("overdue", "yes").with(TestLogins.as(users, "teamlead")))
                .andExpect(content().string(containsString(title)));
        mvc.perform(get("/").with(TestLogins.as(users, "teamlead")))
                .andExpect(content().string(containsString("langer dan beloofd")));
        ideas.answer(idea, IdeaStatus.PARKED, "Later", id("teamlead"), "Ruud", true);
        mvc.perform(get("/ideas").param("overdue", "yes").with(TestLogins.as(users, "teamlead")))
                .andExpect(content().string(not(containsString(title))));
    }

    @Test
    void aCommentTellsTheSubmitter() {
        long idea = idea(id("warehouse"), unique("Reactie"));
        int before = notifications.unread(id("warehouse"));
        ideas.comment(idea, id("driver"), "Goed idee!");
        ideas.comment(idea, id("warehouse"), "Dank je");
        assertThat(notifications.unread(id("warehouse"))).as("not told about one's own comment").isEqualTo(before + 1);
        assertThatThrownBy(() -> ideas.comment(idea, id("driver"), "  ")).hasMessageContaining("validation.required");
    }

    @Test
    void theEffectIsRecordedForAdoptedIdeasOnlyAndCountsInItsQuarter() throws Exception {
        long idea = idea(id("warehouse"), unique("Effect"));
        Impact impact = new Impact(new BigDecimal("1000"), null, null, null, new BigDecimal("1200"), null, null, null, null);
        assertThatThrownBy(() -> ideas.impact(idea, impact, "t")).hasMessageContaining("ideas.error.impactOnlyAdopted");
        ideas.answer(idea, IdeaStatus.ADOPTED, "Ja", id("manager"), "Ingrid", true);
        assertThatThrownBy(() -> ideas.impact(idea, new Impact(new BigDecimal("-1"), null, null, null, null, null, null,
                null, null), "t")).hasMessageContaining("ideas.error.impactNumber");
        ideas.impact(idea, impact, "t");
        assertThat(ideas.impact(idea).orElseThrow().realisedEuros()).isEqualByComparingTo("1200");
        mvc.perform(get("/ideas/impact").with(TestLogins.as(users, "warehouse")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Q")));
    }

    @Test
    void anExperimentPastItsEndWithoutADecisionIsFlaggedAndADecisionNeedsAReason() throws Exception {
        LocalDate today = experiments.today();
        assertThatThrownBy(() -> experiments.start(new Experiments.Plan(null, "X", "h", "w", "p", today, today.minusDays(1),
                "m", null), id("teamlead"), "t")).hasMessageContaining("experiments.error.endBeforeStart");
        long id = experiments.start(new Experiments.Plan(null, unique("Proef"), "We denken dat ...", "w", "p",
                today.minusDays(20), today.minusDays(1), "m", null), id("teamlead"), "t");
        assertThat(experiments.find(id).orElseThrow().flaggedOn(today)).isTrue();
        assertThat(experiments.board().get(Experiment.State.AWAITING_DECISION)).extracting(Experiment::id).contains(id);
        assertThatThrownBy(() -> experiments.decide(id, "Het werkte", Experiment.Decision.ADOPT, "", id("teamlead"), "t"))
                .hasMessageContaining("validation.required");
        mvc.perform(post("/ideas/experiments/{id}/decision", id).param("result", "r").param("decision", "STOP")
                .param("reason", "x").with(csrf()).with(TestLogins.as(users, "planner"))).andExpect(status().isForbidden());
        experiments.decide(id, "Het werkte", Experiment.Decision.ADJUST, "Kleiner opnieuw", id("teamlead"), "t");
        assertThat(experiments.find(id).orElseThrow().stateOn(today)).isEqualTo(Experiment.State.DECIDED);
        assertThatThrownBy(() -> experiments.decide(id, "r", Experiment.Decision.STOP, "w", id("teamlead"), "t"))
                .hasMessageContaining("experiments.error.decided");
    }

    @Test
    void managementFormsAnInnovationTeamWhosePageShowsItsIdeasAndExperiments() throws Exception {
        mvc.perform(get("/ideas/teams/new").with(TestLogins.as(users, "teamlead"))).andExpect(status().isForbidden());
        String name = unique("Team");
        mvc.perform(post("/ideas/teams").param("name", name).param("mandate", "Mag proberen")
                        .with(csrf()).with(TestLogins.as(users, "manager")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Kies minstens één actief lid.")));
        mvc.perform(post("/ideas/teams").param("name", name).param("mandate", "Mag proberen")
                        .param("members", Long.toString(TestPeople.member(people, TestPeople.team(teams),
                                "Lid " + TestPeople.uniqueNumber())))
                        .with(csrf()).with(TestLogins.as(users, "manager")))
                .andExpect(status().is3xxRedirection());
        long team = ideasTeam(name);
        long idea = idea(id("warehouse"), unique("Voor het team"));
        ideas.toInnovationTeam(idea, team);
        mvc.perform(get("/ideas/teams/{id}", team).with(TestLogins.as(users, "driver")))
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("Voor het team")));
    }

    @Autowired
    Ideas api;

    private long ideasTeam(String name) {
        return api.innovationTeams().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().id();
    }

    @Test
    void anExperimentsDecisionIsForLeadsAndItsOwnTeamAndAnswersTheIdea() throws Exception {
        long idea = idea(id("warehouse"), unique("Proef met idee"));
        ideas.support(idea, id("driver"));
        String other = unique("Ander team");
        mvc.perform(post("/ideas/teams").param("name", other).param("mandate", "m")
                .param("members", Long.toString(id("planner"))).with(csrf()).with(TestLogins.as(users, "manager")));
        LocalDate today = experiments.today();
        long experiment = experiments.start(new Experiments.Plan(idea, unique("Proef"), "We denken dat het helpt",
                "w", "p", today.minusDays(3), today.plusDays(3), "m", null), id("teamlead"), "Ruud Jansen");
        assertThat(ideas.find(idea).orElseThrow().status()).as("the idea is being tried out").isEqualTo(IdeaStatus.EXPERIMENT);
        mvc.perform(post("/ideas/experiments/{id}/decision", experiment).param("result", "r").param("decision", "ADOPT")
                .param("reason", "x").with(csrf()).with(TestLogins.as(users, "planner"))).andExpect(status().isForbidden());
        int told = notifications.unread(id("driver"));
        experiments.decide(experiment, "Het werkt", Experiment.Decision.ADOPT, "We nemen het over", id("teamlead"),
                "Ruud Jansen");
        assertThat(ideas.find(idea).orElseThrow().status()).isEqualTo(IdeaStatus.ADOPTED);
        assertThat(notifications.unread(id("driver"))).isEqualTo(told + 1);
    }

    @Test
    void amountsAreReadInTheReadersLanguageAndOnlyIdeasStillAdoptedCount() throws Exception {
        assertThat(nl.meedenken.ideas.web.IdeasControllerAccess.amount("1.500,50", java.util.Locale.forLanguageTag("nl")))
                .isEqualByComparingTo("1500.50");
        assertThat(nl.meedenken.ideas.web.IdeasControllerAccess.amount("1,500.50", java.util.Locale.ENGLISH))
                .isEqualByComparingTo("1500.50");
        assertThatThrownBy(() -> nl.meedenken.ideas.web.IdeasControllerAccess.amount("veel", java.util.Locale.ENGLISH))
                .hasMessageContaining("ideas.error.impactNumber");
        long idea = idea(id("warehouse"), unique("Teruggedraaid"));
        ideas.answer(idea, IdeaStatus.ADOPTED, "Ja", id("manager"), "Ingrid", true);
        ideas.impact(idea, new Impact(new BigDecimal("777777"), null, null, null, null, null, null, null, null), "t");
        BigDecimal with = impactOverview.quarters(ideas.today()).get(0).expectedEuros();
        ideas.answer(idea, IdeaStatus.PARKED, "Toch niet", id("manager"), "Ingrid", true);
        BigDecimal without = impactOverview.quarters(ideas.today()).get(0).expectedEuros();
        assertThat(with.subtract(without)).isEqualByComparingTo("777777");
    }

    @Autowired
    nl.meedenken.ideas.internal.ImpactOverview impactOverview;

    @Test
    void theListSearchesFiltersAndPages() throws Exception {
        String word = unique("Zoekwoord");
        idea(id("warehouse"), word);
        mvc.perform(get("/ideas").param("q", word).param("category", "EFFICIENCY").with(TestLogins.as(users, "driver")))
                .andExpect(content().string(containsString(word + "</a>")));
        mvc.perform(get("/ideas").param("q", word).param("category", "SAFETY").with(TestLogins.as(users, "driver")))
                .andExpect(content().string(not(containsString(word + "</a>"))));
        mvc.perform(get("/ideas").param("page", "1").with(TestLogins.as(users, "driver")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("21–")));
    }

    @Test
    void theDemoHasIdeasInEveryStateFourExperimentsAndATeamOfYoungEmployees() {
        for (IdeaStatus status : IdeaStatus.values()) {
            assertThat(ideas.search(new IdeaBox.Filter(null, status, null, null, null, false, null, null), 0).total())
                    .as(status.name()).isPositive();
        }
        assertThat(experiments.board().values().stream().mapToInt(java.util.List::size).sum()).isGreaterThanOrEqualTo(4);
        assertThat(api.innovationTeams()).extracting(InnovationTeamSummary::name).contains("De Jonge Denkers");
        assertThat(ideas.overdue()).isPositive();
    }
}
