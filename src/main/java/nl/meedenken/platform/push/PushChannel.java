package nl.meedenken.platform.push;

import nl.meedenken.platform.delivery.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Push messages to every device a person opted in on (Web Push: RFC 8030, encrypted per RFC 8291,
 * signed per RFC 8292). The message is a small JSON object {@code {title, text, link}} that the
 * service worker ({@code /js/push-sw.js}) shows as a notification and opens on a tap.
 *
 * <p>A send counts as done when at least one device took it. A subscription the push service no
 * longer knows (404, 410) is removed; a busy or failing push service (429, 5xx, no answer in time)
 * is worth a retry; any other refusal is not.
 */
@Component
class PushChannel implements Channel, nl.meedenken.platform.delivery.Reachable {

    private static final Logger LOG = LoggerFactory.getLogger(PushChannel.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** What a message may weigh before encryption; push services take about 4 kB. */
    static final int MAX_PAYLOAD = 3072;

    private final Subscriptions subscriptions;
    private final VapidKeys keys;
    private final boolean enabled;
    private final String subject;
    private final Duration ttl;
    private final Duration timeout;
    private final HttpClient http;

    PushChannel(Subscriptions subscriptions, JdbcClient jdbc, Clock clock,
                @Value("${meedenken.push.enabled:true}") boolean enabled,
                @Value("${meedenken.push.subject:}") String subject,
                @Value("${meedenken.push.ttl:1d}") Duration ttl,
                @Value("${meedenken.push.timeout:10s}") Duration timeout) {
        this.subscriptions = subscriptions;
        this.keys = new VapidKeys(jdbc, "vapid", clock);
        this.enabled = enabled;
        this.subject = subject(subject);
        this.ttl = ttl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static String subject(String configured) {
        String value = configured == null ? "" : configured.strip();
        if (value.isEmpty() || value.startsWith("mailto:") || value.startsWith("https:")) {
            return value;
        }
        return "mailto:" + value;
    }

    /** Makes the keys at the first start, so that the first page that needs them finds them. */
    @EventListener(ApplicationReadyEvent.class)
    void makeKeys() {
        if (!enabled) {
            return;
        }
        try {
            keys.pair();
            if (subject.isEmpty()) {
                LOG.warn("Push notifications are on without meedenken.push.subject (mailto:…): some push services"
                        + " (Apple's) refuse messages without a contact address");
            }
        } catch (RuntimeException e) {
            LOG.warn("The VAPID keys for push notifications could not be read or made: {}", e.getMessage());
        }
    }

    @Override
    public String name() {
        return "push";
    }

    /** Push reaches only people with at least one device that opted in. */
    @Override
    public boolean reaches(long personId) {
        return !subscriptions.of(personId).isEmpty();
    }

    @Override
    public boolean ready() {
        if (!enabled) {
            return false;
        }
        try {
            return keys.pair() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The key a browser subscribes with. */
    String publicKey() {
        return keys.publicKey();
    }

    @Override
    public void send(Message message) throws Failed {
        if (!ready()) {
            throw new Failed("push notifications are off", false);
        }
        List<Subscriptions.Subscription> devices = subscriptions.of(message.personId());
        if (devices.isEmpty()) {
            throw new Failed("no device of this person gets push notifications", false);
        }
        byte[] payload = payload(message.title(), message.text(), message.link());
        int delivered = 0;
        boolean retry = false;
        List<String> reasons = new ArrayList<>();
        for (var device : devices) {
            Outcome outcome = send(device, payload);
            switch (outcome.kind()) {
                case DELIVERED -> delivered++;
                case GONE -> subscriptions.gone(device.id());
                case RETRY -> retry = true;
                case REFUSED -> { }
            }
            if (outcome.kind() != Kind.DELIVERED) {
                reasons.add(outcome.reason());
            }
        }
        if (delivered == 0) {
            throw new Failed(String.join("; ", reasons), retry);
        }
        if (!reasons.isEmpty()) {
            LOG.info("Push message {} reached {} of {} devices: {}", message.deliveryId(), delivered, devices.size(),
                    String.join("; ", reasons));
        }
    }

    enum Kind { DELIVERED, GONE, RETRY, REFUSED }

    record Outcome(Kind kind, String reason) {
    }

    private Outcome send(Subscriptions.Subscription device, byte[] payload) {
        URI endpoint;
        try {
            endpoint = subscriptions.usableEndpoint(device.endpoint());
        } catch (Subscriptions.Refused e) {
            return new Outcome(Kind.REFUSED, e.getMessage());
        }
        byte[] body = Encryption.encrypt(payload, P256.unbase64(device.p256dh()), P256.unbase64(device.auth()));
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("TTL", Long.toString(ttl.toSeconds()))
                .header("Urgency", "normal")
                .header("Content-Encoding", "aes128gcm")
                .header("Content-Type", "application/octet-stream")
                .header("Authorization", keys.authorization(endpoint, subject))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            String host = endpoint.getHost();
            if (status >= 200 && status < 300) {
                return new Outcome(Kind.DELIVERED, null);
            }
            if (status == 404 || status == 410) {
                return new Outcome(Kind.GONE, host + " no longer knows the device (" + status + "), removed");
            }
            if (status == 429 || status >= 500) {
                return new Outcome(Kind.RETRY, host + " answered " + status);
            }
            return new Outcome(Kind.REFUSED, host + " refused the message (" + status + ")");
        } catch (IOException e) {
            return new Outcome(Kind.RETRY, endpoint.getHost() + " did not answer: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Kind.RETRY, "interrupted");
        }
    }

    /**
     * The message as the service worker reads it, never more than {@link #MAX_PAYLOAD} bytes: a long
     * text is cut (with "…") rather than refused.
     */
    static byte[] payload(String title, String text, String link) {
        String shortTitle = cut(title == null ? "" : title, 120);
        String body = text == null ? "" : text;
        while (true) {
            Map<String, String> json = new LinkedHashMap<>();
            json.put("title", shortTitle);
            json.put("text", body);
            json.put("link", link == null ? "" : link);
            byte[] bytes = JSON.writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
            if (bytes.length <= MAX_PAYLOAD) {
                return bytes;
            }
            int over = bytes.length - MAX_PAYLOAD;
            int keep = body.codePointCount(0, body.length()) - Math.max(over / 4, 1) - 1;
            if (keep <= 0) {
                if (body.isEmpty()) {
                    // only an absurdly long link or title can be left: send the title with the app's address
                    return JSON.writeValueAsString(Map.of("title", cut(shortTitle, 60), "text", "", "link", ""))
                            .getBytes(StandardCharsets.UTF_8);
                }
                body = "";
            } else {
                body = cut(body, keep);
            }
        }
    }

    private static String cut(String text, int codePoints) {
        if (text.codePointCount(0, text.length()) <= codePoints) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, Math.max(codePoints - 1, 0))) + "…";
    }
}
