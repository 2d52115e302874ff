package nl.meedenken.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How routes are estimated and optimised.
 *
 * @param roadFactor       road kilometres per straight-line kilometre, for the default distances
 * @param averageSpeed     km/h, for the default distances
 * @param breakAfter       driving allowed before a break (EU: four and a half hours)
 * @param breakLength      length of that break (EU: 45 minutes)
 * @param dayTimeLimit     how long the optimiser works on a planner's day
 * @param suggestionLimit  how long it works on a driver's suggested order (at most one second)
 * @param truckCost        kilometres a truck on the road is worth, so the optimiser does not use
 *                         a truck for a few kilometres saved
 * @param leftOffCost      minutes late that leaving a delivery off every trip is worth
 * @param heartbeat        how often the node that optimises a day says in the database that it is
 *                         alive, stores the best plan it found since, and reads whether someone on
 *                         any node asked it to stop
 * @param nodeLostAfter    how long without a heartbeat before another node takes the optimisation
 *                         over: it keeps the best plan stored, or reports that none was found
 * @param shutdownWait     how long a node that shuts down waits for its optimisations to store
 *                         their best plan
 */
@ConfigurationProperties("meedenken.routing")
public record RoutingSettings(Double roadFactor, Double averageSpeed, Duration breakAfter, Duration breakLength,
                              Duration dayTimeLimit, Duration suggestionLimit, Integer truckCost,
                              Integer leftOffCost, Duration heartbeat, Duration nodeLostAfter,
                              Duration shutdownWait) {

    public RoutingSettings {
        roadFactor = roadFactor == null ? 1.3 : roadFactor;
        averageSpeed = averageSpeed == null ? 60.0 : averageSpeed;
        if (roadFactor < 1 || averageSpeed <= 0) {
            throw new IllegalArgumentException("meedenken.routing.road-factor must be at least 1 and "
                    + "meedenken.routing.average-speed more than 0");
        }
        // zero or less means no break rule at all
        breakAfter = breakAfter != null && (breakAfter.isZero() || breakAfter.isNegative())
                ? Duration.ofDays(365) : breakAfter;
        breakAfter = breakAfter == null ? Duration.ofMinutes(270) : breakAfter;
        breakLength = breakLength == null ? Duration.ofMinutes(45) : breakLength;
        dayTimeLimit = dayTimeLimit == null ? Duration.ofSeconds(30) : dayTimeLimit;
        Duration second = Duration.ofSeconds(1);
        suggestionLimit = suggestionLimit == null || suggestionLimit.compareTo(second) > 0 ? second : suggestionLimit;
        truckCost = truckCost == null ? 30 : truckCost;
        leftOffCost = leftOffCost == null ? 240 : leftOffCost;
        heartbeat = heartbeat == null || heartbeat.isZero() || heartbeat.isNegative() ? Duration.ofSeconds(2) : heartbeat;
        nodeLostAfter = nodeLostAfter == null ? Duration.ofSeconds(15) : nodeLostAfter;
        if (nodeLostAfter.compareTo(heartbeat.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("meedenken.routing.node-lost-after must be at least three times "
                    + "meedenken.routing.heartbeat, or a slow heartbeat looks like a lost node");
        }
        shutdownWait = shutdownWait == null ? Duration.ofSeconds(10) : shutdownWait;
    }

    public static RoutingSettings defaults() {
        return new RoutingSettings(null, null, null, null, null, null, null, null, null, null, null);
    }
}
