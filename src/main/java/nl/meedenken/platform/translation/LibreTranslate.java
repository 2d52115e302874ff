package nl.meedenken.platform.translation;

import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * LibreTranslate's HTTP API: {@code POST /translate} with the text, {@code source=auto}, the
 * target language and, when the server asks for one, an API key. The text goes only to the server
 * the operator configured, which runs on the company's own machines.
 */
final class LibreTranslate implements Translator {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient rest;
    private final String apiKey;

    LibreTranslate(String url, String apiKey) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(Duration.ofSeconds(5));
        factory.setReadTimeout(Duration.ofSeconds(20));
        this.rest = RestClient.builder().baseUrl(url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .requestFactory(factory).build();
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    }

    @Override
    public Result translate(String text, String targetLanguage) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("q", text);
        body.put("source", "auto");
        body.put("target", targetLanguage);
        body.put("format", "text");
        if (apiKey != null) {
            body.put("api_key", apiKey);
        }
        try {
            String answer = rest.post().uri("/translate").contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body)).retrieve().body(String.class);
            JsonNode read = JSON.readTree(answer == null ? "{}" : answer);
            JsonNode translated = read.get("translatedText");
            if (translated == null || !translated.isString()) {
                throw new Unavailable("the translation server answered without a translation", null);
            }
            JsonNode detected = read.path("detectedLanguage").get("language");
            return new Result(translated.asString(), detected == null || !detected.isString() ? null : detected.asString());
        } catch (RestClientException | tools.jackson.core.JacksonException e) {
            throw new Unavailable("the translation server could not translate: " + e.getMessage(), e);
        }
    }
}
