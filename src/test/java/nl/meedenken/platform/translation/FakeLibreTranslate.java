package nl.meedenken.platform.translation;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for a LibreTranslate server, started by a test on a free port: it "translates" by
 * putting the target language in front of the text and says it detected Polish. It keeps every
 * request, so a test can see what was (and what was not) sent.
 */
final class FakeLibreTranslate implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    volatile int status = 200;
    /** Words the "translation" writes differently, as a real one may spell a name in another script. */
    final java.util.Map<String, String> spelling = new java.util.concurrent.ConcurrentHashMap<>();
    private final HttpServer server;

    FakeLibreTranslate() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/translate", exchange -> {
            JsonNode request = JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            byte[] body = status != 200 ? "{\"error\":\"busy\"}".getBytes(StandardCharsets.UTF_8)
                    : JSON.writeValueAsString(java.util.Map.of(
                            "translatedText", "[" + request.get("target").asString() + "] " + spelled(request.get("q").asString()),
                            "detectedLanguage", java.util.Map.of("confidence", 90, "language", "pl")))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    private String spelled(String text) {
        for (var word : spelling.entrySet()) {
            text = text.replace(word.getKey(), word.getValue());
        }
        return text;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
