package nl.meedenken.platform.delivery;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * A stand-in for an SMS gateway, started by a test on a free port. {@code /send} speaks the generic JSON
 * protocol, {@code /messages} MessageBird's form protocol. It keeps every request and answers each number
 * with the statuses a test lined up for it (then 200); a number lined up with 0 gets no answer until close.
 */
final class FakeSmsGateway implements AutoCloseable {

    /** One request as the gateway saw it. */
    record Received(String path, String to, String from, String text, Map<String, List<String>> headers) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> answers = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final HttpServer server;

    FakeSmsGateway() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/send", exchange -> {
            JsonNode body = JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String to = body.get("to").asString();
            received.add(new Received("/send", to, body.get("from").asString(), body.get("text").asString(),
                    Map.copyOf(exchange.getRequestHeaders())));
            answer(exchange, to);
        });
        server.createContext("/messages", exchange -> {
            Map<String, String> form = Arrays.stream(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                            .split("&")).map(p -> p.split("=", 2))
                    .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
            received.add(new Received("/messages", form.get("recipients"), form.get("originator"), form.get("body"),
                    Map.copyOf(exchange.getRequestHeaders())));
            answer(exchange, form.get("recipients"));
        });
        server.start();
    }

    private void answer(com.sun.net.httpserver.HttpExchange exchange, String to) throws IOException {
        Deque<Integer> lined = answers.get(to);
        Integer status = lined == null ? null : lined.poll();
        int code = status == null ? 200 : status;
        if (code == 0) {
            try {
                closing.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        byte[] body = (code < 300 ? "{\"id\":\"1\"}" : "{\"error\":\"no\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** The next answers for one number (0: no answer at all). */
    void lineUp(String to, Integer... statuses) {
        answers.computeIfAbsent(to, t -> new java.util.concurrent.ConcurrentLinkedDeque<>()).addAll(Arrays.asList(statuses));
    }

    List<Received> to(String number) {
        return received.stream().filter(r -> number.equals(r.to())).toList();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
