package nl.meedenken.driving.internal;

import java.time.Instant;

/**
 * One vehicle status as taken in: when the vehicle made it, the tachograph card in the driver's
 * slot (member state and card number, or null) and the lifetime counters (see {@link Counters}).
 */
public record Reading(String vin, Instant created, Instant received, String card, long[] counters) {
}
