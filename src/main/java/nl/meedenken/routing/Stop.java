package nl.meedenken.routing;

import java.time.Duration;
import java.time.LocalTime;

/**
 * A stop of one trip: where, the window in which the customer receives (either end may be
 * open), and how long unloading takes.
 */
public record Stop(long id, Place place, LocalTime opens, LocalTime closes, Duration service) {
}
