package nl.meedenken.challenges;

import nl.meedenken.TestLogins;
import nl.meedenken.challenges.internal.Challenge;
import nl.meedenken.challenges.internal.ChallengeBoard;
import nl.meedenken.ideas.Ideas;
import nl.meedenken.platform.Notifications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class ChallengesTest {

    @Autowired
    ChallengeBoard board;
    @Autowired
    Challenges challenges;
    @Autowired
    Ideas ideas;
    @Autowired
    Notifications notifications;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    private long id(String login) {
        return TestLogins.personId(users, login);
    }

    private long posted(String poster, Challenge.Kind kind, List<String> options) {
        return board.post(new ChallengeBoard.Post(kind, "Vraag " + System.nanoTime(), "Wat speelt er", "De vraag",
                LocalDate.now().plusDays(10), options), id(poster), poster.equals("manager"));
    }

    @Test
    void onlyManagementPostsCompanyChallengesAndAnyonePostsShopFloorProblems() throws Exception {
        assertThatThrownBy(() -> posted("warehouse", Challenge.Kind.COMPANY, List.of()))
                .hasMessageContaining("challenges.error.companyOnlyManagement");
        long problem = posted("warehouse", Challenge.Kind.SHOP_FLOOR, List.of());
        assertThat(board.find(problem).orElseThrow().kind()).isEqualTo(Challenge.Kind.SHOP_FLOOR);
        assertThatThrownBy(() -> posted("manager", Challenge.Kind.COMPANY, List.of("Alleen deze")))
                .hasMessageContaining("challenges.error.oneOption");
        assertThatThrownBy(() -> board.post(new ChallengeBoard.Post(Challenge.Kind.COMPANY, "T", "C", "Q",
                LocalDate.now().minusDays(1), List.of()), id("manager"), true))
                .hasMessageContaining("challenges.error.deadlinePast");
        mvc.perform(post("/challenges").param("kind", "COMPANY").param("title", "t").param("context", "c")
                        .param("question", "q").param("deadline", LocalDate.now().plusDays(3).toString())
                        .with(csrf()).with(TestLogins.as(users, "warehouse")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Uitdagingen van het bedrijf plaatst de directie.")));
    }

    @Test
    void everyoneVotesOnceAndMayChangeTheirVote() {
        long challenge = posted("manager", Challenge.Kind.COMPANY, List.of("Ja", "Nee"));
        List<ChallengeBoard.Option> options = board.options(challenge);
        board.vote(challenge, id("driver"), options.get(0).id());
        board.vote(challenge, id("driver"), options.get(1).id());
        assertThat(board.options(challenge)).extracting(ChallengeBoard.Option::votes).containsExactly(0, 1);
        assertThatThrownBy(() -> board.vote(challenge, id("driver"), -5L)).hasMessageContaining("challenges.error.option");
    }

    @Test
    void closingNeedsFollowUpIsForThePosterAndTellsEveryoneWhoTookPart() throws Exception {
        long challenge = posted("manager", Challenge.Kind.COMPANY, List.of("A", "B"));
        board.respond(challenge, id("warehouse"), "Mijn inbreng");
        board.vote(challenge, id("driver"), board.options(challenge).get(0).id());
        int warehouse = notifications.unread(id("warehouse"));
        int driver = notifications.unread(id("driver"));

        mvc.perform(post("/challenges/{id}/close", challenge).param("followUp", "Gedaan")
                .with(csrf()).with(TestLogins.as(users, "teamlead"))).andExpect(status().isForbidden());
        mvc.perform(post("/challenges/{id}/close", challenge).param("followUp", " ")
                        .with(csrf()).with(TestLogins.as(users, "manager")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Vul dit in.")));
        mvc.perform(post("/challenges/{id}/close", challenge).param("followUp", "We kozen A, omdat de meesten dat wilden.")
                .with(csrf()).with(TestLogins.as(users, "manager"))).andExpect(status().is3xxRedirection());

        assertThat(notifications.unread(id("warehouse"))).isEqualTo(warehouse + 1);
        assertThat(notifications.unread(id("driver"))).isEqualTo(driver + 1);
        assertThatThrownBy(() -> board.respond(challenge, id("warehouse"), "Te laat"))
                .hasMessageContaining("challenges.error.closed");
        assertThatThrownBy(() -> board.vote(challenge, id("council"), board.options(challenge).get(0).id()))
                .hasMessageContaining("challenges.error.closed");
        assertThatThrownBy(() -> board.close(challenge, "Nog eens", id("manager"), "Ingrid", true))
                .hasMessageContaining("challenges.error.closed");
        mvc.perform(get("/challenges/{id}", challenge).with(TestLogins.as(users, "warehouse")))
                .andExpect(content().string(containsString("We kozen A, omdat de meesten dat wilden.")));
    }

    @Test
    void anEmployeeLinksTheirOwnIdeaAndTheIdeaKnowsItsChallenge() {
        long challenge = posted("warehouse", Challenge.Kind.SHOP_FLOOR, List.of());
        long mine = jdbc.sql("""
                        insert into idea (title, problem, proposal, category, author_id, created_at, answer_due_on)
                        values ('Mijn idee', 'p', 'v', 'OTHER', :a, now(), current_date) returning id""")
                .param("a", id("driver")).query(Long.class).single();
        assertThatThrownBy(() -> board.linkIdea(challenge, mine, id("warehouse")))
                .hasMessageContaining("challenges.error.idea");
        board.linkIdea(challenge, mine, id("driver"));
        assertThat(board.linkedIdeas(challenge)).extracting(ChallengeBoard.LinkedIdea::id).containsExactly(mine);
        assertThat(jdbc.sql("select challenge_id from idea where id = :i").param("i", mine).query(Long.class).single())
                .isEqualTo(challenge);
        assertThat(board.contributors(challenge)).contains(id("driver"));
    }

    @Test
    void aShopFloorPosterHearsWhenManagementClosesTheProblemAndAnIdeaAnswersOneChallenge() {
        long problem = posted("warehouse", Challenge.Kind.SHOP_FLOOR, List.of());
        int before = notifications.unread(id("warehouse"));
        java.util.Set<Long> told = board.close(problem, "Opgelost met een rooster.", id("manager"), "Ingrid", true);
        assertThat(told).contains(id("warehouse")).doesNotContain(id("manager"));
        assertThat(notifications.unread(id("warehouse"))).isEqualTo(before + 1);

        long first = posted("warehouse", Challenge.Kind.SHOP_FLOOR, List.of());
        long second = posted("warehouse", Challenge.Kind.SHOP_FLOOR, List.of());
        long idea = jdbc.sql("""
                        insert into idea (title, problem, proposal, category, author_id, created_at, answer_due_on)
                        values ('Een antwoord', 'p', 'v', 'OTHER', :a, now(), current_date) returning id""")
                .param("a", id("driver")).query(Long.class).single();
        board.linkIdea(first, idea, id("driver"));
        assertThatThrownBy(() -> board.linkIdea(second, idea, id("driver")))
                .hasMessageContaining("challenges.error.ideaLinkedElsewhere");
    }

    @Test
    void managementGivesAChallengeToAnInnovationTeamAndTakesItAwayAgain() throws Exception {
        long challenge = posted("manager", Challenge.Kind.COMPANY, List.of());
        long team = ideas.innovationTeams().get(0).id();
        mvc.perform(post("/challenges/{id}/team", challenge).param("team", Long.toString(team))
                .with(csrf()).with(TestLogins.as(users, "teamlead"))).andExpect(status().isForbidden());
        mvc.perform(post("/challenges/{id}/team", challenge).param("team", Long.toString(team))
                .with(csrf()).with(TestLogins.as(users, "manager"))).andExpect(status().is3xxRedirection());
        assertThat(ideas.teamsOn(challenge)).extracting(t -> t.id()).containsExactly(team);
        mvc.perform(post("/challenges/{id}/team/{t}/remove", challenge, team)
                .with(csrf()).with(TestLogins.as(users, "warehouse"))).andExpect(status().isForbidden());
        mvc.perform(post("/challenges/{id}/team/{t}/remove", challenge, team)
                .with(csrf()).with(TestLogins.as(users, "manager"))).andExpect(status().is3xxRedirection());
        assertThat(ideas.teamsOn(challenge)).isEmpty();
    }

    @Test
    void inputIsClosedAfterTheDeadline() {
        long challenge = board.post(new ChallengeBoard.Post(Challenge.Kind.SHOP_FLOOR, "Oud", "c", "q",
                LocalDate.now().minusDays(5), List.of()), id("warehouse"), false,
                java.time.Instant.now().minus(java.time.Duration.ofDays(10)));
        assertThatThrownBy(() -> board.respond(challenge, id("driver"), "Nog iets"))
                .hasMessageContaining("challenges.error.pastDeadline");
    }

    @Test
    void theDemoHasThreeChallengesOneClosedWithFollowUp() {
        assertThat(board.list(null, null, Boolean.FALSE, 0).items()).anyMatch(c -> c.followUp() != null);
        assertThat(challenges.open()).hasSizeGreaterThanOrEqualTo(2);
    }

    // ---- what reaches whom

    @Autowired
    nl.meedenken.organisation.People people;
    @Autowired
    nl.meedenken.organisation.internal.Sites sites;
    @Autowired
    nl.meedenken.organisation.internal.Teams teams;

    @Test
    void aNewChallengeIsToldToEveryoneAtThePostersSiteButThePoster() {
        java.util.Random random = new java.util.Random();
        long here = sites.create("Vestiging " + nl.meedenken.TestPeople.uniqueNumber(), "Hier");
        long there = sites.create("Vestiging " + nl.meedenken.TestPeople.uniqueNumber(), "Daar");
        long teamHere = teams.create("Team " + nl.meedenken.TestPeople.uniqueNumber(), here);
        java.util.List<Long> atSite = new java.util.ArrayList<>();
        java.util.List<Long> elsewhere = new java.util.ArrayList<>();
        for (int i = 0, n = 4 + random.nextInt(8); i < n; i++) {
            int where = random.nextInt(3);
            String name = "Collega " + nl.meedenken.TestPeople.uniqueNumber();
            Long team = where == 0 ? Long.valueOf(teamHere) : null;
            Long site = where == 1 ? Long.valueOf(here) : where == 2 ? Long.valueOf(there) : null;
            long person = people.register(new nl.meedenken.organisation.internal.PersonDetails(
                    nl.meedenken.TestPeople.uniqueNumber(), name, nl.meedenken.platform.Language.NL, null, null, team,
                    site, java.util.Set.of(nl.meedenken.platform.Role.WAREHOUSE)), "test").value();
            (where == 2 ? elsewhere : atSite).add(person);
        }
        long poster = nl.meedenken.TestPeople.member(people, teamHere, "Melder " + nl.meedenken.TestPeople.uniqueNumber(),
                nl.meedenken.platform.Role.WAREHOUSE);
        long problem = board.post(new ChallengeBoard.Post(Challenge.Kind.SHOP_FLOOR, "Te weinig karren", "Wat speelt er",
                "Wat doen we eraan?", LocalDate.now().plusDays(10), List.of()), poster, false);
        String link = "/challenges/" + problem;
        for (long person : atSite) {
            assertThat(nl.meedenken.TestNotices.told(jdbc, person, "challenges.notify.posted", link)).isEqualTo(1);
        }
        for (long person : elsewhere) {
            assertThat(nl.meedenken.TestNotices.told(jdbc, person, "challenges.notify.posted", link)).isZero();
        }
        assertThat(nl.meedenken.TestNotices.told(jdbc, poster, "challenges.notify.posted", link)).isZero();
        assertThat(nl.meedenken.TestNotices.told(jdbc, id("driver"), "challenges.notify.posted", link))
                .as("a demo persona at another site").isZero();
    }
}
