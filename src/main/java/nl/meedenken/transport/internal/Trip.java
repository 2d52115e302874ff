package nl.meedenken.transport.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** A vehicle's trip on one day, with its driver and the site's steering mode. */
public record Trip(long id, LocalDate day, long siteId, Vehicle vehicle, long driverId, String driverName,
                   LocalTime plannedStart, Steering steering, Instant reorderedAt, Instant loadingStartedAt,
                   Instant loadedAt, String loadedBy) {

    /** The order of stops is fixed once the warehouse starts loading. */
    public boolean orderFixed() {
        return loadingStartedAt != null;
    }

    /** Whether the driver may change the order of the stops now. */
    public boolean driverMayReorder() {
        return steering == Steering.DECENTRAL && !orderFixed();
    }
}
