package nl.meedenken.scan.internal;

import nl.meedenken.TestPeople;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.internal.Teams;
import nl.meedenken.scan.RoleGroup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: N people (200, then 1,000) press "send" on the scan at the same moment, over
 * HTTP against this machine's own server (localhost only). Each has a paper code and a
 * filled-in sheet prepared beforehand; only the sending is timed. Prints successes, 5xx,
 * "busy" answers and latencies. Run as described in docs/benchmarks.md. Asserts nothing about time.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"meedenken.demo=true", "meedenken.embedded.database=burst",
                "spring.datasource.hikari.maximum-pool-size=20"})
class ScanBurstBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    Campaigns campaigns;
    @Autowired
    ParticipationCodes codes;
    @Autowired
    Answering answering;
    @Autowired
    Questions questions;
    @Autowired
    People people;
    @Autowired
    Teams teams;

    private record Sender(HttpClient client, String csrf) {
    }

    private record Outcome(int status, long nanos) {
    }

    @Test
    void peopleSendingTheScanAtTheSameMoment() throws Exception {
        for (String size : System.getProperty("benchmark.burst", "200,1000").split(",")) {
            burst(Integer.parseInt(size.strip()));
        }
    }

    private void burst(int n) throws Exception {
        // n people without an account in a team of their own: the campaign may give each a paper code
        long team = TestPeople.team(teams);
        for (int i = 0; i < n; i++) {
            TestPeople.member(people, team, "Piek " + i);
        }
        long id = campaigns.create(new Campaigns.Draft("Piek " + n + " " + System.nanoTime(), LocalDate.now(),
                LocalDate.now().plusDays(14), 5, List.of(), List.of(team)), "benchmark");
        campaigns.open(id, "benchmark");
        Campaign campaign = campaigns.find(id).orElseThrow();
        List<String> items = questions.itemCodes(campaign);
        List<ParticipationCodes.Slip> slips = new ArrayList<>();
        for (int left = n; left > 0; left -= ParticipationCodes.MAX_PER_BATCH) {
            slips.addAll(codes.issue(id, Math.min(left, ParticipationCodes.MAX_PER_BATCH),
                    "http://localhost:" + port + "/scan/answer"));
        }
        List<Sender> senders = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // each person types their code on the code page, as on a phone; the draft it starts is
            // bound to that browser session. The answers themselves are filled in directly.
            CookieManager cookies = new CookieManager();
            HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            String codePage = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/scan/answer"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher codeCsrf = CSRF.matcher(codePage);
            if (!codeCsrf.find()) {
                throw new IllegalStateException("no form token on the code page");
            }
            client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/scan/answer"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + codeCsrf.group(1) + "&code=" + slips.get(i).code()))
                    .build(), HttpResponse.BodyHandlers.discarding());
            String token = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("meedenken-scan")).map(HttpCookie::getValue).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the code did not start a sheet"));
            answering.profile(token, null, RoleGroup.values()[i % 3], List.of());
            Map<String, Integer> answers = new HashMap<>();
            for (int j = 0; j < items.size(); j++) {
                answers.put(items.get(j), 1 + (i + j) % 5);
            }
            answering.answer(token, items, answers);
            String page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/scan/answer/open"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = CSRF.matcher(page);
            if (!csrf.find()) {
                throw new IllegalStateException("no form token on the last page of the scan");
            }
            senders.add(new Sender(client, csrf.group(1)));
        }

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (Sender sender : senders) {
            futures.add(pool.submit(() -> {
                go.await();
                long start = System.nanoTime();
                HttpResponse<String> response = sender.client().send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/scan/answer/submit"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + sender.csrf() + "&o_works_well=prima"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                return new Outcome(response.statusCode(), System.nanoTime() - start);
            }));
        }
        long started = System.nanoTime();
        go.countDown();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> future : futures) {
            outcomes.add(future.get());
        }
        long wall = System.nanoTime() - started;
        pool.shutdown();

        long sent = outcomes.stream().filter(o -> o.status() == 302).count();
        long busy = outcomes.stream().filter(o -> o.status() == 503).count();
        long errors = outcomes.stream().filter(o -> o.status() >= 500 && o.status() != 503).count();
        List<Long> times = new ArrayList<>(outcomes.stream().map(Outcome::nanos).toList());
        Collections.sort(times);
        System.out.printf("%nBENCHMARK scan burst: %,d people press send at once%n", n);
        System.out.printf("  sent (302 to the thank-you page): %,d; busy page (503, answers kept): %,d; other 5xx: %,d%n",
                sent, busy, errors);
        System.out.printf("  latency: median %,d ms, p95 %,d ms, max %,d ms; all done in %,d ms%n",
                times.get(times.size() / 2) / 1_000_000, times.get((int) Math.ceil(times.size() * 0.95) - 1) / 1_000_000,
                times.get(times.size() - 1) / 1_000_000, wall / 1_000_000);
        System.out.printf("  sheets stored for the campaign: %,d%n%n", campaigns.responses(id));
    }
}
