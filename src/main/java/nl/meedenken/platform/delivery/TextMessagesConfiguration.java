package nl.meedenken.platform.delivery;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** Picks the SMS adapter from {@code meedenken.sms.provider}: log (default), http or messagebird. */
@Configuration(proxyBeanMethods = false)
class TextMessagesConfiguration {

    @Bean
    TextMessages textMessages(@Value("${meedenken.sms.provider:log}") String provider,
                              @Value("${meedenken.sms.url:}") String url,
                              @Value("${meedenken.sms.api-key:}") String apiKey,
                              @Value("${meedenken.sms.api-key-header:X-Api-Key}") String apiKeyHeader,
                              @Value("${meedenken.sms.from:Meedenken}") String from,
                              @Value("${meedenken.sms.timeout:10s}") Duration timeout) {
        return switch (provider.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "log", "" -> new LogTextMessages();
            case "http" -> {
                if (url.isBlank()) {
                    throw new IllegalStateException("meedenken.sms.provider=http needs meedenken.sms.url");
                }
                yield new HttpTextMessages(HttpTextMessages.Protocol.JSON, url, apiKey, apiKeyHeader, from, timeout);
            }
            case "messagebird" -> new HttpTextMessages(HttpTextMessages.Protocol.MESSAGEBIRD,
                    url.isBlank() ? "https://rest.messagebird.com/messages" : url, apiKey, apiKeyHeader, from, timeout);
            default -> throw new IllegalStateException(
                    "meedenken.sms.provider must be log, http or messagebird, not: " + provider);
        };
    }
}
