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
@SpringBootTest(properties = {"meedenken.demo=false", "meedenken.embedded.database=benchmark"})
class ScanResultsBenchmark {

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
    void fullResultsComputation() {
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
        System.out.printf("%nBENCHMARK scan results: %,d answer sheets x %d statements, 12 departments%n", n,
                items.length);
        System.out.printf("  generate sheets (SQL):          %,8d ms%n", (generated - generate) / 1_000_000);
        System.out.printf("  recount totals from sheets:     %,8d ms%n", (rebuilt - generated) / 1_000_000);
        System.out.printf("  full results, whole company:    median %,d ms, max %,d ms (10 runs after 3 warm-up)%n",
                runs.get(runs.size() / 2) / 1_000_000, runs.get(runs.size() - 1) / 1_000_000);
        System.out.printf("  full results, one department x drivers: median %,d ms%n%n",
                filtered.get(filtered.size() / 2) / 1_000_000);
    }
}
