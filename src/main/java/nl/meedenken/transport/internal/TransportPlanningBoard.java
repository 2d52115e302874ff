package nl.meedenken.transport.internal;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.platform.Role;
import nl.meedenken.routing.Place;
import nl.meedenken.routing.PlanningBoard;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The transport module's side of route optimisation: which trucks, drivers and orders a day has
 * for the optimiser, and putting a proposal in place through the same rules as a planner's
 * hand-made trips.
 */
@Component
class TransportPlanningBoard implements PlanningBoard {

    private final Trips trips;
    private final Orders orders;
    private final Customers customers;
    private final Fleet fleet;
    private final People people;

    TransportPlanningBoard(Trips trips, Orders orders, Customers customers, Fleet fleet, People people) {
        this.trips = trips;
        this.orders = orders;
        this.customers = customers;
        this.fleet = fleet;
        this.people = people;
    }

    /**
     * A trip can be planned again until loading starts, as long as its driver reached no stop and
     * did not put the stops in an order of their own (at a decentral site that order is theirs).
     */
    private boolean replaceable(Trips.Plan plan) {
        return !plan.trip().orderFixed() && plan.trip().reorderedAt() == null
                && plan.stops().stream().noneMatch(s -> s.arrived() || s.done());
    }

    @Override
    @Transactional(readOnly = true)
    public Day day(LocalDate day, boolean replanUnstarted) {
        List<Trips.Plan> plans = trips.ofDay(day).stream().map(trips::plan).toList();
        List<Trips.Plan> again = replanUnstarted ? plans.stream().filter(this::replaceable).toList() : List.of();
        Set<Long> busyVehicles = new HashSet<>();
        Set<Long> busyDrivers = new HashSet<>();
        Map<Long, Trips.Plan> againByVehicle = new HashMap<>();
        Map<Long, Trips.Plan> againByDriver = new HashMap<>();
        for (Trips.Plan plan : plans) {
            busyVehicles.add(plan.trip().vehicle().id());
            busyDrivers.add(plan.trip().driverId());
        }
        for (Trips.Plan plan : again) {
            againByVehicle.put(plan.trip().vehicle().id(), plan);
            againByDriver.put(plan.trip().driverId(), plan);
        }
        Map<Long, SiteSettings> sites = new HashMap<>();
        fleet.sites().forEach(s -> sites.put(s.siteId(), s));
        List<Truck> trucks = new ArrayList<>();
        for (Vehicle vehicle : fleet.vehicles()) {
            Trips.Plan plan = againByVehicle.get(vehicle.id());
            if (!vehicle.active() || (busyVehicles.contains(vehicle.id()) && plan == null)) {
                continue;
            }
            SiteSettings site = sites.getOrDefault(vehicle.siteId(), fleet.site(vehicle.siteId()));
            trucks.add(new Truck(vehicle.id(), vehicle.plate(), vehicle.siteId(), site.siteName(),
                    new Place(site.depotLat(), site.depotLon()), vehicle.capacityPallets(), vehicle.capacityKg(),
                    plan == null ? null : plan.trip().id(), plan == null ? null : plan.trip().driverId(),
                    plan == null ? null : plan.trip().plannedStart()));
        }
        List<Driver> drivers = new ArrayList<>();
        for (PersonSummary person : people.withRole(Role.DRIVER)) {
            Trips.Plan plan = againByDriver.get(person.id().value());
            if (!person.active() || (busyDrivers.contains(person.id().value()) && plan == null)) {
                continue;
            }
            drivers.add(new Driver(person.id().value(), person.name(), person.site() == null ? null : person.site().value(),
                    plan == null ? null : plan.trip().id()));
        }
        drivers.sort(Comparator.comparing(Driver::name));
        Duration service = Duration.ofMinutes(trips.settings().serviceMinutes());
        List<Order> open = new ArrayList<>(orders.ofDay(day, true));
        Map<Long, Long> tripOfOrder = new HashMap<>();
        for (Trips.Plan plan : again) {
            for (Stop stop : plan.stops()) {
                open.add(stop.order());
                tripOfOrder.put(stop.order().id(), plan.trip().id());
            }
        }
        Map<Long, Address> addresses = customers.addresses(open.stream().map(Order::addressId).distinct().toList());
        List<Delivery> deliveries = new ArrayList<>();
        for (Order order : open) {
            if (order.status() == Order.Status.CANCELLED) {
                continue;
            }
            Address address = addresses.get(order.addressId());
            deliveries.add(new Delivery(order.id(), order.reference(), order.customerName(), order.city(),
                    new Place(address.latitude(), address.longitude()), order.windowFrom(), order.windowTo(),
                    order.pallets(), order.weightKg(), service, tripOfOrder.get(order.id())));
        }
        List<ReplacedTrip> replaceable = again.stream().map(p -> new ReplacedTrip(p.trip().id(),
                p.stops().stream().map(s -> s.order().id()).toList())).toList();
        return new Day(day, trucks, deliveries, drivers, replaceable);
    }

    @Override
    @Transactional
    public List<Long> apply(LocalDate day, List<ReplacedTrip> replaced, List<NewTrip> newTrips, String by) {
        try {
            for (ReplacedTrip old : replaced) {
                // locked first, so nobody adds a stop between the comparison and the delete
                Trips.Plan plan = trips.lock(old.tripId()).map(trips::plan)
                        .orElseThrow(() -> new Refused("routing.error.tripGone"));
                List<Long> now = plan.stops().stream().map(s -> s.order().id()).toList();
                if (!replaceable(plan) || !new HashSet<>(now).equals(new HashSet<>(old.orderIds()))) {
                    throw new Refused("routing.error.tripChanged", plan.trip().vehicle().plate());
                }
                trips.delete(old.tripId());
            }
            List<Long> created = new ArrayList<>();
            for (NewTrip trip : newTrips) {
                created.add(trips.create(new Trips.TripForm(day, trip.vehicleId(), trip.driverId(), trip.start(),
                        trip.orderIds()), by));
            }
            return created;
        } catch (InvalidTransport invalid) {
            throw new Refused(invalid.messageKey(), invalid.arguments());
        }
    }
}
