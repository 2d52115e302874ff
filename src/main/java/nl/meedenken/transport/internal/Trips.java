package nl.meedenken.transport.internal;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.platform.Role;
import nl.meedenken.routing.Place;
import nl.meedenken.routing.RouteOptimiser;
import org.springframework.dao.DuplicateKeyException;
import nl.meedenken.platform.Notifications;
import nl.meedenken.platform.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The day's trips: built by a planner from orders, put in order by the planner or (at a
 * decentral site) by the driver until loading starts, and loaded by the warehouse. What the
 * driver does at each stop is in {@link StopActions}.
 */
@Service
public class Trips {

    static final ZoneId LOCAL = ZoneId.of("Europe/Amsterdam");

    public record TripForm(LocalDate day, Long vehicleId, Long driverId, LocalTime plannedStart, List<Long> orderIds) {
    }

    /** A trip with its stops and what the current order of stops means for the day. */
    public record Plan(Trip trip, List<Stop> stops, RouteEstimate.Result estimate) {

        public int done() {
            return (int) stops.stream().filter(Stop::done).count();
        }

        public int pallets() {
            return stops.stream().mapToInt(s -> s.order().pallets()).sum();
        }

        public int kilograms() {
            return stops.stream().mapToInt(s -> s.order().weightKg()).sum();
        }

        public RouteEstimate.Leg leg(long stopId) {
            return estimate.legs().stream().filter(l -> l.id() == stopId).findFirst().orElse(null);
        }

        /** Minutes the last finished stop was behind the plan (0 when ahead or none finished). */
        public long delay() {
            long delay = 0;
            for (Stop stop : stops) {
                RouteEstimate.Leg leg = leg(stop.id());
                Instant at = stop.deliveredAt() != null ? stop.deliveredAt() : stop.problemAt();
                if (leg != null && at != null) {
                    LocalTime actual = at.atZone(LOCAL).toLocalTime();
                    delay = Math.max(0, Duration.between(leg.start(), actual).toMinutes());
                }
            }
            return delay;
        }

        public List<Stop> lateStops() {
            return stops.stream().filter(s -> s.minutesLate() > 0).toList();
        }

        public String state() {
            if (!stops.isEmpty() && done() == stops.size()) {
                return "DONE";
            }
            if (stops.stream().anyMatch(s -> s.done() || s.arrived())) {
                return "UNDERWAY";
            }
            if (trip.loadedAt() != null) {
                return "LOADED";
            }
            return trip.loadingStartedAt() != null ? "LOADING" : "PLANNED";
        }
    }

    private static final String TRIP = """
            select t.id, t.day, t.site_id, t.vehicle_id, v.plate, v.site_id as vehicle_site, v.capacity_pallets,
                   v.capacity_kg, v.active, t.driver_id, t.planned_start, coalesce(s.steering, 'CENTRAL') as steering,
                   t.reordered_at, t.loading_started_at, t.loaded_at, t.loaded_by
              from transport_trip t join transport_vehicle v on v.id = t.vehicle_id
              left join transport_site s on s.site_id = t.site_id
            """;

    private final JdbcClient jdbc;
    private final Orders orders;
    private final Customers customers;
    private final Fleet fleet;
    private final People people;
    private final TransportSettings settings;
    private final RouteOptimiser routes;
    private final Clock clock;
    private final Notifications notifications;

    Trips(JdbcClient jdbc, Orders orders, Customers customers, Fleet fleet, People people, TransportSettings settings,
          RouteOptimiser routes, Clock clock, Notifications notifications) {
        this.notifications = notifications;
        this.routes = routes;
        this.jdbc = jdbc;
        this.orders = orders;
        this.customers = customers;
        this.fleet = fleet;
        this.people = people;
        this.settings = settings;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(LOCAL));
    }

    public TransportSettings settings() {
        return settings;
    }

    // ---- reading

    @Transactional(readOnly = true)
    public Optional<Trip> find(long id) {
        return jdbc.sql(TRIP + " where t.id = :id").param("id", id).query(this::trip).optional();
    }

    @Transactional(readOnly = true)
    public List<Trip> ofDay(LocalDate day) {
        return jdbc.sql(TRIP + " where t.day = :day order by t.site_id, t.planned_start, v.plate").param("day", day)
                .query(this::trip).list();
    }

    @Transactional(readOnly = true)
    public Optional<Trip> forDriver(long driverId, LocalDate day) {
        return jdbc.sql(TRIP + " where t.driver_id = :d and t.day = :day").param("d", driverId).param("day", day)
                .query(this::trip).optional();
    }

    @Transactional(readOnly = true)
    public List<Stop> stops(long tripId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Stop> stops = new ArrayList<>();
        jdbc.sql("""
                        select id, position, order_id, arrived_at, delivered_at, problem, problem_text, problem_at,
                               photo is not null as has_photo
                          from transport_stop where trip_id = :t order by position, id
                        """)
                .param("t", tripId).query(rs -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("id", rs.getLong("id"));
                    row.put("position", rs.getInt("position"));
                    row.put("order", rs.getLong("order_id"));
                    row.put("arrived", instant(rs.getTimestamp("arrived_at")));
                    row.put("delivered", instant(rs.getTimestamp("delivered_at")));
                    row.put("problem", rs.getString("problem"));
                    row.put("problemText", rs.getString("problem_text"));
                    row.put("problemAt", instant(rs.getTimestamp("problem_at")));
                    row.put("photo", rs.getBoolean("has_photo"));
                    rows.add(row);
                });
        Map<Long, Order> byId = new HashMap<>();
        orders.byIds(rows.stream().map(r -> (Long) r.get("order")).toList()).forEach(o -> byId.put(o.id(), o));
        Map<Long, Address> addresses = customers.addresses(byId.values().stream().map(Order::addressId).distinct().toList());
        for (Map<String, Object> row : rows) {
            Order order = byId.get((Long) row.get("order"));
            Address address = addresses.get(order.addressId());
            String problem = (String) row.get("problem");
            stops.add(new Stop((Long) row.get("id"), tripId, (Integer) row.get("position"), order, address,
                    (Instant) row.get("arrived"), (Instant) row.get("delivered"),
                    problem == null ? null : Stop.Problem.valueOf(problem), (String) row.get("problemText"),
                    (Instant) row.get("problemAt"), (Boolean) row.get("photo")));
        }
        return stops;
    }

    @Transactional(readOnly = true)
    public Plan plan(Trip trip) {
        List<Stop> stops = stops(trip.id());
        return new Plan(trip, stops, estimate(trip, stops));
    }

    /** What a given order of the trip's stops would mean: kilometres, finish time, late stops. */
    public RouteEstimate.Result estimate(Trip trip, List<Stop> inOrder) {
        SiteSettings site = fleet.site(trip.siteId());
        return RouteEstimate.of(routes.timeline(new Place(site.depotLat(), site.depotLon()), trip.plannedStart(),
                inOrder.stream().map(this::routingStop).toList()));
    }

    private nl.meedenken.routing.Stop routingStop(Stop stop) {
        return new nl.meedenken.routing.Stop(stop.id(), new Place(stop.address().latitude(), stop.address().longitude()),
                stop.order().windowFrom(), stop.order().windowTo(), Duration.ofMinutes(settings.serviceMinutes()));
    }

    /**
     * The routing module's suggested order of the stops that are not done yet, done ones first as
     * they are. It works at most a second; the driver decides whether to take it.
     */
    public List<Stop> suggestion(Trip trip, List<Stop> stops) {
        SiteSettings site = fleet.site(trip.siteId());
        Place depot = new Place(site.depotLat(), site.depotLon());
        List<Stop> done = stops.stream().filter(s -> s.done() || s.arrived()).toList();
        List<Stop> open = stops.stream().filter(s -> !s.done() && !s.arrived()).toList();
        Place from = done.isEmpty() ? depot
                : new Place(done.get(done.size() - 1).address().latitude(), done.get(done.size() - 1).address().longitude());
        List<Long> order = routes.suggestOrder(from, depot, trip.plannedStart(),
                open.stream().map(this::routingStop).toList());
        List<Stop> result = new ArrayList<>(done);
        for (Long id : order) {
            open.stream().filter(s -> s.id() == id).findFirst().ifPresent(result::add);
        }
        return result;
    }

    // ---- planning

    /** Locks the trip's row until the end of the transaction, so changes to one trip happen one at a time. */
    private Trip locked(long tripId) {
        jdbc.sql("select id from transport_trip where id = :t for update").param("t", tripId).query(Long.class).optional()
                .orElseThrow(() -> new InvalidTransport("trip", "transport.error.noTrip"));
        return find(tripId).orElseThrow();
    }

    /** Locks the trip's row for the rest of the transaction, if the trip still exists. */
    Optional<Trip> lock(long tripId) {
        return jdbc.sql("select id from transport_trip where id = :t for update").param("t", tripId).query(Long.class)
                .optional().flatMap(this::find);
    }

    @Transactional
    public long create(TripForm form, String by) {
        if (form.day() == null) {
            throw new InvalidTransport("day", "validation.required");
        }
        if (form.day().isBefore(today())) {
            throw new InvalidTransport("day", "transport.error.dayPassed");
        }
        Vehicle vehicle = form.vehicleId() == null ? null : fleet.vehicle(form.vehicleId()).filter(Vehicle::active).orElse(null);
        if (vehicle == null) {
            throw new InvalidTransport("vehicleId", "transport.error.vehicle");
        }
        PersonSummary driver = form.driverId() == null ? null : people.find(new PersonId(form.driverId()))
                .filter(p -> p.active() && p.has(Role.DRIVER)).orElse(null);
        if (driver == null) {
            throw new InvalidTransport("driverId", "transport.error.driver");
        }
        if (form.plannedStart() == null) {
            throw new InvalidTransport("plannedStart", "validation.required");
        }
        List<Long> wanted = form.orderIds() == null ? List.of()
                : form.orderIds().stream().filter(java.util.Objects::nonNull).distinct().toList();
        List<Order> chosen = orders.byIds(wanted);
        if (chosen.isEmpty()) {
            throw new InvalidTransport("orderIds", "transport.error.noOrders");
        }
        if (chosen.size() != wanted.size()) {
            throw new InvalidTransport("orderIds", "transport.error.orderGone");
        }
        checkOrders(chosen, form.day());
        checkCapacity(vehicle, chosen);
        long id;
        try {
            id = jdbc.sql("""
                            insert into transport_trip (day, site_id, vehicle_id, driver_id, planned_start, created_by,
                                   created_at)
                            values (:day, :site, :vehicle, :driver, :start, :by, :at) returning id
                            """)
                    .param("day", form.day()).param("site", vehicle.siteId()).param("vehicle", vehicle.id())
                    .param("driver", driver.id().value()).param("start", form.plannedStart()).param("by", by)
                    .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        } catch (DuplicateKeyException taken) {
            boolean driverBusy = String.valueOf(taken.getMessage()).contains("driver");
            throw new InvalidTransport(driverBusy ? "driverId" : "vehicleId",
                    driverBusy ? "transport.error.driverBusy" : "transport.error.alreadyOnTrip");
        }
        int position = 0;
        for (Long orderId : wanted) {
            addStop(id, orderId, ++position);
        }
        return id;
    }

    /** Puts an order on a trip, if nobody else planned it meanwhile (the whole change is then undone). */
    private void addStop(long tripId, long orderId, int position) {
        int claimed = jdbc.sql("update transport_order set status = 'PLANNED' where id = :o and status = 'OPEN'")
                .param("o", orderId).update();
        if (claimed != 1) {
            String reference = orders.find(orderId).map(Order::reference).orElse("?");
            throw new InvalidTransport("orderIds", "transport.error.orderTaken", reference);
        }
        jdbc.sql("insert into transport_stop (trip_id, order_id, position) values (:t, :o, :p)")
                .param("t", tripId).param("o", orderId).param("p", position).update();
    }

    private static void checkOrders(List<Order> chosen, LocalDate day) {
        for (Order order : chosen) {
            if (order.status() != Order.Status.OPEN || order.tripId() != null) {
                throw new InvalidTransport("orderIds", "transport.error.orderTaken", order.reference());
            }
            if (!order.requestedOn().equals(day)) {
                throw new InvalidTransport("orderIds", "transport.error.orderOtherDay", order.reference());
            }
        }
    }

    private static void checkCapacity(Vehicle vehicle, List<Order> all) {
        int pallets = all.stream().mapToInt(Order::pallets).sum();
        int kg = all.stream().mapToInt(Order::weightKg).sum();
        if (pallets > vehicle.capacityPallets()) {
            throw new InvalidTransport("orderIds", "transport.error.tooManyPallets", pallets, vehicle.plate(),
                    vehicle.capacityPallets());
        }
        if (kg > vehicle.capacityKg()) {
            throw new InvalidTransport("orderIds", "transport.error.tooHeavy", kg, vehicle.plate(), vehicle.capacityKg());
        }
    }

    @Transactional
    public void addOrders(long tripId, List<Long> orderIds) {
        Trip trip = locked(tripId);
        if (trip.orderFixed()) {
            throw new InvalidTransport("trip", "transport.error.loadingStarted");
        }
        List<Long> wanted = orderIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        List<Order> added = orders.byIds(wanted);
        if (added.isEmpty()) {
            throw new InvalidTransport("orderIds", "transport.error.noOrders");
        }
        if (added.size() != wanted.size()) {
            throw new InvalidTransport("orderIds", "transport.error.orderGone");
        }
        checkOrders(added, trip.day());
        List<Order> all = new ArrayList<>(stops(tripId).stream().map(Stop::order).toList());
        all.addAll(added);
        checkCapacity(trip.vehicle(), all);
        int position = jdbc.sql("select coalesce(max(position), 0) from transport_stop where trip_id = :t")
                .param("t", tripId).query(Integer.class).single();
        for (Order order : added) {
            addStop(tripId, order.id(), ++position);
        }
        changedAfterSeen(trip);
    }

    @Transactional
    public void removeStop(long tripId, long stopId) {
        Trip trip = locked(tripId);
        if (trip.orderFixed()) {
            throw new InvalidTransport("trip", "transport.error.loadingStarted");
        }
        Stop stop = stops(tripId).stream().filter(s -> s.id() == stopId).findFirst()
                .orElseThrow(() -> new InvalidTransport("stop", "transport.error.noStop"));
        if (stop.arrived() || stop.done()) {
            throw new InvalidTransport("stop", "transport.error.stopVisited");
        }
        // keys of wishes recorded there go too; the wishes stay with the address
        jdbc.sql("delete from transport_action where stop_id = :s").param("s", stopId).update();
        jdbc.sql("delete from transport_stop where id = :s").param("s", stopId).update();
        jdbc.sql("update transport_order set status = 'OPEN' where id = :o").param("o", stop.order().id()).update();
        renumber(tripId, stops(tripId).stream().map(Stop::id).toList());
        changedAfterSeen(trip);
    }

    /**
     * Takes a whole trip away before loading starts and before the driver visited any stop;
     * its orders can be planned again.
     */
    @Transactional
    public void delete(long tripId) {
        Trip trip = locked(tripId);
        if (trip.orderFixed()) {
            throw new InvalidTransport("trip", "transport.error.loadingStarted");
        }
        List<Stop> stops = stops(tripId);
        if (stops.stream().anyMatch(s -> s.arrived() || s.done())) {
            throw new InvalidTransport("trip", "transport.error.tripVisited");
        }
        for (Stop stop : stops) {
            jdbc.sql("delete from transport_action where stop_id = :s").param("s", stop.id()).update();
            jdbc.sql("delete from transport_stop where id = :s").param("s", stop.id()).update();
            jdbc.sql("update transport_order set status = 'OPEN' where id = :o").param("o", stop.order().id()).update();
        }
        jdbc.sql("delete from transport_trip where id = :t").param("t", tripId).update();
        changedAfterSeen(trip);
    }

    /** The planner puts the stops in order, at any site, until loading starts. */
    @Transactional
    public void reorderByPlanner(long tripId, List<Long> stopIds) {
        Trip trip = locked(tripId);
        if (trip.orderFixed()) {
            throw new InvalidTransport("order", "transport.error.loadingStarted");
        }
        List<Long> before = stops(tripId).stream().map(Stop::id).toList();
        List<Long> after = complete(tripId, stopIds);
        renumber(tripId, after);
        if (!before.equals(after)) {
            changedAfterSeen(trip);
        }
    }

    /**
     * The driver opened the trip of this day: a change the planner makes from now on is told to them
     * (once, until they open it again).
     */
    @Transactional
    public void seen(long driverId, LocalDate day) {
        jdbc.sql("""
                        insert into transport_trip_seen (driver_id, day, seen_at, told) values (:d, :day, :at, false)
                        on conflict (driver_id, day) do update set seen_at = excluded.seen_at, told = false
                        where transport_trip_seen.told""")
                .param("d", driverId).param("day", day).param("at", Timestamp.from(clock.instant())).update();
    }

    /**
     * Tells the driver that the trip changed, when they had opened it today and were not told since: a
     * second change before they look again tells nothing more. The flag is set by one update, so two
     * changes at once (or on two nodes) tell once.
     */
    private void changedAfterSeen(Trip trip) {
        if (!trip.day().equals(today())) {
            return;
        }
        boolean first = jdbc.sql("update transport_trip_seen set told = true where driver_id = :d and day = :day and not told")
                .param("d", trip.driverId()).param("day", trip.day()).update() == 1;
        if (first) {
            notifications.tell(List.of(trip.driverId()), SignedInUser.currentPersonId().orElse(null),
                    "transport.notify.tripChanged", "/driver", trip.vehicle().plate());
        }
    }

    /** The driver puts the stops in order, only at a decentral site and until loading starts. */
    @Transactional
    public void reorderByDriver(long tripId, long driverId, List<Long> stopIds) {
        Trip trip = find(tripId).filter(t -> t.driverId() == driverId)
                .orElseThrow(() -> new InvalidTransport("trip", "transport.error.notYourTrip"));
        trip = locked(tripId);
        if (trip.steering() != Steering.DECENTRAL) {
            throw new InvalidTransport("order", "transport.error.centralSteering");
        }
        if (trip.orderFixed()) {
            throw new InvalidTransport("order", "transport.error.loadingStarted");
        }
        renumber(tripId, complete(tripId, stopIds));
        jdbc.sql("update transport_trip set reordered_at = :at where id = :t")
                .param("at", Timestamp.from(clock.instant())).param("t", tripId).update();
    }

    /** The given ids must be exactly the trip's stops. */
    private List<Long> complete(long tripId, List<Long> stopIds) {
        List<Long> current = stops(tripId).stream().map(Stop::id).toList();
        if (stopIds == null || stopIds.size() != current.size() || !new HashSet<>(stopIds).equals(new HashSet<>(current))) {
            throw new InvalidTransport("order", "transport.error.stopsChanged");
        }
        return stopIds;
    }

    private void renumber(long tripId, List<Long> stopIds) {
        int position = 0;
        for (Long id : stopIds) {
            jdbc.sql("update transport_stop set position = :p where id = :s and trip_id = :t")
                    .param("p", ++position).param("s", id).param("t", tripId).update();
        }
    }

    // ---- warehouse

    @Transactional
    public void startLoading(long tripId, String by) {
        locked(tripId);
        int changed = jdbc.sql("update transport_trip set loading_started_at = :at where id = :t and loading_started_at is null")
                .param("at", Timestamp.from(clock.instant())).param("t", tripId).update();
        if (changed == 0) {
            throw new InvalidTransport("trip", "transport.error.loadingStarted");
        }
    }

    @Transactional
    public void loaded(long tripId, String by) {
        locked(tripId);
        int changed = jdbc.sql("""
                        update transport_trip set loading_started_at = coalesce(loading_started_at, :at), loaded_at = :at,
                               loaded_by = :by
                         where id = :t and loaded_at is null
                        """)
                .param("at", Timestamp.from(clock.instant())).param("by", by).param("t", tripId).update();
        if (changed == 0) {
            throw new InvalidTransport("trip", "transport.error.alreadyLoaded");
        }
    }

    private Trip trip(ResultSet rs, int row) throws SQLException {
        long driverId = rs.getLong("driver_id");
        String driverName = people.find(new PersonId(driverId)).map(PersonSummary::name).orElse("");
        Vehicle vehicle = new Vehicle(rs.getLong("vehicle_id"), rs.getString("plate"), rs.getLong("vehicle_site"),
                rs.getInt("capacity_pallets"), rs.getInt("capacity_kg"), rs.getBoolean("active"));
        return new Trip(rs.getLong("id"), rs.getObject("day", LocalDate.class), rs.getLong("site_id"), vehicle, driverId,
                driverName, rs.getObject("planned_start", LocalTime.class), Steering.valueOf(rs.getString("steering")),
                instant(rs.getTimestamp("reordered_at")), instant(rs.getTimestamp("loading_started_at")),
                instant(rs.getTimestamp("loaded_at")), rs.getString("loaded_by"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
