package nl.meedenken.evaluations;

import nl.meedenken.TestLogins;
import nl.meedenken.TestPeople;
import nl.meedenken.evaluations.internal.CardKind;
import nl.meedenken.evaluations.internal.Sessions;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.organisation.internal.Teams;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Not a test: prints what the live evaluation board costs the server. Every participant's
 * page asks once a second whether the board changed; this measures that question (answered
 * with 204 when nothing changed) and the full board that is sent when something did, for a
 * session of 30 people with 60 cards. Run as described in docs/benchmarks.md.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"meedenken.demo=false", "meedenken.embedded.database=benchmark",
        "meedenken.setup.admin-login=benchmark-admin", "meedenken.setup.admin-password=benchmark-password-1",
        "meedenken.setup.admin-name=Benchmark"})
@AutoConfigureMockMvc
class EvaluationBoardBenchmark {

    @Autowired
    Sessions sessions;
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

    @Test
    void pollingAndTheFullBoard() throws Exception {
        long team = TestPeople.team(teams);
        List<String> logins = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            logins.add(TestPeople.loginInTeam(people, accounts, team, i == 0 ? Role.TEAM_LEAD : Role.DRIVER));
        }
        long lead = ((SignedInUser) users.loadUserByUsername(logins.get(0))).personId();
        long session = sessions.schedule(new Sessions.Plan(team, "Benchmark", 4, sessions.today(), lead, true), "b");
        sessions.start(session);
        List<Long> cards = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            cards.add(sessions.addCard(session, CardKind.values()[i % 3], "Kaartje nummer " + i
                    + " met een zin over wat beter kan op de werkvloer", lead, i % 2 == 0));
        }
        for (int p = 0; p < 30; p++) {
            long person = ((SignedInUser) users.loadUserByUsername(logins.get(p))).personId();
            for (int v = 0; v < 3; v++) {
                sessions.vote(session, cards.get((p * 7 + v * 13) % 60), person);
            }
        }
        long version = sessions.version(session);
        RequestPostProcessor as = TestLogins.as(users, logins.get(5));

        String board = mvc.perform(get("/evaluations/sessions/{id}/board", session).param("version", "0").with(as))
                .andReturn().getResponse().getContentAsString();
        if (!board.contains("Kaartje nummer 59") || board.length() < 20_000) {
            throw new IllegalStateException("the full board was not rendered: " + board.length() + " characters, status "
                    + mvc.perform(get("/evaluations/sessions/{id}/board", session).param("version", "0").with(as))
                    .andReturn().getResponse().getStatus());
        }
        System.out.printf("full board: %d characters%n", board.length());
        int unchanged = 5000;
        time("warm-up", 500, () -> mvc.perform(get("/evaluations/sessions/{id}/board", session)
                .param("version", Long.toString(version)).with(as)));
        long poll = time("poll, nothing changed (204)", unchanged, () -> mvc.perform(
                get("/evaluations/sessions/{id}/board", session).param("version", Long.toString(version)).with(as)));
        long full = time("full board (200, 60 cards, 90 votes)", Integer.getInteger("benchmark.fullRuns", 500), () -> mvc.perform(
                get("/evaluations/sessions/{id}/board", session).param("version", "0").with(as))
                .andReturn().getResponse().getContentAsString());

        long viewer = ((SignedInUser) users.loadUserByUsername(logins.get(5))).personId();
        time("the board's data only (no page)", 500, () -> sessions.board(session, viewer));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < 2500; i++) {
                    mvc.perform(get("/evaluations/sessions/{id}/board", session)
                            .param("version", Long.toString(version)).with(as));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf("%n== Evaluation board: poll %.2f ms, full board %.2f ms, 4 threads: %.0f polls/s%n%n",
                poll / 1e6, full / 1e6, 10_000 / seconds);
    }

    interface Work {
        Object run() throws Exception;
    }

    /** Runs the work n times and returns the median time of one run in nanoseconds. */
    private static long time(String label, int n, Work work) throws Exception {
        long[] runs = new long[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            work.run();
            runs[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(runs);
        System.out.printf("%s: median %.2f ms, p95 %.2f ms%n", label, runs[n / 2] / 1e6, runs[(int) (n * 0.95)] / 1e6);
        return runs[n / 2];
    }
}
