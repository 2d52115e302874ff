package nl.meedenken.platform.database;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Not a test: the application is killed with {@code kill -9} while people submit ideas, and started once more.
 * Prints how long that one start took to be healthy and how many acknowledged ideas (a redirect to the stored idea)
 * are missing afterwards; then stops its database under it and prints how long health takes to say DOWN and how
 * fast pages answer meanwhile. The application runs as a separate process with its own embedded PostgreSQL
 * (durable settings, fsync on) in a temporary folder. Run as described in docs/benchmarks.md.
 */
@Tag("benchmark")
class CrashRestartBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern IDEA = Pattern.compile("/ideas/(\\d+)$");

    private final int port = freePort();
    private final Path folder = temporaryFolder();
    private int starts;

    @Test
    void killedUnderLoadThenStartedOnce() throws Exception {
        int writers = Integer.getInteger("benchmark.writers", 4);
        long loadSeconds = Long.getLong("benchmark.load-seconds", 20);

        Process app = start();
        System.out.printf("first start: healthy after %d ms%n", untilHealthy(app, Duration.ofMinutes(5)).toMillis());

        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        for (int w = 0; w < writers; w++) {
            pool.submit(() -> {
                try {
                    Client client = signIn("manager");
                    while (running.get()) {
                        Long id = client.submitIdea();
                        if (id != null) {
                            acknowledged.add(id);
                        } else {
                            refused.incrementAndGet();
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    // the server went away under us: that is the point
                }
                return null;
            });
        }
        Thread.sleep(loadSeconds * 1000);
        long pid = postmasterPid();
        app.destroyForcibly(); // SIGKILL: no shutdown hook, no clean stop of the database
        app.waitFor();
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        boolean orphan = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        System.out.printf("killed after %d s under %d writers: %d ideas acknowledged, %d not; database left running: %s%n",
                loadSeconds, writers, acknowledged.size(), refused.get(), orphan);

        long before = System.nanoTime();
        Process again = start();
        Duration healthy = untilHealthy(again, Duration.ofMinutes(5));
        System.out.printf("the one start after the kill: healthy after %d ms (starts needed: 1)%n", healthy.toMillis());
        Client reader = signIn("manager");
        List<Long> lost = new ArrayList<>();
        for (long id : acknowledged) {
            if (reader.status("/ideas/" + id) != 200) {
                lost.add(id);
            }
        }
        System.out.printf("acknowledged ideas lost: %d of %d %s%n", lost.size(), acknowledged.size(), lost);

        // the database goes away under a running application
        long server = postmasterPid();
        new ProcessBuilder("kill", "-s", "KILL", Long.toString(server)).start().waitFor();
        long gone = System.nanoTime();
        while (!health().contains("DOWN")) {
            Thread.sleep(100);
            if (System.nanoTime() - gone > Duration.ofMinutes(2).toNanos()) {
                break;
            }
        }
        System.out.printf("database killed: health DOWN after %d ms%n", (System.nanoTime() - gone) / 1_000_000);
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            int status = reader.status("/ideas");
            pages.add(status + " in " + (System.nanoTime() - t) / 1_000_000 + " ms");
        }
        System.out.println("pages while the database is gone: " + pages);
        again.destroy();
        again.waitFor(60, TimeUnit.SECONDS);
        System.out.printf("whole run %d s; logs in %s%n", (System.nanoTime() - before) / 1_000_000_000, folder);
    }

    private Process start() throws IOException {
        starts++;
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "nl.meedenken.MeedenkenApplication", "--server.port=" + port,
                "--meedenken.embedded.data-dir=" + folder.resolve("postgres"), "--meedenken.embedded.fresh=false",
                "--meedenken.embedded.keep-running=false", "--meedenken.demo=true", "--logging.level.root=INFO")
                .redirectErrorStream(true).redirectOutput(folder.resolve("app-" + starts + ".log").toFile()).start();
    }

    private Duration untilHealthy(Process app, Duration patience) throws Exception {
        long t = System.nanoTime();
        while (!health().contains("\"UP\"")) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the application stopped while starting; see " + folder);
            }
            if (System.nanoTime() - t > patience.toNanos()) {
                throw new IllegalStateException("not healthy after " + patience + "; see " + folder);
            }
            Thread.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - t);
    }

    private String health() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/actuator/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(folder.resolve("postgres").resolve("postmaster.pid")).get(0).strip());
    }

    private Client signIn(String login) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        Client client = new Client(http);
        String csrf = client.csrf("/login");
        client.post("/login", Map.of("username", login, "password", "demo", "_csrf", csrf));
        return client;
    }

    private final class Client {
        private final HttpClient http;
        private String csrf;

        Client(HttpClient http) {
            this.http = http;
        }

        String csrf(String path) throws IOException, InterruptedException {
            String page = http.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = CSRF.matcher(page);
            if (!m.find()) {
                throw new IllegalStateException("no form on " + path);
            }
            return m.group(1);
        }

        HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
            String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** One idea; its id when the server acknowledged it by sending the person to the stored idea. */
        Long submitIdea() throws IOException, InterruptedException {
            if (csrf == null) {
                csrf = csrf("/ideas/new");
            }
            String n = UUID.randomUUID().toString().substring(0, 8);
            HttpResponse<String> sent = post("/ideas", Map.of("title", "Crash test " + n,
                    "problem", "What goes wrong today, told at length for idea " + n,
                    "proposal", "What we could do about it, for idea " + n, "category", "EFFICIENCY",
                    "key", UUID.randomUUID().toString(), "_csrf", csrf));
            String location = sent.headers().firstValue("Location").orElse("");
            Matcher m = IDEA.matcher(location);
            return sent.statusCode() == 302 && m.find() ? Long.parseLong(m.group(1)) : null;
        }

        int status(String path) {
            try {
                return http.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("meedenken-crash");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
