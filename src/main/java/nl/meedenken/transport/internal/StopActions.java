package nl.meedenken.transport.internal;

import nl.meedenken.platform.FormValues;
import nl.meedenken.platform.Pictures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What a driver does at a stop of today's trip: arrived, delivered, a problem (with an
 * optional photo), a customer wish. Every action carries a key the phone made for it, so a
 * retry is stored once; the time is the time of the tap, as the phone may send it later.
 */
@Service
public class StopActions {

    public static final int MAX_PROBLEM_PHOTO = 5 * 1024 * 1024;
    /** A phone may have held an action this long before it could send it. */
    static final Duration MAX_QUEUED = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final Trips trips;
    private final Wishes wishes;
    private final Clock clock;

    StopActions(JdbcClient jdbc, Trips trips, Wishes wishes, Clock clock) {
        this.jdbc = jdbc;
        this.trips = trips;
        this.wishes = wishes;
        this.clock = clock;
    }

    public enum Action { ARRIVED, DELIVERED, PROBLEM, WISH }

    /**
     * Claims an action key for a stop of the driver's own trip. False means the same action
     * arrived before (a retry): the caller stores nothing.
     */
    @Transactional
    public boolean claim(UUID key, long stopId, long driverId, Action action) {
        if (key == null) {
            throw new InvalidTransport("key", "transport.error.noKey");
        }
        ownStop(stopId, driverId);
        boolean fresh = jdbc.sql("""
                        insert into transport_action (key, stop_id, kind, received_at) values (:k, :s, :kind, :at)
                        on conflict (key) do nothing
                        """)
                .param("k", key).param("s", stopId).param("kind", action.name())
                .param("at", Timestamp.from(clock.instant())).update() == 1;
        if (!fresh) {
            boolean same = jdbc.sql("select count(*) from transport_action where key = :k and stop_id = :s and kind = :kind")
                    .param("k", key).param("s", stopId).param("kind", action.name()).query(Integer.class).single() == 1;
            if (!same) {
                throw new InvalidTransport("key", "transport.error.keyReused");
            }
        }
        return fresh;
    }

    /** The trip and stop, if the stop is on a trip of this driver. */
    @Transactional(readOnly = true)
    public Stop ownStop(long stopId, long driverId) {
        Long tripId = jdbc.sql("""
                        select s.trip_id from transport_stop s join transport_trip t on t.id = s.trip_id
                         where s.id = :s and t.driver_id = :d and t.day = :today
                        """)
                .param("s", stopId).param("d", driverId).param("today", trips.today()).query(Long.class).optional()
                .orElseThrow(() -> new InvalidTransport("stop", "transport.error.notYourTrip"));
        return trips.stops(tripId).stream().filter(s -> s.id() == stopId).findFirst().orElseThrow();
    }

    /** When the phone says the tap happened, unless that is implausible; then now. */
    Instant when(Instant tapped) {
        Instant now = clock.instant();
        if (tapped == null || tapped.isAfter(now.plus(Duration.ofMinutes(5))) || tapped.isBefore(now.minus(MAX_QUEUED))) {
            return now;
        }
        return tapped;
    }

    @Transactional
    public void arrived(UUID key, long stopId, long driverId, Instant tapped) {
        if (!claim(key, stopId, driverId, Action.ARRIVED)) {
            return;
        }
        jdbc.sql("update transport_stop set arrived_at = coalesce(arrived_at, :at) where id = :s")
                .param("at", Timestamp.from(when(tapped))).param("s", stopId).update();
    }

    /** Registers the delivery at the exact time of the tap; a second registration keeps the first time. */
    @Transactional
    public void delivered(UUID key, long stopId, long driverId, Instant tapped) {
        if (!claim(key, stopId, driverId, Action.DELIVERED)) {
            return;
        }
        Timestamp at = Timestamp.from(when(tapped));
        jdbc.sql("""
                        update transport_stop set delivered_at = coalesce(delivered_at, :at),
                               arrived_at = coalesce(arrived_at, :at)
                         where id = :s
                        """)
                .param("at", at).param("s", stopId).update();
        jdbc.sql("update transport_order set status = 'DELIVERED' where id = (select order_id from transport_stop where id = :s)")
                .param("s", stopId).update();
    }

    @Transactional
    public void problem(UUID key, long stopId, long driverId, Instant tapped, Stop.Problem problem, String text,
                        byte[] photo) {
        if (problem == null) {
            throw new InvalidTransport("problem", "transport.error.problemKind");
        }
        String note = FormValues.text(text, "text", 500, problem == Stop.Problem.OTHER, InvalidTransport::new);
        byte[] cleaned = null;
        if (photo != null && photo.length > 0) {
            if (photo.length > MAX_PROBLEM_PHOTO) {
                throw new InvalidTransport("photo", "transport.error.photoTooLarge", MAX_PROBLEM_PHOTO / (1024 * 1024));
            }
            Pictures.tooLarge(photo).ifPresent(size -> {
                throw new InvalidTransport("photo", "pictures.error.tooManyPixels", Pictures.tooLargeArguments(size));
            });
            cleaned = Pictures.withoutMetadata(photo)
                    .orElseThrow(() -> new InvalidTransport("photo", "transport.error.photoType"));
        }
        if (!claim(key, stopId, driverId, Action.PROBLEM)) {
            return;
        }
        jdbc.sql("""
                        update transport_stop set problem = :problem, problem_text = :text, problem_at = :at,
                               photo = :photo, photo_type = :type, arrived_at = coalesce(arrived_at, :at)
                         where id = :s
                        """)
                .param("problem", problem.name()).param("text", note).param("at", Timestamp.from(when(tapped)))
                .param("photo", cleaned).param("type", cleaned == null ? null : Pictures.contentType(cleaned))
                .param("s", stopId).update();
        jdbc.sql("update transport_order set status = 'PROBLEM' where id = (select order_id from transport_stop where id = :s)")
                .param("s", stopId).update();
    }

    /** A customer wish recorded at a stop: checked first, then stored once per key, at the time of the tap. */
    @Transactional
    public void wish(UUID key, long stopId, long driverId, Instant tapped, WishKind kind, String text, String by) {
        if (kind == null) {
            throw new InvalidTransport("kind", "transport.error.wishKind");
        }
        FormValues.text(text, "text", Wishes.MAX_TEXT, true, InvalidTransport::new);
        Stop stop = ownStop(stopId, driverId);
        if (!claim(key, stopId, driverId, Action.WISH)) {
            return;
        }
        wishes.record(stop.address().id(), kind, text, by, stopId, false, when(tapped));
    }

    @Transactional(readOnly = true)
    public Optional<byte[]> photo(long stopId) {
        return jdbc.sql("select photo from transport_stop where id = :s and photo is not null").param("s", stopId)
                .query((rs, i) -> rs.getBytes(1)).optional();
    }
}
