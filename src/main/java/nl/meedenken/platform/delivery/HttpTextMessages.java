package nl.meedenken.platform.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Text messages through an HTTP gateway: either a generic JSON gateway ({@code POST meedenken.sms.url} with
 * {@code {"to":"+31612345678","from":"Meedenken","text":"…"}} and the key in the header
 * {@code meedenken.sms.api-key-header}), or MessageBird's REST API ({@code POST https://rest.messagebird.com/messages},
 * {@code Authorization: AccessKey …}, form fields {@code recipients}, {@code originator}, {@code body}).
 * 2xx is sent; 429, 5xx and timeouts are worth another try; any other answer is not.
 */
final class HttpTextMessages implements TextMessages {

    enum Protocol { JSON, MESSAGEBIRD }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final Protocol protocol;
    private final URI url;
    private final String apiKey;
    private final String apiKeyHeader;
    private final String from;
    private final Duration timeout;
    private final HttpClient http;

    HttpTextMessages(Protocol protocol, String url, String apiKey, String apiKeyHeader, String from, Duration timeout) {
        this.protocol = protocol;
        this.url = URI.create(url);
        this.apiKey = apiKey == null ? "" : apiKey;
        this.apiKeyHeader = apiKeyHeader;
        this.from = from;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public boolean real() {
        return true;
    }

    @Override
    public void send(String to, String text) throws Channel.Failed {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout);
        if (protocol == Protocol.MESSAGEBIRD) {
            String form = "recipients=" + encode(to.replace("+", "")) + "&originator=" + encode(from)
                    + "&body=" + encode(text);
            request.header("Authorization", "AccessKey " + apiKey)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        } else {
            String body = JSON.writeValueAsString(Map.of("to", to, "from", from, "text", text));
            if (!apiKey.isBlank()) {
                request.header(apiKeyHeader, apiKey);
            }
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        int status;
        try {
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.net.http.HttpTimeoutException e) {
            throw new Channel.Failed("the SMS gateway did not answer in time", true);
        } catch (IOException e) {
            throw new Channel.Failed("the SMS gateway could not be reached (" + e.getClass().getSimpleName() + ")", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Channel.Failed("interrupted", true);
        }
        if (status >= 200 && status < 300) {
            return;
        }
        boolean retry = status == 429 || status >= 500;
        throw new Channel.Failed("the SMS gateway answered HTTP " + status, retry);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
