package nl.meedenken.transport.internal;

import nl.meedenken.organisation.DemoCompanyCreated;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.SiteSummary;
import nl.meedenken.platform.Role;
import org.springframework.context.event.EventListener;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Transport for the demo company: three customers with thirty addresses around Utrecht and
 * Rotterdam, ten vehicles, today's six trips (Zwolle steers decentrally, Venlo centrally)
 * and a week of deliveries behind them, some late, a few with problems, and wishes that
 * drivers recorded — most confirmed, two still waiting for the planner. Tomorrow has two
 * dozen orders that nobody planned yet.
 */
@Component
class TransportDemo {

    private static final ZoneId LOCAL = ZoneId.of("Europe/Amsterdam");

    private record Place(String customer, String name, String street, String postcode, String city, double lat,
                         double lon, LocalTime opens, LocalTime closes) {
    }

    private static final List<Place> PLACES = List.of(
            new Place("Versland Supermarkten", "Versland Utrecht Centrum", "Vredenburgkade 14", "3511 WA", "Utrecht", 52.0929, 5.1138, LocalTime.of(6, 0), LocalTime.of(21, 0)),
            new Place("Versland Supermarkten", "Versland Overvecht", "Zamenhofdreef 77", "3562 JS", "Utrecht", 52.1148, 5.1136, LocalTime.of(6, 30), LocalTime.of(21, 0)),
            new Place("Versland Supermarkten", "Versland Nieuwegein", "Raadstede 21", "3431 HA", "Nieuwegein", 52.0296, 5.0806, LocalTime.of(6, 30), LocalTime.of(20, 0)),
            new Place("Versland Supermarkten", "Versland Houten", "Het Rond 6", "3995 DN", "Houten", 52.0281, 5.1681, LocalTime.of(7, 0), LocalTime.of(20, 0)),
            new Place("Versland Supermarkten", "Versland Zeist", "Slotlaan 190", "3701 GR", "Zeist", 52.0881, 5.2339, LocalTime.of(7, 0), LocalTime.of(20, 0)),
            new Place("Versland Supermarkten", "Versland Maarssen", "Bisonspoor 1042", "3605 KZ", "Maarssen", 52.1351, 5.0420, LocalTime.of(7, 0), LocalTime.of(20, 0)),
            new Place("Versland Supermarkten", "Versland Rotterdam Noord", "Bergweg 301", "3037 EN", "Rotterdam", 51.9361, 4.4705, LocalTime.of(6, 0), LocalTime.of(21, 0)),
            new Place("Versland Supermarkten", "Versland Kralingen", "Oudedijk 112", "3061 AN", "Rotterdam", 51.9252, 4.5122, LocalTime.of(6, 30), LocalTime.of(21, 0)),
            new Place("Versland Supermarkten", "Versland Schiedam", "Broersvest 40", "3111 EH", "Schiedam", 51.9170, 4.3994, LocalTime.of(7, 0), LocalTime.of(20, 0)),
            new Place("Versland Supermarkten", "Versland Capelle", "Koperwiek 88", "2903 AD", "Capelle aan den IJssel", 51.9315, 4.5866, LocalTime.of(7, 0), LocalTime.of(20, 0)),
            new Place("Versland Supermarkten", "Versland Barendrecht", "Middenbaan 15", "2991 CS", "Barendrecht", 51.8566, 4.5349, LocalTime.of(7, 0), LocalTime.of(20, 0)),
            new Place("Versland Supermarkten", "Versland Vlaardingen", "Westnieuwland 9", "3131 VX", "Vlaardingen", 51.9126, 4.3420, LocalTime.of(7, 0), LocalTime.of(20, 0)),
            new Place("Bouwmaat Midden", "Bouwmaat Lage Weide", "Atoomweg 60", "3542 AB", "Utrecht", 52.1046, 5.0638, LocalTime.of(7, 0), LocalTime.of(17, 0)),
            new Place("Bouwmaat Midden", "Bouwmaat IJsselstein", "Podium 3", "3401 AP", "IJsselstein", 52.0198, 5.0437, LocalTime.of(7, 0), LocalTime.of(17, 0)),
            new Place("Bouwmaat Midden", "Bouwmaat De Bilt", "Industrieweg 18", "3732 HM", "De Bilt", 52.1122, 5.1810, LocalTime.of(7, 30), LocalTime.of(17, 0)),
            new Place("Bouwmaat Midden", "Bouwmaat Vianen", "Lange Dreef 11", "4131 NJ", "Vianen", 51.9938, 5.0920, LocalTime.of(7, 0), LocalTime.of(16, 30)),
            new Place("Bouwmaat Midden", "Bouwmaat Spaanse Polder", "Spaanseweg 44", "3044 AH", "Rotterdam", 51.9326, 4.4222, LocalTime.of(7, 0), LocalTime.of(17, 0)),
            new Place("Bouwmaat Midden", "Bouwmaat Ridderkerk", "Donkerslootweg 7", "2983 GP", "Ridderkerk", 51.8738, 4.6009, LocalTime.of(7, 0), LocalTime.of(17, 0)),
            new Place("Bouwmaat Midden", "Bouwmaat Spijkenisse", "Moleneind 25", "3201 AR", "Spijkenisse", 51.8445, 4.3290, LocalTime.of(7, 30), LocalTime.of(17, 0)),
            new Place("Bouwmaat Midden", "Bouwmaat Waalhaven", "Waalhaven Zuidzijde 30", "3089 JH", "Rotterdam", 51.8829, 4.4560, LocalTime.of(6, 30), LocalTime.of(16, 0)),
            new Place("Bouwmaat Midden", "Bouwmaat Nieuwegein Plettenburg", "Zilverenberg 5", "3433 NB", "Nieuwegein", 52.0440, 5.1040, LocalTime.of(7, 0), LocalTime.of(17, 0)),
            new Place("Apotheek Samen", "Apotheek Wittevrouwen", "Biltstraat 130", "3572 BN", "Utrecht", 52.0975, 5.1354, LocalTime.of(8, 0), LocalTime.of(17, 30)),
            new Place("Apotheek Samen", "Apotheek Leidsche Rijn", "Brennerbaan 21", "3524 BL", "Utrecht", 52.0991, 5.0490, LocalTime.of(8, 0), LocalTime.of(17, 30)),
            new Place("Apotheek Samen", "Apotheek Zeist Noord", "Laan van Vollenhove 1510", "3706 GL", "Zeist", 52.0989, 5.2510, LocalTime.of(8, 30), LocalTime.of(17, 0)),
            new Place("Apotheek Samen", "Apotheek Houten Zuid", "Onderdoor 31", "3995 DW", "Houten", 52.0200, 5.1710, LocalTime.of(8, 30), LocalTime.of(17, 0)),
            new Place("Apotheek Samen", "Apotheek Blijdorp", "Statenweg 55", "3039 HG", "Rotterdam", 51.9291, 4.4590, LocalTime.of(8, 0), LocalTime.of(17, 30)),
            new Place("Apotheek Samen", "Apotheek Feijenoord", "Beijerlandselaan 74", "3074 EK", "Rotterdam", 51.8980, 4.5039, LocalTime.of(8, 0), LocalTime.of(17, 30)),
            new Place("Apotheek Samen", "Apotheek Hillegersberg", "Straatweg 60", "3051 BJ", "Rotterdam", 51.9465, 4.4915, LocalTime.of(8, 30), LocalTime.of(17, 0)),
            new Place("Apotheek Samen", "Apotheek Schiedam Noord", "Hof van Spaland 12", "3121 AR", "Schiedam", 51.9300, 4.3882, LocalTime.of(8, 30), LocalTime.of(17, 0)),
            new Place("Apotheek Samen", "Apotheek Capelle West", "Bermweg 101", "2906 LB", "Capelle aan den IJssel", 51.9440, 4.5605, LocalTime.of(8, 30), LocalTime.of(17, 0)));

    private final Customers customers;
    private final Fleet fleet;
    private final Orders orders;
    private final Trips trips;
    private final Wishes wishes;
    private final People people;
    private final JdbcClient jdbc;

    TransportDemo(Customers customers, Fleet fleet, Orders orders, Trips trips, Wishes wishes, People people,
                  JdbcClient jdbc) {
        this.customers = customers;
        this.fleet = fleet;
        this.orders = orders;
        this.trips = trips;
        this.wishes = wishes;
        this.people = people;
        this.jdbc = jdbc;
    }

    @EventListener
    @org.springframework.core.annotation.Order(70)
    void on(DemoCompanyCreated created) {
        Map<String, Long> sites = people.sites().stream().collect(Collectors.toMap(SiteSummary::name, s -> s.id().value()));
        long zwolle = sites.get("Zwolle");
        long venlo = sites.get("Venlo");
        fleet.configure(zwolle, Steering.DECENTRAL, 52.5031, 6.1167, "Ingrid van den Berg");
        fleet.configure(venlo, Steering.CENTRAL, 51.3967, 6.1402, "Ingrid van den Berg");

        List<Long> zwolleVehicles = new ArrayList<>();
        List<Long> venloVehicles = new ArrayList<>();
        String[] plates = {"82-BLT-4", "19-VNK-2", "57-RTX-8", "31-HGD-6", "64-KPL-1", "05-ZWB-9", "48-TRN-3", "76-DLS-5",
                "23-MXV-7", "90-FPG-2"};
        for (int i = 0; i < plates.length; i++) {
            boolean inZwolle = i < 5;
            long id = fleet.addVehicle(plates[i], inZwolle ? zwolle : venlo, i % 3 == 0 ? 33 : 26, i % 3 == 0 ? 24000 : 18000);
            (inZwolle ? zwolleVehicles : venloVehicles).add(id);
        }

        Map<String, Long> customerIds = new java.util.LinkedHashMap<>();
        List<Address> addresses = new ArrayList<>();
        for (Place p : PLACES) {
            long customer = customerIds.computeIfAbsent(p.customer(), customers::create);
            long id = customers.addAddress(customer, new Customers.NewAddress(p.name(), p.street(), p.postcode(), p.city(),
                    "NL", p.lat(), p.lon(), p.opens(), p.closes(), null));
            addresses.add(customers.address(id).orElseThrow());
        }

        Map<String, PersonSummary> drivers = people.withRole(Role.DRIVER).stream()
                .collect(Collectors.toMap(PersonSummary::name, Function.identity()));
        List<PersonSummary> zwolleDrivers = List.of(drivers.get("Piotr Kowalski"), drivers.get("Jan de Vries"),
                drivers.get("Andrei Popescu"));
        List<PersonSummary> venloDrivers = List.of(drivers.get("João Silva"), drivers.get("Tomasz Wiśniewski"),
                drivers.get("Rob Willems"));

        Random random = new Random(7_2026L);
        LocalDate today = trips.today();
        int reference = 10_000;
        // a week behind us: trips delivered, most in the window
        for (int daysAgo = 7; daysAgo >= 1; daysAgo--) {
            LocalDate day = today.minusDays(daysAgo);
            for (int t = 0; t < 6; t++) {
                boolean inZwolle = t < 3;
                List<Address> route = pick(addresses, random, 5, t % 2 == 0);
                reference = history(day, inZwolle ? zwolle : venlo, (inZwolle ? zwolleVehicles : venloVehicles).get(t % 3),
                        (inZwolle ? zwolleDrivers : venloDrivers).get(t % 3).id().value(), route, reference, random);
            }
        }

        // today: six trips; Piotr's stops are in a clumsy order, so changing it helps
        for (int t = 0; t < 6; t++) {
            boolean inZwolle = t < 3;
            List<Address> route = pick(addresses, random, t == 0 ? 7 : 6, t % 2 == 0);
            List<Long> orderIds = new ArrayList<>();
            for (Address a : route) {
                orderIds.add(order(a, today, ++reference, random));
            }
            long trip = trips.create(new Trips.TripForm(today, (inZwolle ? zwolleVehicles : venloVehicles).get(t % 3),
                    (inZwolle ? zwolleDrivers : venloDrivers).get(t % 3).id().value(),
                    LocalTime.of(6, 30).plusMinutes(30L * (t % 3)), orderIds), "Sanne Visser");
            if (t == 0) {
                List<Long> stops = new ArrayList<>(trips.stops(trip).stream().map(Stop::id).toList());
                java.util.Collections.shuffle(stops, random);
                trips.reorderByPlanner(trip, stops);
            }
        }
        for (int i = 0; i < 4; i++) {
            order(addresses.get(random.nextInt(addresses.size())), today, ++reference, random);
        }
        // tomorrow is not planned yet: two dozen orders for the route optimiser
        for (int i = 0; i < 24; i++) {
            order(addresses.get(random.nextInt(addresses.size())), today.plusDays(1), ++reference, random);
        }

        // wishes: confirmed ones show on stops; two wait for the planner
        wishes.record(addresses.get(0).id(), WishKind.ACCESS, "Achterom via de Vredenburgkade, bel aan bij dock 2.",
                "Jan de Vries", null, true, today.minusDays(20).atTime(9, 10).atZone(LOCAL).toInstant());
        wishes.record(addresses.get(6).id(), WishKind.TIMING, "Niet voor 07:00 lossen: de buren klagen over lawaai.",
                "Sanne Visser", null, true, today.minusDays(12).atTime(14, 0).atZone(LOCAL).toInstant());
        wishes.record(addresses.get(16).id(), WishKind.HANDLING, "Gipsplaten altijd plat stapelen, nooit op de kant.",
                "Rob Willems", null, true, today.minusDays(9).atTime(11, 30).atZone(LOCAL).toInstant());
        wishes.record(addresses.get(21).id(), WishKind.CONTACT, "Koelproducten persoonlijk overdragen aan de apotheker.",
                "Kim Hendriks", null, true, today.minusDays(30).atTime(10, 0).atZone(LOCAL).toInstant());
        wishes.record(addresses.get(3).id(), WishKind.ACCESS, "Rampa de încărcare a fost mutată în partea laterală a clădirii.",
                "Andrei Popescu", null, false, today.minusDays(1).atTime(8, 40).atZone(LOCAL).toInstant());
        wishes.record(addresses.get(27).id(), WishKind.TIMING, "Najlepiej po 09:00, wcześniej nie ma nikogo, kto podpisze.",
                "Tomasz Wiśniewski", null, false, today.minusDays(2).atTime(10, 15).atZone(LOCAL).toInstant());
        wishes.record(addresses.get(12).id(), WishKind.HANDLING, "من فضلك ضع المنصات أمام الباب الخلفي، وليس على الرصيف.",
                "Youssef Amrani", null, false, today.minusDays(1).atTime(15, 5).atZone(LOCAL).toInstant());
    }

    private static List<Address> pick(List<Address> addresses, Random random, int count, boolean utrecht) {
        List<Address> region = new ArrayList<>(addresses.stream()
                .filter(a -> (a.latitude() > 51.98) == utrecht).toList());
        java.util.Collections.shuffle(region, random);
        return region.subList(0, Math.min(count, region.size()));
    }

    private long order(Address address, LocalDate day, int reference, Random random) {
        int startHour = address.opensAt() == null ? 8 : Math.max(address.opensAt().getHour(), 7) + random.nextInt(3);
        LocalTime from = LocalTime.of(Math.min(startHour, 13), 0);
        int pallets = 1 + random.nextInt(5);
        return orders.create(new Orders.OrderForm("DA-" + reference, address.id(), day, from, from.plusHours(3),
                pallets, pallets * 6 + random.nextInt(10), pallets * 420 + random.nextInt(300),
                BigDecimal.valueOf(pallets * 1.6).setScale(1, java.math.RoundingMode.HALF_UP), null), "Sanne Visser");
    }

    /** A finished trip of an earlier day, written directly: the trip rules do not allow days that passed. */
    private int history(LocalDate day, long site, long vehicle, long driver, List<Address> route, int reference,
                        Random random) {
        long trip = jdbc.sql("""
                        insert into transport_trip (day, site_id, vehicle_id, driver_id, planned_start, loading_started_at,
                               loaded_at, loaded_by, created_by, created_at)
                        values (:day, :site, :vehicle, :driver, :start, :loading, :loaded, 'Fatima el Idrissi',
                                'Sanne Visser', :created)
                        returning id
                        """)
                .param("day", day).param("site", site).param("vehicle", vehicle).param("driver", driver)
                .param("start", LocalTime.of(7, 0))
                .param("loading", Timestamp.from(day.atTime(5, 45).atZone(LOCAL).toInstant()))
                .param("loaded", Timestamp.from(day.atTime(6, 30).atZone(LOCAL).toInstant()))
                .param("created", Timestamp.from(day.minusDays(1).atTime(15, 0).atZone(LOCAL).toInstant()))
                .query(Long.class).single();
        // first when the driver was at each stop, then how long it took: a stop visited out of the loading
        // order takes longer, because its goods are not at the doors
        List<Long> orderIds = new ArrayList<>();
        List<LocalTime> times = new ArrayList<>();
        List<Boolean> problems = new ArrayList<>();
        for (Address address : route) {
            long order = order(address, day, ++reference, random);
            Order o = orders.find(order).orElseThrow();
            boolean problem = random.nextDouble() < 0.04;
            boolean late = !problem && random.nextDouble() < 0.14;
            orderIds.add(order);
            problems.add(problem);
            times.add(late ? o.windowTo().plusMinutes(5 + random.nextInt(50))
                    : o.windowFrom().plusMinutes(random.nextInt(170)).plusSeconds(random.nextInt(60)));
        }
        for (int i = 0; i < orderIds.size(); i++) {
            boolean inTurn = true;
            for (int j = 0; j < i; j++) {
                if (times.get(j).isAfter(times.get(i))) {
                    inTurn = false;
                }
            }
            boolean problem = problems.get(i);
            Timestamp when = Timestamp.from(day.atTime(times.get(i)).atZone(LOCAL).toInstant());
            int minutesAtStop = 8 + random.nextInt(6) + (inTurn ? 0 : 5 + random.nextInt(8));
            jdbc.sql("""
                            insert into transport_stop (trip_id, order_id, position, arrived_at, delivered_at, problem,
                                   problem_text, problem_at)
                            values (:trip, :order, :position, :arrived, :delivered, :problem, :text, :problemAt)
                            """)
                    .param("trip", trip).param("order", orderIds.get(i)).param("position", i + 1)
                    .param("arrived", Timestamp.from(when.toInstant().minusSeconds(60L * minutesAtStop)))
                    .param("delivered", problem ? null : when).param("problem", problem ? "NOBODY" : null)
                    .param("text", problem ? "Filiaal nog dicht, niemand nam op." : null)
                    .param("problemAt", problem ? when : null).update();
            jdbc.sql("update transport_order set status = :status where id = :id")
                    .param("status", problem ? "PROBLEM" : "DELIVERED").param("id", orderIds.get(i)).update();
        }
        return reference;
    }
}
