package nl.meedenken.transport.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Transport's own planning figures; distances and driving times are the routing module's
 * ({@code meedenken.routing.*}).
 *
 * @param serviceMinutes    minutes spent at each stop
 */
@ConfigurationProperties("meedenken.transport")
public record TransportSettings(Integer serviceMinutes) {

    public TransportSettings {
        serviceMinutes = serviceMinutes == null ? 15 : serviceMinutes;
    }
}
