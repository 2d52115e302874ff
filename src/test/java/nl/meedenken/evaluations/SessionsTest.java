package nl.meedenken.evaluations;

import nl.meedenken.TestLogins;
import nl.meedenken.TestPeople;
import nl.meedenken.actions.ActionId;
import nl.meedenken.actions.ActionStatus;
import nl.meedenken.actions.ActionSummary;
import nl.meedenken.actions.Actions;
import nl.meedenken.actions.Origin;
import nl.meedenken.evaluations.internal.Board;
import nl.meedenken.evaluations.internal.CardKind;
import nl.meedenken.evaluations.internal.InvalidEvaluation;
import nl.meedenken.evaluations.internal.Session;
import nl.meedenken.evaluations.internal.Sessions;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.TeamId;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.organisation.internal.Teams;
import nl.meedenken.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class SessionsTest {

    @Autowired
    Sessions sessions;
    @Autowired
    Actions actions;
    @Autowired
    People people;
    @Autowired
    Teams teams;
    @Autowired
    Accounts accounts;
    @Autowired
    UserDetailsService users;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Evaluations evaluations;

    @Autowired
    java.util.List<com.github.kagkarlsson.scheduler.task.helper.RecurringTask<?>> jobs;

    /** Runs a recurring job by hand, as db-scheduler would on one node (jobs are off in the tests). */
    private void runJob(String name) {
        runOnce(jobs.stream().filter(t -> t.getName().equals(name)).findFirst().orElseThrow());
    }

    private static <T> void runOnce(com.github.kagkarlsson.scheduler.task.helper.RecurringTask<T> job) {
        job.execute(job.instance(com.github.kagkarlsson.scheduler.task.helper.RecurringTask.INSTANCE), null);
    }

    /** A team with a lead and two members, and its first session, running. */
    record Team(long id, long lead, long anna, long bert, long session) {
    }

    private Team runningTeam(boolean anonymousCards) {
        long team = TestPeople.team(teams);
        long lead = TestPeople.member(people, team, "Leider " + TestPeople.uniqueNumber(), Role.TEAM_LEAD);
        long anna = TestPeople.member(people, team, "Anna " + TestPeople.uniqueNumber(), Role.DRIVER);
        long bert = TestPeople.member(people, team, "Bert " + TestPeople.uniqueNumber(), Role.DRIVER);
        long session = sessions.schedule(new Sessions.Plan(team, "Terugblik", 4, sessions.today(), lead,
                anonymousCards), "tester");
        sessions.start(session);
        return new Team(team, lead, anna, bert, session);
    }

    @Test
    void everyoneHasThreeVotesAndCanTakeOneBack() {
        Team t = runningTeam(false);
        List<Long> cards = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cards.add(sessions.addCard(t.session(), CardKind.BETTER, "Kaartje " + i, t.anna(), false));
        }
        sessions.vote(t.session(), cards.get(0), t.anna());
        sessions.vote(t.session(), cards.get(1), t.anna());
        sessions.vote(t.session(), cards.get(2), t.anna());
        assertThatThrownBy(() -> sessions.vote(t.session(), cards.get(3), t.anna()))
                .isInstanceOf(InvalidEvaluation.class).hasMessageContaining("evaluations.error.noVotesLeft");
        assertThat(sessions.board(t.session(), t.anna()).votesLeft()).isZero();

        assertThat(sessions.vote(t.session(), cards.get(0), t.anna())).as("a second click takes the vote back").isFalse();
        assertThat(sessions.vote(t.session(), cards.get(3), t.anna())).isTrue();
        Board board = sessions.board(t.session(), t.bert());
        assertThat(board.votesLeft()).isEqualTo(3);
        assertThat(board.columns().get(CardKind.BETTER)).extracting(Board.Group::votes).containsOnly(1, 0);
    }

    @Test
    void doubleClicksFromManyDevicesNeverGiveMoreThanThreeVotes() throws Exception {
        Team t = runningTeam(false);
        List<Long> cards = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            cards.add(sessions.addCard(t.session(), CardKind.IDEA, "Idee " + i, t.bert(), false));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Object>> votes = cards.stream().<Callable<Object>>map(card -> () -> {
                try {
                    return sessions.vote(t.session(), card, t.anna());
                } catch (InvalidEvaluation full) {
                    return full;
                }
            }).toList();
            for (Future<Object> f : pool.invokeAll(votes)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        int stored = jdbc.sql("select count(*) from evaluation_vote where session_id = :s and person_id = :p")
                .param("s", t.session()).param("p", t.anna()).query(Integer.class).single();
        assertThat(stored).isEqualTo(3);
    }

    @Test
    void anAnonymousCardKeepsNoAuthorAndIsRefusedWhereTheSessionDoesNotAllowIt() {
        Team open = runningTeam(true);
        long card = sessions.addCard(open.session(), CardKind.BETTER, "De planning komt te laat", open.anna(), true);
        Long author = jdbc.sql("select author_id from evaluation_card where id = :id").param("id", card)
                .query(Long.class).optional().orElse(null);
        assertThat(author).isNull();
        assertThat(sessions.board(open.session(), open.lead()).columns().get(CardKind.BETTER).get(0).head().authorName())
                .isNull();

        Team named = runningTeam(false);
        assertThatThrownBy(() -> sessions.addCard(named.session(), CardKind.WELL, "Fijne sfeer", named.anna(), true))
                .hasMessageContaining("evaluations.error.noAnonymous");
        assertThatThrownBy(() -> sessions.addCard(named.session(), CardKind.WELL, "   ", named.anna(), false))
                .hasMessageContaining("evaluations.error.cardEmpty");
    }

    @Test
    void groupingPutsVotesTogetherAndGivesDoubleVotesBack() {
        Team t = runningTeam(false);
        long wait = sessions.addCard(t.session(), CardKind.BETTER, "Lang wachten bij het DC", t.anna(), false);
        long sameWait = sessions.addCard(t.session(), CardKind.BETTER, "Twee uur wachten in Nieuwegein", t.bert(), false);
        sessions.vote(t.session(), wait, t.anna());
        sessions.vote(t.session(), sameWait, t.anna());
        sessions.vote(t.session(), sameWait, t.bert());

        sessions.group(t.session(), sameWait, wait);

        Board board = sessions.board(t.session(), t.anna());
        assertThat(board.columns().get(CardKind.BETTER)).hasSize(1);
        Board.Group group = board.columns().get(CardKind.BETTER).get(0);
        assertThat(group.head().id()).isEqualTo(wait);
        assertThat(group.members()).extracting(c -> c.id()).containsExactly(sameWait);
        assertThat(group.votes()).as("Anna keeps one vote, Bert's moves along").isEqualTo(2);
        assertThat(board.votesLeft()).as("Anna got her double vote back").isEqualTo(2);
        assertThatThrownBy(() -> sessions.group(t.session(), wait, sameWait)).hasMessageContaining("groupSelf");

        long idea = sessions.addCard(t.session(), CardKind.IDEA, "Vaste laadtijden afspreken", t.bert(), false);
        sessions.group(t.session(), idea, wait);
        sessions.ungroup(t.session(), idea);
        assertThat(sessions.board(t.session(), t.anna()).columns().get(CardKind.IDEA))
                .as("a card taken out of a group goes back to its own column")
                .extracting(g -> g.head().id()).containsExactly(idea);
    }

    @Test
    void theTopCardBecomesAnActionOfTheTeamThatTheNextSessionReviewsFirst() {
        Team t = runningTeam(false);
        long card = sessions.addCard(t.session(), CardKind.IDEA, "Een welkomstmap voor nieuwe collega's", t.anna(), false);
        ActionId action = sessions.makeAction(t.session(), card, "Welkomstmap maken", null, t.bert(),
                sessions.today().plusWeeks(3), "tester");
        ActionSummary made = actions.find(action).orElseThrow();
        assertThat(made.origin().type()).isEqualTo(Origin.Type.EVALUATION);
        assertThat(made.origin().id()).isEqualTo(t.session());
        assertThat(made.teamId()).isEqualTo(t.id());
        assertThatThrownBy(() -> sessions.makeAction(t.session(), card, "Nog eens", null, t.bert(),
                sessions.today().plusWeeks(3), "tester")).hasMessageContaining("evaluations.error.hasAction");

        long next = sessions.close(t.session(), "Goede sessie").orElseThrow();
        Session planned = sessions.find(next).orElseThrow();
        assertThat(planned.state()).isEqualTo(Session.State.PLANNED);
        assertThat(planned.plannedOn()).isEqualTo(sessions.today().plusWeeks(4));
        assertThatThrownBy(() -> sessions.addCard(t.session(), CardKind.WELL, "Te laat", t.anna(), false))
                .hasMessageContaining("evaluations.error.notRunning");

        sessions.start(next);
        assertThat(sessions.reviewed(next)).extracting(r -> r.title()).containsExactly("Welkomstmap maken");
        assertThat(evaluations.heldSince(new TeamId(t.id()), sessions.today())).isEqualTo(1);
    }

    @Test
    void theBoardAnswersNothingNewUntilSomethingChanges() throws Exception {
        long team = TestPeople.team(teams);
        String anna = TestPeople.loginInTeam(people, accounts, team, Role.DRIVER);
        String lead = TestPeople.loginInTeam(people, accounts, team, Role.TEAM_LEAD);
        long leadId = idOf(lead);
        long session = sessions.schedule(new Sessions.Plan(team, "Live", 2, sessions.today(), leadId, true), "tester");
        mvc.perform(post("/evaluations/sessions/{id}/start", session).with(csrf()).with(TestLogins.as(users, "driver")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/evaluations/sessions/{id}/start", session).with(csrf()).with(TestLogins.as(users, lead)))
                .andExpect(status().is3xxRedirection());
        long version = sessions.version(session);

        mvc.perform(get("/evaluations/sessions/{id}/board", session).param("version", Long.toString(version))
                .with(TestLogins.as(users, anna))).andExpect(status().isNoContent());
        mvc.perform(post("/evaluations/sessions/{id}/cards", session).header("HX-Request", "true").with(csrf())
                        .param("kind", "WELL").param("text", "Goede sfeer in de ploeg")
                        .with(TestLogins.as(users, anna)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Goede sfeer in de ploeg")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/evaluations/sessions/{id}/board", session).param("version", Long.toString(version))
                        .with(TestLogins.as(users, lead)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Goede sfeer in de ploeg")));
        // someone from another team cannot watch
        mvc.perform(get("/evaluations/sessions/{id}/board", session).with(TestLogins.as(users, "warehouse")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theHistoryExportsCardsVotesAndActionsWithoutAuthors() throws Exception {
        long team = TestPeople.team(teams);
        String lead = TestPeople.loginInTeam(people, accounts, team, Role.TEAM_LEAD);
        long leadId = idOf(lead);
        String leadName = people.find(new nl.meedenken.organisation.PersonId(leadId)).orElseThrow().name();
        long session = sessions.schedule(new Sessions.Plan(team, "Export", 2, sessions.today(), leadId, false), "tester");
        sessions.start(session);
        long card = sessions.addCard(session, CardKind.BETTER, "=SOM(A1) staat op de laadlijst", leadId, false);
        sessions.vote(session, card, leadId);
        sessions.makeAction(session, card, "Laadlijst nalopen", null, leadId, sessions.today().plusDays(7), "tester");
        sessions.close(session, null);

        String csv = mvc.perform(get("/evaluations/teams/{id}/history.csv", team).with(TestLogins.as(users, lead)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("\"Kan beter\"", "\"'=SOM(A1) staat op de laadlijst\"", "\"1\"",
                "\"Laadlijst nalopen\"", "\"Nog te doen\"");
        assertThat(csv.lines().skip(1).map(l -> l.replace(";\"" + leadName + "\";\"Nog te doen\"", ""))
                .anyMatch(l -> l.contains(leadName))).as("authors are not exported").isFalse();
        mvc.perform(get("/evaluations/teams/{id}/history.csv", team).with(TestLogins.as(users, "driver")))
                .andExpect(status().isForbidden());
        assertThat(actions.find(actions.from(Origin.Type.EVALUATION, session).get(0).id()).orElseThrow().status())
                .isEqualTo(ActionStatus.OPEN);
    }

    @Test
    void anActionGoesToSomeoneFromTheTeamAndTheNextSessionGetsAnActiveLead() {
        Team t = runningTeam(false);
        long card = sessions.addCard(t.session(), CardKind.IDEA, "Een vaste dockmedewerker", t.anna(), false);
        long outsider = TestPeople.member(people, TestPeople.team(teams), "Buiten " + TestPeople.uniqueNumber());
        assertThatThrownBy(() -> sessions.makeAction(t.session(), card, "Proberen", null, outsider,
                sessions.today().plusDays(7), "tester")).hasMessageContaining("evaluations.error.ownerNotInTeam");

        people.deactivate(t.lead(), "tester");
        long next = sessions.close(t.session(), null).orElseThrow();
        long facilitator = sessions.find(next).orElseThrow().facilitatorId();
        assertThat(facilitator).as("not the lead who left").isNotEqualTo(t.lead()).isIn(t.anna(), t.bert());
    }

    @Test
    void whoeverLeadsMarksReviewedActionsDoneAndARefusedCardKeepsItsText() throws Exception {
        long team = TestPeople.team(teams);
        String facilitator = TestPeople.loginInTeam(people, accounts, team, Role.DRIVER);
        long facilitatorId = idOf(facilitator);
        long owner = TestPeople.member(people, team, "Eigenaar " + TestPeople.uniqueNumber(), Role.DRIVER);
        long first = sessions.schedule(new Sessions.Plan(team, "Review", 2, sessions.today(), facilitatorId, false), "t");
        sessions.start(first);
        long card = sessions.addCard(first, CardKind.BETTER, "Kapotte lamp", owner, false);
        ActionId action = sessions.makeAction(first, card, "Lamp vervangen", null, owner, sessions.today().plusDays(3), "t");
        long second = sessions.close(first, null).orElseThrow();
        sessions.start(second);

        mvc.perform(post("/evaluations/sessions/{id}/review/{a}/done", second, action.value()).with(csrf())
                .with(TestLogins.as(users, facilitator))).andExpect(status().is3xxRedirection());
        assertThat(actions.find(action).orElseThrow().status()).isEqualTo(ActionStatus.DONE);

        mvc.perform(post("/evaluations/sessions/{id}/cards", second).header("HX-Request", "true").with(csrf())
                        .param("kind", "WELL").param("text", "x".repeat(501)).with(TestLogins.as(users, facilitator)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("X-Refused", "true"))
                .andExpect(content().string(containsString("500")));
        mvc.perform(post("/evaluations/sessions/{id}/cards", second).header("HX-Request", "true").with(csrf())
                        .param("kind", "WELL").param("text", "regel een\r\n".repeat(45).trim())
                        .with(TestLogins.as(users, facilitator)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .doesNotExist("X-Refused"));
    }

    @Test
    void planningRefusesWhatCannotBePlanned() {
        long team = TestPeople.team(teams);
        long lead = TestPeople.member(people, team, "Leider " + TestPeople.uniqueNumber(), Role.TEAM_LEAD);
        assertThatThrownBy(() -> sessions.schedule(new Sessions.Plan(team, "X", 0, sessions.today(), lead, false), "t"))
                .hasMessageContaining("evaluations.error.everyWeeks");
        assertThatThrownBy(() -> sessions.schedule(new Sessions.Plan(team, "X", 4, sessions.today().minusDays(1), lead,
                false), "t")).hasMessageContaining("evaluations.error.firstInPast");
        assertThatThrownBy(() -> sessions.schedule(new Sessions.Plan(team, " ", 4, sessions.today(), lead, false), "t"))
                .hasMessageContaining("validation.required");
        assertThatThrownBy(() -> sessions.schedule(new Sessions.Plan(-1L, "X", 4, sessions.today(), lead, false), "t"))
                .hasMessageContaining("evaluations.error.teamUnknown");
    }

    @Test
    void theDemoHasTwoTeamsWithHistoryAndAPlannedSessionToday() {
        List<String> names = people.teams().stream()
                .filter(t -> !sessions.ofTeam(t.id().value()).isEmpty()).map(t -> t.name()).toList();
        assertThat(names).contains("Chauffeurs Zwolle", "Magazijn Zwolle");
        long drivers = people.teams().stream().filter(t -> t.name().equals("Chauffeurs Zwolle")).findFirst()
                .orElseThrow().id().value();
        List<Session> history = sessions.ofTeam(drivers);
        assertThat(history.stream().filter(s -> s.state() == Session.State.CLOSED)).hasSizeGreaterThanOrEqualTo(4);
        assertThat(actions.from(Origin.Type.EVALUATION, history.get(history.size() - 1).id())).isNotEmpty();
    }

    private long idOf(String login) {
        return TestLogins.personId(users, login);
    }

    // ---- what reaches whom

    @Test
    void theTeamIsToldOnceOnTheDayOfItsEvaluationAndWhenTheLeadStartsOneNow() {
        java.util.Random random = new java.util.Random();
        long team = TestPeople.team(teams);
        long other = TestPeople.team(teams);
        long lead = TestPeople.member(people, team, "Leider " + TestPeople.uniqueNumber(), Role.TEAM_LEAD);
        List<Long> members = new ArrayList<>();
        for (int i = 0, n = 2 + random.nextInt(6); i < n; i++) {
            members.add(TestPeople.member(people, team, "Lid " + TestPeople.uniqueNumber(), Role.DRIVER));
        }
        long outsider = TestPeople.member(people, other, "Ander " + TestPeople.uniqueNumber(), Role.DRIVER);

        long today = sessions.schedule(new Sessions.Plan(team, "Vandaag", 4, sessions.today(), lead, false), "tester");
        long later = sessions.schedule(new Sessions.Plan(team, "Later", 4, sessions.today().plusDays(3), lead, false),
                "tester");
        sessions.tellToday();
        runJob("evaluations-today");
        // the lead starts today's session: told in the morning already, so nobody is told again
        nl.meedenken.TestNotices.run(lead, () -> sessions.start(today));
        String link = "/evaluations/sessions/" + today;
        for (long member : members) {
            assertThat(nl.meedenken.TestNotices.told(jdbc, member, "evaluations.notify.today", link)).isEqualTo(1);
            assertThat(nl.meedenken.TestNotices.told(jdbc, member, "evaluations.notify.today",
                    "/evaluations/sessions/" + later)).as("not today").isZero();
        }
        assertThat(nl.meedenken.TestNotices.told(jdbc, outsider, "evaluations.notify.today", link)).isZero();

        // started now although planned later: the team hears it now, the lead who started it does not
        nl.meedenken.TestNotices.run(lead, () -> sessions.start(later));
        sessions.tellToday();
        for (long member : members) {
            assertThat(nl.meedenken.TestNotices.told(jdbc, member, "evaluations.notify.today",
                    "/evaluations/sessions/" + later)).isEqualTo(1);
        }
        assertThat(nl.meedenken.TestNotices.told(jdbc, lead, "evaluations.notify.today", "/evaluations/sessions/" + later))
                .isZero();
        assertThat(nl.meedenken.TestNotices.told(jdbc, lead, "evaluations.notify.today", link))
                .as("the morning job tells the lead too: nobody started it then").isEqualTo(1);
    }
}
