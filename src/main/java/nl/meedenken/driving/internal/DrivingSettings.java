package nl.meedenken.driving.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the driving module ({@code meedenken.driving.*}).
 *
 * @param rfmsUrl             base URL of the rFMS server, up to and including {@code /rfms}; empty: no polling
 * @param rfmsToken           OAuth2 bearer token sent as {@code Authorization: Bearer}
 * @param rfmsUser            user for basic authentication (when there is no token)
 * @param rfmsPassword        password for basic authentication
 * @param pollEvery           how often the rFMS server is asked for new data
 * @param retries             how many times a request refused with HTTP 429 is tried again
 * @param backOff             the first wait after a 429 without Retry-After; doubles with each retry
 * @param harshBraking        deceleration in m/s² from which braking counts as harsh (one of the class edges)
 * @param harshAcceleration   acceleration in m/s² from which speeding up counts as harsh
 * @param speedLimit          km/h above which driving counts as overspeed (rounded up to a 4 km/h class edge)
 * @param retentionDays       how long telematics are kept while no agreement says otherwise
 * @param simulator           serve the rFMS simulator under /rfms-simulator/rfms
 */
@ConfigurationProperties("meedenken.driving")
public record DrivingSettings(String rfmsUrl, String rfmsToken, String rfmsUser, String rfmsPassword, Duration pollEvery,
                              Integer retries, Duration backOff, Double harshBraking, Double harshAcceleration,
                              Integer speedLimit, Integer retentionDays, Boolean simulator) {

    public DrivingSettings {
        rfmsUrl = rfmsUrl == null ? "" : rfmsUrl.strip();
        pollEvery = pollEvery == null ? Duration.ofMinutes(15) : pollEvery;
        retries = retries == null ? 5 : retries;
        backOff = backOff == null ? Duration.ofSeconds(2) : backOff;
        harshBraking = harshBraking == null ? 1.1 : harshBraking;
        harshAcceleration = harshAcceleration == null ? 1.1 : harshAcceleration;
        speedLimit = speedLimit == null ? 85 : speedLimit;
        retentionDays = retentionDays == null ? 91 : retentionDays;
        simulator = simulator != null && simulator;
        if (Counters.harshIndex(harshBraking) < 0 || Counters.harshIndex(harshAcceleration) < 0) {
            throw new IllegalArgumentException("meedenken.driving.harsh-braking and harsh-acceleration must be one of "
                    + java.util.Arrays.toString(Counters.HARSH_EDGES));
        }
    }

    public boolean rfmsConfigured() {
        return !rfmsUrl.isEmpty();
    }
}
