package nl.meedenken.transport.internal;

import nl.meedenken.platform.FormValues;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Customers, their addresses, and how deliveries to them went. */
@Service
public class Customers {

    static final ZoneId LOCAL = ZoneId.of("Europe/Amsterdam");

    /** What someone fills in for an address. */
    public record NewAddress(String name, String street, String postcode, String city, String country,
                             Double latitude, Double longitude, LocalTime opensAt, LocalTime closesAt,
                             String hoursNote) {
    }

    /** One delivery as it went: the window asked for and when it actually happened. */
    public record Delivery(String reference, LocalDate day, String address, LocalTime windowFrom, LocalTime windowTo,
                           Instant deliveredAt, String problem) {

        public LocalTime deliveredTime() {
            return deliveredAt == null ? null : deliveredAt.atZone(LOCAL).toLocalTime().withNano(0);
        }

        public boolean onTime() {
            LocalTime at = deliveredTime();
            return at != null && !at.isAfter(windowTo) && deliveredAt.atZone(LOCAL).toLocalDate().equals(day);
        }
    }

    public record History(List<Delivery> deliveries, int delivered, int onTime) {
        public Integer onTimePercentage() {
            return delivered == 0 ? null : (int) Math.round(100.0 * onTime / delivered);
        }
    }

    private static final String ADDRESS = """
            select a.id, a.customer_id, c.name as customer_name, a.name, a.street, a.postcode, a.city, a.country,
                   a.latitude, a.longitude, a.opens_at, a.closes_at, a.hours_note
              from transport_address a join transport_customer c on c.id = a.customer_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    Customers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Customer> all() {
        return jdbc.sql("""
                        select c.id, c.name, count(a.id) from transport_customer c
                          left join transport_address a on a.customer_id = c.id group by c.id, c.name order by c.name
                        """)
                .query((rs, i) -> new Customer(rs.getLong(1), rs.getString(2), rs.getInt(3))).list();
    }

    @Transactional(readOnly = true)
    public Optional<Customer> find(long id) {
        return all().stream().filter(c -> c.id() == id).findFirst();
    }

    @Transactional
    public long create(String name) {
        String value = FormValues.text(name, "name", 150, true, InvalidTransport::new);
        try {
            return jdbc.sql("insert into transport_customer (name, created_at) values (:n, :at) returning id")
                    .param("n", value).param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        } catch (DuplicateKeyException taken) {
            throw new InvalidTransport("name", "transport.error.customerExists");
        }
    }

    @Transactional(readOnly = true)
    public List<Address> addresses(long customerId) {
        return jdbc.sql(ADDRESS + " where a.customer_id = :c order by a.city, a.name").param("c", customerId)
                .query(Customers::address).list();
    }

    @Transactional(readOnly = true)
    public List<Address> allAddresses() {
        return jdbc.sql(ADDRESS + " order by c.name, a.city, a.name").query(Customers::address).list();
    }

    /** Several addresses at once, by id. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, Address> addresses(java.util.Collection<Long> ids) {
        java.util.Map<Long, Address> byId = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql(ADDRESS + " where a.id in (:ids)").param("ids", ids).query(Customers::address).list()
                    .forEach(a -> byId.put(a.id(), a));
        }
        return byId;
    }

    @Transactional(readOnly = true)
    public Optional<Address> address(long id) {
        return jdbc.sql(ADDRESS + " where a.id = :id").param("id", id).query(Customers::address).optional();
    }

    @Transactional
    public long addAddress(long customerId, NewAddress a) {
        find(customerId).orElseThrow(() -> new InvalidTransport("customer", "transport.error.noCustomer"));
        FormValues.Refusal refusal = InvalidTransport::new;
        String name = FormValues.text(a.name(), "name", 150, true, refusal);
        String street = FormValues.text(a.street(), "street", 150, true, refusal);
        String postcode = FormValues.text(a.postcode(), "postcode", 12, true, refusal);
        String city = FormValues.text(a.city(), "city", 100, true, refusal);
        String country = FormValues.text(a.country() == null || a.country().isBlank() ? "NL" : a.country(), "country",
                2, true, refusal).toUpperCase(java.util.Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            throw new InvalidTransport("country", "transport.error.country");
        }
        if (a.latitude() == null || a.latitude().isNaN() || a.latitude() < -90 || a.latitude() > 90) {
            throw new InvalidTransport("latitude", "transport.error.latitude");
        }
        if (a.longitude() == null || a.longitude().isNaN() || a.longitude() < -180 || a.longitude() > 180) {
            throw new InvalidTransport("longitude", "transport.error.longitude");
        }
        if (a.opensAt() != null && a.closesAt() != null && !a.closesAt().isAfter(a.opensAt())) {
            throw new InvalidTransport("closesAt", "transport.error.closesBeforeOpens");
        }
        String note = FormValues.text(a.hoursNote(), "hoursNote", 200, false, refusal);
        return jdbc.sql("""
                        insert into transport_address (customer_id, name, street, postcode, city, country, latitude,
                               longitude, opens_at, closes_at, hours_note)
                        values (:c, :name, :street, :postcode, :city, :country, :lat, :lon, :opens, :closes, :note)
                        returning id
                        """)
                .param("c", customerId).param("name", name).param("street", street).param("postcode", postcode)
                .param("city", city).param("country", country).param("lat", a.latitude()).param("lon", a.longitude())
                .param("opens", a.opensAt()).param("closes", a.closesAt()).param("note", note)
                .query(Long.class).single();
    }

    /** Deliveries to a customer over the last days, newest first, with the share on time. */
    @Transactional(readOnly = true)
    public History history(long customerId, int days) {
        LocalDate since = LocalDate.now(clock.withZone(LOCAL)).minusDays(days);
        List<Delivery> deliveries = jdbc.sql("""
                        select o.reference, o.requested_on, a.name, o.window_from, o.window_to, s.delivered_at, s.problem
                          from transport_order o join transport_address a on a.id = o.address_id
                          join transport_stop s on s.order_id = o.id
                         where o.customer_id = :c and o.requested_on >= :since
                           and (s.delivered_at is not null or s.problem is not null)
                         order by o.requested_on desc, s.delivered_at desc nulls last
                        """)
                .param("c", customerId).param("since", since)
                .query((rs, i) -> new Delivery(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getObject(4, LocalTime.class), rs.getObject(5, LocalTime.class),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7)))
                .list();
        int delivered = (int) deliveries.stream().filter(d -> d.deliveredAt() != null).count();
        int onTime = (int) deliveries.stream().filter(Delivery::onTime).count();
        return new History(deliveries, delivered, onTime);
    }

    static Address address(ResultSet rs, int row) throws SQLException {
        return new Address(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("customer_name"),
                rs.getString("name"), rs.getString("street"), rs.getString("postcode"), rs.getString("city"),
                rs.getString("country"), rs.getDouble("latitude"), rs.getDouble("longitude"),
                rs.getObject("opens_at", LocalTime.class), rs.getObject("closes_at", LocalTime.class),
                rs.getString("hours_note"));
    }
}
