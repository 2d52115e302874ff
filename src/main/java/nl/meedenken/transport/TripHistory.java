package nl.meedenken.transport;

import nl.meedenken.transport.internal.TransportSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What other modules may read about trips that were driven: the day, the vehicle, the driver, and per
 * stop its place in the loading order and when the driver arrived and delivered.
 */
@Service
public class TripHistory {

    /** One stop: its place in the order the truck was loaded for, and the driver's times (null when not recorded). */
    public record StopTimes(int position, Instant arrivedAt, Instant deliveredAt) {
        /** Minutes between arriving and delivering, or null when one of them is missing. */
        public Double minutesAtStop() {
            if (arrivedAt == null || deliveredAt == null || deliveredAt.isBefore(arrivedAt)) {
                return null;
            }
            return (deliveredAt.toEpochMilli() - arrivedAt.toEpochMilli()) / 60_000.0;
        }
    }

    public record TripTimes(long tripId, LocalDate day, long siteId, String plate, long driverId,
                            boolean loaded, int plannedServiceMinutes, List<StopTimes> stops) {
    }

    private final JdbcClient jdbc;
    private final TransportSettings settings;

    TripHistory(JdbcClient jdbc, TransportSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Trips of the days from {@code from} up to and including {@code to}, optionally of one driver; oldest first. */
    public List<TripTimes> between(LocalDate from, LocalDate to, Long driverId) {
        Map<Long, TripTimes> trips = new LinkedHashMap<>();
        jdbc.sql("""
                        select t.id, t.day, t.site_id, v.plate, t.driver_id, t.loaded_at, s.position, s.arrived_at, s.delivered_at
                        from transport_trip t join transport_vehicle v on v.id = t.vehicle_id
                        left join transport_stop s on s.trip_id = t.id
                        where t.day between :from and :to and (cast(:driver as bigint) is null or t.driver_id = :driver)
                        order by t.day, t.id, s.position
                        """)
                .param("from", from).param("to", to).param("driver", driverId)
                .query(rs -> {
                    long id = rs.getLong("id");
                    TripTimes trip = trips.computeIfAbsent(id, k -> {
                        try {
                            return new TripTimes(id, rs.getObject("day", LocalDate.class), rs.getLong("site_id"),
                                    rs.getString("plate"), rs.getLong("driver_id"), rs.getTimestamp("loaded_at") != null,
                                    settings.serviceMinutes(), new ArrayList<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    int position = rs.getInt("position");
                    if (!rs.wasNull()) {
                        trip.stops().add(new StopTimes(position, instant(rs.getTimestamp("arrived_at")),
                                instant(rs.getTimestamp("delivered_at"))));
                    }
                });
        return List.copyOf(trips.values());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
