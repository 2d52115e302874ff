package nl.meedenken.leadership;

import nl.meedenken.TestLogins;
import nl.meedenken.TestPeople;
import nl.meedenken.leadership.internal.FeedbackRounds;
import nl.meedenken.leadership.internal.InvalidLeadership;
import nl.meedenken.leadership.internal.Lesson;
import nl.meedenken.leadership.internal.Markdown;
import nl.meedenken.leadership.internal.Programme;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.internal.Teams;
import nl.meedenken.platform.AuditEntry;
import nl.meedenken.platform.AuditLog;
import nl.meedenken.platform.Role;
import nl.meedenken.scan.RoleGroup;
import nl.meedenken.scan.Scans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The coaching programme and upward feedback: reflections stay with the leader, feedback
 * figures obey the scan's minimum group size, and management reads a leader's feedback only
 * when shared, or as an aggregate over enough leaders.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LeadershipTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    People people;
    @Autowired
    Teams teams;
    @Autowired
    nl.meedenken.organisation.internal.Accounts accounts;
    @Autowired
    Programme programme;
    @Autowired
    FeedbackRounds rounds;
    @Autowired
    Scans scans;
    @Autowired
    Markdown markdown;
    @Autowired
    AuditLog audit;

    /** A lead with an account and a team of the given size; returns the lead's login. */
    private String leadWithTeam(int colleagues) {
        long team = TestPeople.team(teams);
        String login = TestPeople.loginInTeam(people, accounts, team, Role.TEAM_LEAD);
        for (int i = 0; i < colleagues; i++) {
            TestPeople.member(people, team, "Collega " + i, Role.DRIVER);
        }
        return login;
    }

    private long answered(String lead, int answers) {
        long leader = TestLogins.personId(users, lead);
        long id = rounds.start(leader, rounds.today().plusWeeks(2), leader, "test", null);
        FeedbackRounds.Round round = rounds.find(id).orElseThrow();
        for (int i = 0; i < answers; i++) {
            Map<String, Integer> sheet = new java.util.LinkedHashMap<>();
            for (int s = 1; s <= FeedbackRounds.STATEMENTS.size(); s++) {
                sheet.put("custom_" + s, 2 + (i % 3));
            }
            scans.storeDemoSheet(round.campaign(), round.teamId(), RoleGroup.DRIVER, sheet);
        }
        return id;
    }

    @Test
    void theShippedProgrammeHasSixLessonsInBothLanguagesThatRenderAsText() {
        List<Lesson> shipped = programme.lessons().stream().filter(l -> l.slug() != null).toList();
        assertThat(shipped).hasSizeGreaterThanOrEqualTo(6);
        for (Lesson lesson : shipped) {
            assertThat(lesson.titleNl()).isNotBlank().isNotEqualTo(lesson.titleEn());
            assertThat(markdown.html(lesson.bodyNl())).contains("<h2>").doesNotContain("+++");
            assertThat(markdown.html(lesson.bodyEn())).contains("<h2>");
            assertThat(lesson.assignmentEn()).isNotBlank();
        }
        assertThat(shipped).extracting(Lesson::slug).contains("coaching-conversations", "room-to-experiment",
                "joint-evaluation", "answering-ideas", "mistakes-without-blame", "explaining-figures");
    }

    @Test
    void markdownIsRenderedWithoutRunningAnythingTheEditorTyped() {
        String html = markdown.html("""
                ## Kop
                <script>alert(1)</script>
                [klik](javascript:alert(1)) [ideeën](/ideas) [web](https://example.org) [d](data:text/html,x)
                ![plaatje](https://tracker.example/pixel.png) <img src=x onerror=alert(1)>
                """);
        assertThat(html).contains("<h2>Kop</h2>", "&lt;script&gt;", "href=\"/ideas\"",
                "rel=\"noopener noreferrer nofollow\"", "plaatje");
        assertThat(html).doesNotContain("<script", "javascript:", "<img", "data:");
    }

    @Test
    void aReflectionStaysPrivateUntilTheLeaderSharesIt() throws Exception {
        String lead = leadWithTeam(0);
        long leader = TestLogins.personId(users, lead);
        Lesson lesson = programme.lessons().get(0);
        String secret = "Ik merkte dat ik te snel zelf het antwoord gaf " + TestPeople.uniqueNumber();
        mvc.perform(post("/leadership/lessons/" + lesson.id() + "/reflection").with(csrf())
                        .with(TestLogins.as(users, lead))
                        .param("did", secret).param("happened", "Het gesprek werd korter.").param("nextStep", "Vaker vragen."))
                .andExpect(status().is3xxRedirection());
        String own = mvc.perform(get("/leadership/lessons/" + lesson.id()).with(TestLogins.as(users, lead)))
                .andReturn().getResponse().getContentAsString();
        assertThat(own).contains(secret);

        String managerView = mvc.perform(get("/leadership/leaders/" + leader).with(TestLogins.as(users, "manager")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(managerView).doesNotContain(secret).contains("privé");
        String managerLesson = mvc.perform(get("/leadership/lessons/" + lesson.id()).with(TestLogins.as(users, "manager")))
                .andReturn().getResponse().getContentAsString();
        assertThat(managerLesson).doesNotContain(secret);

        mvc.perform(post("/leadership/lessons/" + lesson.id() + "/reflection").with(csrf())
                        .with(TestLogins.as(users, lead)).param("did", secret)
                        .param("happened", "Het gesprek werd korter.").param("nextStep", "Vaker vragen.").param("shared", "on"))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/leadership/leaders/" + leader).with(TestLogins.as(users, "manager")))
                .andReturn().getResponse().getContentAsString()).contains(secret);
    }

    @Test
    void aReflectionNeedsAllThreeParts() throws Exception {
        String lead = leadWithTeam(0);
        Lesson lesson = programme.lessons().get(1);
        String page = mvc.perform(post("/leadership/lessons/" + lesson.id() + "/reflection").with(csrf())
                        .with(TestLogins.as(users, lead)).param("did", "Iets gedaan").param("happened", " ")
                        .param("nextStep", "Verder"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Vul dit in", "Iets gedaan");
    }

    @Test
    void feedbackBelowTheMinimumGroupShowsNoFiguresEvenToTheLeader() throws Exception {
        String lead = leadWithTeam(6);
        long leader = TestLogins.personId(users, lead);
        long four = answered(lead, 4);
        assertThat(rounds.find(four).orElseThrow().result().shown()).isFalse();
        rounds.close(four, leader, "test");
        FeedbackRounds.Round closed = rounds.find(four).orElseThrow();
        assertThat(closed.result().open()).isFalse();
        assertThat(closed.result().shown()).isFalse();
        assertThat(closed.result().statements()).isEmpty();
        String page = mvc.perform(get("/leadership/feedback/" + four).with(TestLogins.as(users, lead)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Geen uitkomsten voor deze ronde").doesNotContain("Wat je team zegt");

        String other = leadWithTeam(6); // a second round about the same leader would wait the gap
        long five = answered(other, 5);
        rounds.close(five, TestLogins.personId(users, other), "test");
        String results = mvc.perform(get("/leadership/feedback/" + five).with(TestLogins.as(users, other)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(results).contains("Wat je team zegt", FeedbackRounds.STATEMENTS.get(0).dutch());
        assertThat(rounds.find(five).orElseThrow().result().statements().get(0).mean()).isEqualTo(2.8);
    }

    @Test
    void managementReadsARoundOnlyWhenTheLeaderSharesItAndSharingIsAudited() throws Exception {
        String lead = leadWithTeam(5);
        long leader = TestLogins.personId(users, lead);
        long id = answered(lead, 5);
        assertThatThrownBy(() -> rounds.share(id, leader, true, "test")).as("an open round cannot be shared")
                .hasFieldOrPropertyWithValue("messageKey", "leadership.error.shareOpen");
        rounds.close(id, leader, "test");
        rounds.close(id, leader, "test"); // closing twice changes nothing
        mvc.perform(get("/leadership/feedback/" + id).with(TestLogins.as(users, "manager")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/leadership/feedback/" + id).with(TestLogins.as(users, "teamlead")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/leadership/feedback/" + id + "/share").with(csrf()).with(TestLogins.as(users, "manager"))
                .param("shared", "true")).andExpect(status().isNotFound());
        mvc.perform(post("/leadership/feedback/" + id + "/share").with(csrf()).with(TestLogins.as(users, lead))
                .param("shared", "true")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/leadership/feedback/" + id).with(TestLogins.as(users, "manager")))
                .andExpect(status().isOk());
        String name = people.find(new PersonId(leader)).map(PersonSummary::name).orElseThrow();
        assertThat(audit.entries(AuditEntry.Type.FEEDBACK_ROUND_SHARED, 0).items())
                .anyMatch(e -> name.equals(e.subject()));
        assertThat(audit.entries(AuditEntry.Type.FEEDBACK_ROUND_READ, 0).items())
                .anyMatch(e -> name.equals(e.subject()) && ("round " + id).equals(e.detail()));

        // unsharing takes the round off management's pages, but it stays known to management
        mvc.perform(post("/leadership/feedback/" + id + "/share").with(csrf()).with(TestLogins.as(users, lead))
                .param("shared", "false")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/leadership/feedback/" + id).with(TestLogins.as(users, "manager")))
                .andExpect(status().isNotFound());
        FeedbackRounds.Round unshared = rounds.find(id).orElseThrow();
        assertThat(unshared.shared()).isFalse();
        assertThat(unshared.disclosed()).isTrue();
        assertThat(audit.entries(AuditEntry.Type.FEEDBACK_ROUND_UNSHARED, 0).items())
                .anyMatch(e -> name.equals(e.subject()));
        assertThat(mvc.perform(get("/leadership/feedback/" + id).with(TestLogins.as(users, lead)))
                .andReturn().getResponse().getContentAsString()).contains("Je deelde haar eerder");
    }

    /** A leader without an account, in a team of their own with the given number of colleagues. */
    private PersonSummary leaderWithTeam(int colleagues) {
        long team = TestPeople.team(teams);
        long leader = TestPeople.member(people, team, "Leider " + TestPeople.uniqueNumber(), Role.TEAM_LEAD);
        for (int i = 0; i < colleagues; i++) {
            TestPeople.member(people, team, "Collega " + i, Role.DRIVER);
        }
        return people.find(new PersonId(leader)).orElseThrow();
    }

    private void answer(FeedbackRounds.Round round, int sheets, Random random) {
        for (int i = 0; i < sheets; i++) {
            Map<String, Integer> sheet = new java.util.LinkedHashMap<>();
            for (int s = 1; s <= FeedbackRounds.STATEMENTS.size(); s++) {
                sheet.put("custom_" + s, 1 + random.nextInt(5));
            }
            scans.storeDemoSheet(round.campaign(), round.teamId(), RoleGroup.DRIVER, sheet);
        }
    }

    /**
     * The attack of issue 18: leaders share, management reads, leaders unshare, in turn. The attacker
     * keeps every round it ever read; whenever the wave's combined figures are shown, the rounds with
     * figures it never read must still be at least {@value FeedbackRounds#MIN_LEADERS}, or subtracting
     * what it read from the combined figures would give fewer leaders, down to one.
     */
    @Test
    void sharingReadingAndUnsharingInTurnNeverLeavesAWaveFigureOverFewerThanFiveUnreadRounds() {
        long manager = TestLogins.personId(users, "manager");
        int wavesShown = 0;
        int refusals = 0;
        int oldRuleLeaks = 0;
        for (int c = 0; c < 10; c++) {
            Random random = new Random(18_000L + c);
            int size = 6 + random.nextInt(4);
            List<PersonSummary> leaders = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                leaders.add(leaderWithTeam(5 + random.nextInt(2)));
            }
            var outcome = rounds.startWave(leaders, rounds.today().plusWeeks(2), manager, "Ingrid van den Berg");
            List<Long> wave = leaders.stream().map(l -> rounds.of(l.id().value()).get(0).id()).toList();
            for (long id : wave) {
                // some rounds get too few answers and never have figures
                answer(rounds.find(id).orElseThrow(), random.nextInt(6) == 0 ? 3 + random.nextInt(2) : 5 + random.nextInt(2),
                        random);
            }
            java.util.Set<Long> everRead = new java.util.HashSet<>();
            List<Long> closed = new ArrayList<>();
            List<Long> toClose = new ArrayList<>(wave);
            java.util.Collections.shuffle(toClose, random);
            boolean shownInCase = false;
            for (int step = 0; step < 18; step++) {
                if (!toClose.isEmpty() && (closed.isEmpty() || random.nextInt(3) > 0)) {
                    long next = toClose.remove(0);
                    rounds.close(next, rounds.find(next).orElseThrow().leaderId(), "test");
                    closed.add(next);
                } else {
                    FeedbackRounds.Round pick = rounds.find(closed.get(random.nextInt(closed.size()))).orElseThrow();
                    try {
                        rounds.share(pick.id(), pick.leaderId(), !pick.shared(), "test");
                    } catch (InvalidLeadership refused) {
                        assertThat(refused.messageKey()).isEqualTo("leadership.error.shareWouldExpose");
                        refusals++;
                    }
                }
                // the attacker reads every round of the wave that is shared right now, and remembers it
                List<FeedbackRounds.Round> now = wave.stream().map(id -> rounds.find(id).orElseThrow()).toList();
                now.stream().filter(r -> r.shared() && r.result().shown()).forEach(r -> everRead.add(r.id()));
                long unread = now.stream().filter(r -> r.result().shown() && !everRead.contains(r.id())).count();
                long privateNow = now.stream().filter(r -> r.result().shown() && !r.shared()).count();
                if (toClose.isEmpty() && privateNow >= FeedbackRounds.MIN_LEADERS && unread < FeedbackRounds.MIN_LEADERS) {
                    oldRuleLeaks++; // deciding on the current state alone would have shown this wave
                }
                if (rounds.aggregate(outcome.waveId()).orElseThrow().visible()) {
                    shownInCase = true;
                    assertThat(unread).as("case %d step %d: rounds in the combined figures management never read", c, step)
                            .isGreaterThanOrEqualTo(FeedbackRounds.MIN_LEADERS);
                }
            }
            if (shownInCase) {
                wavesShown++;
            }
        }
        assertThat(wavesShown).as("the attack must meet shown waves to mean anything").isPositive();
        assertThat(oldRuleLeaks).as("and states where the current-state rule would have leaked").isPositive();
        assertThat(refusals).as("and sharing must have been refused somewhere").isPositive();
    }

    @Test
    void aNewRoundAboutTheSameLeaderWaitsTheGapAfterThePreviousRoundClosed() throws Exception {
        assertThat(rounds.gapDays()).isEqualTo(30);
        String lead = leadWithTeam(5);
        long leader = TestLogins.personId(users, lead);
        long first = answered(lead, 5);
        rounds.close(first, leader, "test");
        FeedbackRounds.Eligibility refused = rounds.eligibility(leader);
        assertThat(refused.refusalKey()).isEqualTo("leadership.error.tooSoon");
        assertThat(refused.possibleFrom()).isEqualTo(rounds.today().plusDays(30));
        assertThatThrownBy(() -> rounds.start(leader, rounds.today().plusWeeks(2), leader, "test", null))
                .hasFieldOrPropertyWithValue("messageKey", "leadership.error.tooSoon");
        String page = mvc.perform(get("/leadership/feedback").with(TestLogins.as(users, lead)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Een nieuwe ronde kan vanaf " + rounds.today().plusDays(30)
                .format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")), "minstens 30 dagen")
                .doesNotContain("Start de feedbackronde");

        // the day the gap ends a round may open again, the day before it may not
        PersonSummary almost = leaderWithTeam(5);
        rounds.recordPast(almost, rounds.today().minusDays(43), rounds.today().minusDays(29), false, List.of());
        assertThat(rounds.eligibility(almost.id().value()).possibleFrom()).isEqualTo(rounds.today().plusDays(1));
        PersonSummary waited = leaderWithTeam(5);
        rounds.recordPast(waited, rounds.today().minusDays(44), rounds.today().minusDays(30), false, List.of());
        assertThat(rounds.eligibility(waited.id().value()).eligible()).isTrue();

        // a wave skips the leader whose last round was too recent, and says until when
        long manager = TestLogins.personId(users, "manager");
        var outcome = rounds.startWave(List.of(almost, waited), rounds.today().plusWeeks(2), manager, "Ingrid van den Berg");
        assertThat(outcome.started()).containsExactly(waited.name());
        assertThat(outcome.skipped()).singleElement().satisfies(e -> {
            assertThat(e.refusalKey()).isEqualTo("leadership.error.tooSoon");
            assertThat(e.possibleFrom()).isEqualTo(rounds.today().plusDays(1));
        });
    }

    @Test
    void aRoundNeedsATeamBigEnoughToEverShowResultsAndOneRoundAtATime() {
        String small = leadWithTeam(4);
        long smallLead = TestLogins.personId(users, small);
        assertThatThrownBy(() -> rounds.start(smallLead, rounds.today().plusWeeks(2), smallLead, "test", null))
                .isInstanceOf(InvalidLeadership.class).hasFieldOrPropertyWithValue("messageKey", "leadership.error.teamTooSmall");
        String lead = leadWithTeam(5);
        long leader = TestLogins.personId(users, lead);
        assertThatThrownBy(() -> rounds.start(leader, rounds.today(), leader, "test", null))
                .hasFieldOrPropertyWithValue("messageKey", "leadership.error.closesOn");
        rounds.start(leader, rounds.today().plusWeeks(1), leader, "test", null);
        assertThatThrownBy(() -> rounds.start(leader, rounds.today().plusWeeks(1), leader, "test", null))
                .hasFieldOrPropertyWithValue("messageKey", "leadership.error.roundOpen");
    }

    @Test
    void theAggregateOfAWaveNeedsFiveLeadersWhoKeepTheirResultsPrivate() {
        List<PersonSummary> leaders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            leaders.add(people.find(new PersonId(TestLogins.personId(users, leadWithTeam(5)))).orElseThrow());
        }
        long manager = TestLogins.personId(users, "manager");
        var outcome = rounds.startWave(leaders, rounds.today().plusWeeks(2), manager, "Ingrid van den Berg");
        assertThat(outcome.started()).hasSize(5);
        List<FeedbackRounds.Round> started = leaders.stream()
                .map(l -> rounds.of(l.id().value()).get(0)).toList();
        int value = 1;
        for (FeedbackRounds.Round round : started) {
            for (int i = 0; i < 5; i++) {
                Map<String, Integer> sheet = new java.util.LinkedHashMap<>();
                for (int s = 1; s <= 5; s++) {
                    sheet.put("custom_" + s, value);
                }
                scans.storeDemoSheet(round.campaign(), round.teamId(), RoleGroup.DRIVER, sheet);
            }
            value++;
        }
        assertThat(rounds.aggregate(outcome.waveId()).orElseThrow().visible()).as("rounds still open").isFalse();
        for (FeedbackRounds.Round round : started) {
            rounds.close(round.id(), round.leaderId(), "test");
        }
        var aggregate = rounds.aggregate(outcome.waveId()).orElseThrow();
        assertThat(aggregate.visible()).isTrue();
        assertThat(aggregate.rows().get(0).mean()).as("leaders answered 1 to 5 by 5 people each").isEqualTo(3.0);
        assertThat(audit.entries(AuditEntry.Type.FEEDBACK_ROUND_STARTED, 0).items())
                .filteredOn(e -> "Ingrid van den Berg".equals(e.actor())).hasSizeGreaterThanOrEqualTo(5);

        assertThatThrownBy(() -> rounds.share(started.get(0).id(), started.get(0).leaderId(), true, "test"))
                .as("sharing one would let the other 4 be worked out from the combined figures already shown")
                .hasFieldOrPropertyWithValue("messageKey", "leadership.error.shareWouldExpose");
        assertThat(rounds.find(started.get(0).id()).orElseThrow().shared()).isFalse();
        assertThat(rounds.aggregate(outcome.waveId()).orElseThrow().privateShown()).isEqualTo(5);
    }

    @Test
    void editorsChangeTheProgrammeAndAnArchivedLessonLeavesThePath() throws Exception {
        String page = mvc.perform(post("/leadership/programme/new").with(csrf()).with(TestLogins.as(users, "admin"))
                        .param("titleNl", "Nieuwe les").param("titleEn", "").param("bodyNl", "## Kop").param("bodyEn", "## Head")
                        .param("assignmentNl", "Doe iets").param("assignmentEn", "Do something").param("evidence", "NONE"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Vul dit in");
        long id = programme.create(new Programme.LessonForm("Feedback vragen", "Asking for feedback", "## Waarom",
                "## Why", "Vraag het je team", "Ask your team", nl.meedenken.leadership.internal.Evidence.FEEDBACK,
                null, false, null, null), "test");
        assertThatThrownBy(() -> programme.change(id, new Programme.LessonForm("a", "b", "c", "d", "e", "f",
                nl.meedenken.leadership.internal.Evidence.NONE, "not a picture".getBytes(), false, "x", "y"), "test"))
                .hasFieldOrPropertyWithValue("messageKey", "leadership.error.imageType");
        int before = programme.lessons().stream().map(Lesson::id).toList().indexOf(id);
        programme.move(id, true);
        assertThat(programme.lessons().stream().map(Lesson::id).toList().indexOf(id)).isEqualTo(before - 1);

        mvc.perform(post("/leadership/programme/" + id + "/archive").with(csrf()).with(TestLogins.as(users, "manager")))
                .andExpect(status().is3xxRedirection());
        assertThat(programme.lessons()).noneMatch(l -> l.id() == id);
        mvc.perform(get("/leadership/lessons/" + id).with(TestLogins.as(users, "teamlead"))).andExpect(status().isNotFound());
        mvc.perform(post("/leadership/programme/" + id + "/archive").with(csrf()).with(TestLogins.as(users, "teamlead")))
                .andExpect(status().isForbidden());
    }

    @Test
    void everyLeadershipPageOpensForItsPersonas() throws Exception {
        long lesson = programme.lessons().get(2).id();
        for (String path : List.of("/leadership", "/leadership/lessons/" + lesson, "/leadership/feedback")) {
            for (String who : List.of("teamlead", "manager")) {
                mvc.perform(get(path).with(TestLogins.as(users, who))).andExpect(status().isOk());
            }
        }
        for (String path : List.of("/leadership/leaders", "/leadership/feedback/wave", "/leadership/programme",
                "/leadership/programme/" + lesson + "/edit", "/leadership/programme/" + lesson + "/archive")) {
            mvc.perform(get(path).with(TestLogins.as(users, "manager"))).andExpect(status().isOk());
        }
        mvc.perform(get("/").with(TestLogins.as(users, "teamlead"))).andExpect(status().isOk());
        mvc.perform(get("/leadership").with(TestLogins.as(users, "admin"))).andExpect(status().is3xxRedirection());
    }
}
