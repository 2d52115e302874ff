package nl.meedenken.scan.internal;

import nl.meedenken.organisation.internal.Teams;
import nl.meedenken.scan.RoleGroup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Not a test: prints how long the full results of a campaign take to compute for N answer
 * sheets (default 100,000) of the 48-statement questionnaire over 12 departments. Run as
 * described in docs/benchmarks.md. Asserts nothing about time.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"meedenken.demo=true", "meedenken.embedded.database=benchmark"})
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class ScanResultsBenchmark {

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    @Autowired
    Campaigns campaigns;
    @Autowired
    Results results;
    @Autowired
    TallyRebuild rebuild;
    @Autowired
    Questions questions;
    @Autowired
    Teams teams;
    @Autowired
    JdbcClient jdbc;

    @Test
    void fullResultsComputation() throws Exception {
        int n = Integer.getInteger("benchmark.responses", 100_000);
        List<Long> teamIds = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            teamIds.add(teams.create("Afdeling " + i + " " + System.nanoTime(), null));
        }
        long id = campaigns.create(new Campaigns.Draft("Benchmark " + n, LocalDate.now(), LocalDate.now().plusDays(7),
                5, List.of(), List.of()), "benchmark");
        campaigns.open(id, "benchmark");
        Campaign campaign = campaigns.find(id).orElseThrow();
        String[] items = questions.itemCodes(campaign).toArray(String[]::new);
        String[] roles = Arrays.stream(RoleGroup.values()).map(Enum::name).toArray(String[]::new);

        long generate = System.nanoTime();
        jdbc.sql("""
                        insert into scan_response (id, campaign_id, team_id, role_group, language, answers)
                        select gen_random_uuid(), :c, (:teams)[1 + g % 12], (:roles)[1 + (g / 12) % 6], 'nl',
                               (select jsonb_object_agg(code, 1 + floor(random() * 5)::int) from unnest(:items) code
                                where g > 0)
                        from generate_series(1, :n) g
                        """)
                .param("c", id).param("teams", teamIds.toArray(Long[]::new)).param("roles", roles)
                .param("items", items).param("n", n).update();
        long generated = System.nanoTime();
        rebuild.rebuild(id);
        long rebuilt = System.nanoTime();

        List<Long> runs = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            long start = System.nanoTime();
            Results.View view = results.view(campaign, GroupKey.EVERYONE);
            long took = System.nanoTime() - start;
            if (i >= 3) {
                runs.add(took);
            }
            if (view.responses() != n) {
                throw new IllegalStateException("expected " + n + " sheets, saw " + view.responses());
            }
        }
        runs.sort(Long::compare);
        List<Long> filtered = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            results.view(campaign, GroupKey.of(teamIds.get(3), RoleGroup.DRIVER));
            filtered.add(System.nanoTime() - start);
        }
        filtered.sort(Long::compare);

        // closing releases waiting sheets and writes the campaign's sheets once more in a new order;
        // the first read after closing decides and stores what the campaign publishes, later ones read it
        long close = System.nanoTime();
        campaigns.close(id, "benchmark");
        long closed = System.nanoTime();
        Campaign done = campaigns.find(id).orElseThrow();
        long first = System.nanoTime();
        results.view(done, GroupKey.EVERYONE);
        long firstTook = System.nanoTime() - first;
        List<Long> stored = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            long start = System.nanoTime();
            results.view(done, GroupKey.EVERYONE);
            if (i >= 3) {
                stored.add(System.nanoTime() - start);
            }
        }
        stored.sort(Long::compare);

        // the whole page as management asks for it: controller, figures, findings, chart data and template
        List<Long> page = new ArrayList<>();
        int length = 0;
        for (int i = 0; i < 13; i++) {
            long start = System.nanoTime();
            var result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .get("/scan/campaigns/" + id + "/results").with(nl.meedenken.TestLogins.as(users, "manager")))
                    .andReturn();
            if (result.getResponse().getStatus() != 200) {
                throw new IllegalStateException("results page answered " + result.getResponse().getStatus());
            }
            length = result.getResponse().getContentAsString().length();
            if (i >= 3) {
                page.add(System.nanoTime() - start);
            }
        }
        page.sort(Long::compare);

        // the disclosure decision alone on a hard organisation: 40 departments of one kind of work, each
        // with a team lead of one and now and then a few of another kind (many small cells)
        java.util.Random random = new java.util.Random(40);
        java.util.Map<GroupKey.Cell, Integer> cells = new java.util.HashMap<>();
        List<Long> many = new ArrayList<>();
        RoleGroup[] kinds = {RoleGroup.DRIVER, RoleGroup.WAREHOUSE, RoleGroup.OFFICE};
        for (long team = 1; team <= 40; team++) {
            many.add(team);
            cells.put(new GroupKey.Cell(team, kinds[(int) (team % 3)]), 4 + random.nextInt(20));
            cells.put(new GroupKey.Cell(team, RoleGroup.TEAM_LEAD), 1);
            if (random.nextInt(3) == 0) {
                cells.merge(new GroupKey.Cell(team, kinds[random.nextInt(3)]), 1 + random.nextInt(4), Integer::sum);
            }
        }
        cells.put(new GroupKey.Cell(0, RoleGroup.UNDISCLOSED), 3);
        cells.put(new GroupKey.Cell(1, RoleGroup.MANAGEMENT), 3);
        List<Long> decide = new ArrayList<>();
        for (int k : new int[]{5, 5, 5, 5, 10, 10, 10, 10}) {
            long start = System.nanoTime();
            new Anonymity(cells, many, k);
            decide.add(System.nanoTime() - start);
        }

        System.out.printf("%nBENCHMARK scan results: %,d answer sheets x %d statements, 12 departments%n", n,
                items.length);
        System.out.printf("  generate sheets (SQL):          %,8d ms%n", (generated - generate) / 1_000_000);
        System.out.printf("  recount totals from sheets:     %,8d ms%n", (rebuilt - generated) / 1_000_000);
        System.out.printf("  full results, whole company:    median %,d ms, max %,d ms (10 runs after 3 warm-up)%n",
                runs.get(runs.size() / 2) / 1_000_000, runs.get(runs.size() - 1) / 1_000_000);
        System.out.printf("  full results, one department x drivers: median %,d ms%n",
                filtered.get(filtered.size() / 2) / 1_000_000);
        System.out.printf("  close (release, rewrite in a new order): %,d ms%n", (closed - close) / 1_000_000);
        System.out.printf("  first read after closing (decide, store): %,d ms%n", firstTook / 1_000_000);
        System.out.printf("  full results, closed, stored decision: median %,d ms, max %,d ms%n",
                stored.get(stored.size() / 2) / 1_000_000, stored.get(stored.size() - 1) / 1_000_000);
        System.out.printf("  results page over HTTP (MockMvc), management: median %,d ms, max %,d ms, %,d characters%n",
                page.get(page.size() / 2) / 1_000_000, page.get(page.size() - 1) / 1_000_000, length);
        System.out.printf("  disclosure decision alone, 40 small departments: k=5 %,d ms, k=10 %,d ms (last run)%n%n",
                decide.get(3) / 1_000_000, decide.get(7) / 1_000_000);
    }
}
