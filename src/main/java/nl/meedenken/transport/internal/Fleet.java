package nl.meedenken.transport.internal;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.SiteSummary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Vehicles, and per site who steers the order of stops and where the depot is. */
@Service
public class Fleet {

    /** Used for a site whose depot is not set yet: the middle of the Netherlands. */
    static final double DEFAULT_LAT = 52.09;
    static final double DEFAULT_LON = 5.12;

    private final JdbcClient jdbc;
    private final People people;
    private final Clock clock;

    Fleet(JdbcClient jdbc, People people, Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Vehicle> vehicles() {
        return jdbc.sql("select id, plate, site_id, capacity_pallets, capacity_kg, active from transport_vehicle order by plate")
                .query((rs, i) -> new Vehicle(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getInt(5),
                        rs.getBoolean(6))).list();
    }

    @Transactional(readOnly = true)
    public Optional<Vehicle> vehicle(long id) {
        return vehicles().stream().filter(v -> v.id() == id).findFirst();
    }

    @Transactional
    public long addVehicle(String plate, Long siteId, Integer pallets, Integer kg) {
        String value = nl.meedenken.platform.FormValues.text(plate, "plate", 12, true, InvalidTransport::new)
                .toUpperCase(Locale.ROOT);
        if (siteId == null || people.sites().stream().noneMatch(s -> s.id().value() == siteId)) {
            throw new InvalidTransport("siteId", "transport.error.site");
        }
        if (pallets == null || pallets < 1 || pallets > 60) {
            throw new InvalidTransport("capacityPallets", "transport.error.capacityPallets");
        }
        if (kg == null || kg < 100 || kg > 60000) {
            throw new InvalidTransport("capacityKg", "transport.error.capacityKg");
        }
        try {
            return jdbc.sql("""
                            insert into transport_vehicle (plate, site_id, capacity_pallets, capacity_kg)
                            values (:plate, :site, :pallets, :kg) returning id
                            """)
                    .param("plate", value).param("site", siteId).param("pallets", pallets).param("kg", kg)
                    .query(Long.class).single();
        } catch (DuplicateKeyException taken) {
            throw new InvalidTransport("plate", "transport.error.plateExists");
        }
    }

    @Transactional(readOnly = true)
    public SiteSettings site(long siteId) {
        String name = people.sites().stream().filter(s -> s.id().value() == siteId).map(SiteSummary::name)
                .findFirst().orElse("");
        return jdbc.sql("select steering, depot_lat, depot_lon, changed_by from transport_site where site_id = :s")
                .param("s", siteId)
                .query((rs, i) -> {
                    double lat = rs.getDouble(2);
                    boolean known = !rs.wasNull();
                    double lon = rs.getDouble(3);
                    return new SiteSettings(siteId, name, Steering.valueOf(rs.getString(1)), known ? lat : DEFAULT_LAT,
                            known ? lon : DEFAULT_LON, known, rs.getString(4));
                })
                .optional().orElse(new SiteSettings(siteId, name, Steering.CENTRAL, DEFAULT_LAT, DEFAULT_LON, false, null));
    }

    @Transactional(readOnly = true)
    public List<SiteSettings> sites() {
        return people.sites().stream().filter(SiteSummary::active).map(s -> site(s.id().value())).toList();
    }

    /** Management sets who steers at a site, and where its depot is. */
    @Transactional
    public void configure(long siteId, Steering steering, Double depotLat, Double depotLon, String by) {
        if (steering == null) {
            throw new InvalidTransport("steering", "validation.required");
        }
        if ((depotLat == null) != (depotLon == null)) {
            throw new InvalidTransport(depotLat == null ? "depotLat" : "depotLon", "transport.error.depotBoth");
        }
        if (depotLat != null && (depotLat.isNaN() || depotLat < -90 || depotLat > 90)) {
            throw new InvalidTransport("depotLat", "transport.error.latitude");
        }
        if (depotLon != null && (depotLon.isNaN() || depotLon < -180 || depotLon > 180)) {
            throw new InvalidTransport("depotLon", "transport.error.longitude");
        }
        jdbc.sql("""
                        insert into transport_site (site_id, steering, depot_lat, depot_lon, changed_by, changed_at)
                        values (:s, :steering, :lat, :lon, :by, :at)
                        on conflict (site_id) do update set steering = :steering, depot_lat = :lat, depot_lon = :lon,
                               changed_by = :by, changed_at = :at
                        """)
                .param("s", siteId).param("steering", steering.name()).param("lat", depotLat).param("lon", depotLon)
                .param("by", by).param("at", Timestamp.from(clock.instant())).update();
    }
}
