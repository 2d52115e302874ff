package nl.meedenken.transport;

import nl.meedenken.TestLogins;
import nl.meedenken.TestPeople;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.SiteSummary;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.platform.Role;
import nl.meedenken.transport.internal.Customers;
import nl.meedenken.transport.internal.Fleet;
import nl.meedenken.transport.internal.Orders;
import nl.meedenken.transport.internal.Steering;
import nl.meedenken.transport.internal.Stop;
import nl.meedenken.transport.internal.Trips;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: 50 drivers, each with a 40-stop trip, load their trip page and the impact of a
 * changed order of stops at the same time, through the whole server (security, sessions,
 * database, templates), driven by wrk from outside the JVM. Prints p50, p95 and p99 per
 * page. Needs wrk (apt-get install -y wrk). Run as described in docs/benchmarks.md.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"meedenken.demo=false",
        "meedenken.embedded.database=benchmark", "meedenken.setup.admin-login=benchmark-admin",
        "meedenken.setup.admin-password=benchmark-password-1", "meedenken.setup.admin-name=Benchmark"})
class DriverTripBenchmark {

    static final int DRIVERS = 50;
    static final int STOPS = 40;
    static final String SECONDS = System.getProperty("benchmark.seconds", "30");

    @LocalServerPort
    int port;
    @Autowired
    People people;
    @Autowired
    Accounts accounts;
    @Autowired
    UserDetailsService users;
    @Autowired
    Customers customers;
    @Autowired
    Fleet fleet;
    @Autowired
    Orders orders;
    @Autowired
    Trips trips;
    @Autowired
    nl.meedenken.organisation.internal.Sites sites;

    record Session(String cookie, String csrf, String reorderBody) {
    }

    @Test
    void fiftyDriversWithFortyStops() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/wrk")), "wrk is not installed");
        SiteSummary site = people.sites().stream().findFirst().orElseGet(() -> null);
        long siteId = site != null ? site.id().value() : createSite();
        fleet.configure(siteId, Steering.DECENTRAL, 52.09, 5.12, "benchmark");
        long customer = customers.create("Benchmark " + TestPeople.uniqueNumber());
        Random random = new Random(40);
        List<Long> addresses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            addresses.add(customers.addAddress(customer, new Customers.NewAddress("Adres " + i, "Straat " + i, "1234 AB",
                    "Plaats", "NL", 51.8 + random.nextDouble() * 0.5, 4.3 + random.nextDouble() * 1.2, LocalTime.of(6, 0),
                    LocalTime.of(20, 0), null)));
        }
        List<Session> sessions = new ArrayList<>();
        for (int d = 0; d < DRIVERS; d++) {
            String login = TestPeople.withAccount(people, accounts, "benchmark-password-1", Role.DRIVER);
            long driver = TestLogins.personId(users, login);
            long vehicle = fleet.addVehicle("B-" + TestPeople.uniqueNumber(), siteId, 60, 60000);
            List<Long> ids = new ArrayList<>();
            for (int s = 0; s < STOPS; s++) {
                LocalTime from = LocalTime.of(6 + random.nextInt(8), 0);
                ids.add(orders.create(new Orders.OrderForm("B-" + TestPeople.uniqueNumber(),
                        addresses.get(random.nextInt(addresses.size())), trips.today(), from, from.plusHours(3), 1, 2, 100,
                        BigDecimal.ONE, null), "benchmark"));
            }
            long trip = trips.create(new Trips.TripForm(trips.today(), vehicle, driver, LocalTime.of(6, 0), ids), "benchmark");
            List<Long> stops = trips.stops(trip).stream().map(Stop::id).toList();
            String order = String.join(",", stops.stream().map(String::valueOf).toList());
            sessions.add(signIn(login, "order=" + URLEncoder.encode(order, StandardCharsets.UTF_8) + "&move="
                    + URLEncoder.encode("down:" + stops.get(3), StandardCharsets.UTF_8)));
        }
        System.out.println("== " + DRIVERS + " drivers, " + STOPS + " stops each, " + SECONDS + " s per page, 50 connections");
        jdk.jfr.Recording recording = System.getProperty("benchmark.profile") == null ? null
                : new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        if (recording != null) {
            recording.start();
        }
        System.out.println("paced, every driver one request a second:");
        System.out.println("  trip page (GET /driver): " + wrk(sessions, "GET", "/driver", 1000));
        System.out.println("  impact of a changed order (POST /driver/order): " + wrk(sessions, "POST", "/driver/order", 1000));
        System.out.println("saturated, 50 requests always in flight:");
        System.out.println("  trip page (GET /driver): " + wrk(sessions, "GET", "/driver", 0));
        if (recording != null) {
            recording.dump(Path.of(System.getProperty("benchmark.profile")));
            recording.close();
        }
        System.out.println("  impact of a changed order (POST /driver/order): " + wrk(sessions, "POST", "/driver/order", 0));
    }

    private long createSite() {
        return sites.create("Benchmark", "Utrecht");
    }

    private Session signIn(String login, String reorderBody) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String base = "http://localhost:" + port;
        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String csrf = match(page, "name=\"_csrf\" value=\"([^\"]+)\"");
        String form = "username=" + URLEncoder.encode(login, StandardCharsets.UTF_8)
                + "&password=benchmark-password-1&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String driverPage = client.send(HttpRequest.newBuilder(URI.create(base + "/driver")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String token = match(driverPage, "<meta name=\"_csrf\" content=\"([^\"]+)\"");
        String cookie = ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue()).reduce((a, b) -> a + "; " + b).orElseThrow();
        return new Session(cookie, token, reorderBody);
    }

    private static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not found: " + regex);
        }
        return m.group(1);
    }

    /** Runs wrk with 50 connections; {@code pause} milliseconds between one connection's requests (0: none). */
    private String wrk(List<Session> sessions, String method, String path, int pause) throws Exception {
        StringBuilder lua = new StringBuilder("local sessions = {\n");
        for (Session s : sessions) {
            lua.append("  {cookie=\"").append(s.cookie()).append("\", csrf=\"").append(s.csrf()).append("\", body=\"")
                    .append(s.reorderBody()).append("\"},\n");
        }
        lua.append("}\nlocal i = 0\nrequest = function()\n  i = (i % #sessions) + 1\n  local s = sessions[i]\n");
        if (method.equals("GET")) {
            lua.append("  return wrk.format(\"GET\", \"").append(path).append("\", {[\"Cookie\"]=s.cookie})\n");
        } else {
            lua.append("  return wrk.format(\"POST\", \"").append(path).append("\", {[\"Cookie\"]=s.cookie, ")
                    .append("[\"X-CSRF-TOKEN\"]=s.csrf, [\"Content-Type\"]=\"application/x-www-form-urlencoded\"}, s.body)\n");
        }
        lua.append("end\n");
        if (pause > 0) {
            lua.append("delay = function()\n  return math.random(0, ").append(2 * pause).append(")\nend\n");
        }
        lua.append("""
                done = function(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format("RESULT p50=%.1f ms p95=%.1f ms p99=%.1f ms, %d requests, %.0f/s, %d errors\\n",
                    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
                    summary.requests, summary.requests / (summary.duration / 1000000),
                    e.connect + e.read + e.write + e.status + e.timeout))
                end
                """);
        Path script = Files.createTempFile("wrk", ".lua");
        Files.writeString(script, lua);
        // a warm-up first, so the JIT has compiled the hot code and the template expressions
        run(script, path, "10");
        String out = run(script, path, SECONDS);
        return out.lines().filter(l -> l.startsWith("RESULT")).findFirst().orElse(out).substring(7);
    }

    private String run(Path script, String path, String seconds) throws Exception {
        Process process = new ProcessBuilder("/usr/bin/wrk", "-t2", "-c50", "-d" + seconds + "s", "--timeout", "10s",
                "-s", script.toString(), "http://localhost:" + port + path).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }
}
