package nl.meedenken.transport.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the driver app estimates a route until the routing module offers more: straight-line
 * distance times a road factor, driven at an average speed, with a fixed time per stop.
 *
 * @param roadFactor        road distance per straight-line kilometre
 * @param averageSpeed      km/h
 * @param serviceMinutes    minutes spent at each stop
 */
@ConfigurationProperties("meedenken.transport")
public record TransportSettings(Double roadFactor, Double averageSpeed, Integer serviceMinutes) {

    public TransportSettings {
        roadFactor = roadFactor == null ? 1.3 : roadFactor;
        averageSpeed = averageSpeed == null ? 60.0 : averageSpeed;
        serviceMinutes = serviceMinutes == null ? 15 : serviceMinutes;
    }
}
