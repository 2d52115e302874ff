package nl.meedenken.transport;

import nl.meedenken.TestLogins;
import nl.meedenken.TestPeople;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.SiteSummary;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.platform.Role;
import nl.meedenken.transport.internal.Customers;
import nl.meedenken.transport.internal.Fleet;
import nl.meedenken.transport.internal.InvalidTransport;
import nl.meedenken.transport.internal.Orders;
import nl.meedenken.transport.internal.Steering;
import nl.meedenken.transport.internal.Stop;
import nl.meedenken.transport.internal.Trip;
import nl.meedenken.transport.internal.Trips;
import nl.meedenken.transport.internal.WishKind;
import nl.meedenken.transport.internal.Wishes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Orders, trips and the driver at the stop: capacity, steering modes, the load list, wishes,
 * retries stored once, and deliveries per customer.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TransportTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    People people;
    @Autowired
    Accounts accounts;
    @Autowired
    Customers customers;
    @Autowired
    Fleet fleet;
    @Autowired
    Orders orders;
    @Autowired
    Trips trips;
    @Autowired
    Wishes wishes;
    @Autowired
    nl.meedenken.transport.internal.StopActions actions;
    @Autowired
    JdbcClient jdbc;

    record Setup(String driverLogin, long driverId, long vehicle, List<Long> addresses, long customer) {
    }

    private long site(String name) {
        return people.sites().stream().filter(s -> s.name().equals(name)).map(SiteSummary::id).findFirst().orElseThrow().value();
    }

    /** A customer with three addresses, a vehicle at the named site and a driver with an account. */
    private Setup setup(String siteName, int pallets) {
        String login = TestPeople.withAccount(people, accounts, "secret-password-1", Role.DRIVER);
        long driver = TestLogins.personId(users, login);
        long vehicle = fleet.addVehicle("T-" + TestPeople.uniqueNumber(), site(siteName), pallets, 20000);
        long customer = customers.create("Klant " + TestPeople.uniqueNumber());
        List<Long> addresses = new ArrayList<>();
        double[][] places = {{52.09, 5.12}, {51.92, 4.48}, {52.03, 5.08}};
        for (int i = 0; i < places.length; i++) {
            addresses.add(customers.addAddress(customer, new Customers.NewAddress("Filiaal " + i, "Straat " + i, "1234 AB",
                    "Stad", "NL", places[i][0], places[i][1], LocalTime.of(6, 0), LocalTime.of(20, 0), null)));
        }
        return new Setup(login, driver, vehicle, addresses, customer);
    }

    private long order(long address, LocalDate day, int pallets) {
        return orders.create(new Orders.OrderForm("R-" + TestPeople.uniqueNumber(), address, day, LocalTime.of(8, 0),
                LocalTime.of(12, 0), pallets, 10, pallets * 400, BigDecimal.ONE, null), "test");
    }

    private long trip(Setup s, int... pallets) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < pallets.length; i++) {
            ids.add(order(s.addresses().get(i % s.addresses().size()), trips.today(), pallets[i]));
        }
        return trips.create(new Trips.TripForm(trips.today(), s.vehicle(), s.driverId(), LocalTime.of(7, 0), ids), "test");
    }

    @Test
    void aTripThatDoesNotFitTheVehicleIsRefusedWithTheNumbers() {
        Setup s = setup("Zwolle", 10);
        List<Long> ids = List.of(order(s.addresses().get(0), trips.today(), 6), order(s.addresses().get(1), trips.today(), 5));
        assertThatThrownBy(() -> trips.create(new Trips.TripForm(trips.today(), s.vehicle(), s.driverId(),
                LocalTime.of(7, 0), ids), "test"))
                .isInstanceOf(InvalidTransport.class)
                .hasFieldOrPropertyWithValue("messageKey", "transport.error.tooManyPallets")
                .extracting(e -> ((InvalidTransport) e).arguments()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.ARRAY)
                .contains(11, 10);
        assertThat(orders.find(ids.get(0)).orElseThrow().status().name()).as("nothing was planned").isEqualTo("OPEN");
    }

    @Test
    void atACentralSiteOnlyThePlannerOrdersTheStops() throws Exception {
        Setup s = setup("Venlo", 30);
        long trip = trip(s, 2, 2, 2);
        List<Long> reversed = new ArrayList<>(trips.stops(trip).stream().map(Stop::id).toList());
        java.util.Collections.reverse(reversed);
        assertThatThrownBy(() -> trips.reorderByDriver(trip, s.driverId(), reversed))
                .hasFieldOrPropertyWithValue("messageKey", "transport.error.centralSteering");
        String page = mvc.perform(get("/driver").with(TestLogins.as(users, s.driverLogin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("/driver/order").contains("bepaalt de planner de volgorde");
        mvc.perform(post("/driver/order").with(csrf()).with(TestLogins.as(users, s.driverLogin()))
                .param("order", "").param("go", "confirm")).andExpect(status().is3xxRedirection());
        trips.reorderByPlanner(trip, reversed);
        assertThat(trips.stops(trip).stream().map(Stop::id).toList()).isEqualTo(reversed);
    }

    @Test
    void atADecentralSiteTheDriversOrderHoldsUntilLoadingStarts() throws Exception {
        Setup s = setup("Zwolle", 30);
        long trip = trip(s, 1, 2, 3);
        List<Long> original = trips.stops(trip).stream().map(Stop::id).toList();
        List<Long> reversed = new ArrayList<>(original);
        java.util.Collections.reverse(reversed);
        mvc.perform(post("/driver/order").with(csrf()).with(TestLogins.as(users, s.driverLogin()))
                        .param("order", reversed.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow())
                        .param("go", "confirm"))
                .andExpect(status().is3xxRedirection());
        assertThat(trips.stops(trip).stream().map(Stop::id).toList()).isEqualTo(reversed);
        assertThat(trips.find(trip).orElseThrow().reorderedAt()).isNotNull();
        // the load list is the reverse of the stop order: the driver's last stop (the first order) goes in first
        String loadList = mvc.perform(get("/transport/loading/" + trip).with(TestLogins.as(users, "warehouse")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(loadList.indexOf("1 pallet,")).isLessThan(loadList.indexOf("3 pallets"));

        trips.startLoading(trip, "test");
        assertThatThrownBy(() -> trips.reorderByDriver(trip, s.driverId(), original))
                .hasFieldOrPropertyWithValue("messageKey", "transport.error.loadingStarted");
        assertThatThrownBy(() -> trips.reorderByPlanner(trip, original))
                .hasFieldOrPropertyWithValue("messageKey", "transport.error.loadingStarted");
    }

    @Test
    void aDeliveryRegisteredTwiceIsStoredOnceWithTheTimeOfTheFirstTap() throws Exception {
        Setup s = setup("Zwolle", 30);
        long trip = trip(s, 2);
        long stop = trips.stops(trip).get(0).id();
        String key = UUID.randomUUID().toString();
        Instant tapped = Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        for (int attempt = 0; attempt < 3; attempt++) {
            mvc.perform(post("/driver/stops/" + stop + "/delivered").with(csrf()).with(TestLogins.as(users, s.driverLogin()))
                    .header("X-Queued", "1").param("key", key)
                    .param("at", attempt == 0 ? tapped.toString() : Instant.now().toString()))
                    .andExpect(status().isNoContent());
        }
        assertThat(jdbc.sql("select count(*) from transport_action where stop_id = :s").param("s", stop)
                .query(Integer.class).single()).isEqualTo(1);
        Stop delivered = trips.stops(trip).get(0);
        assertThat(delivered.deliveredAt()).isEqualTo(tapped);
        assertThat(delivered.order().status().name()).isEqualTo("DELIVERED");
    }

    @Test
    void aDriverActsOnlyOnTheirOwnStops() throws Exception {
        Setup mine = setup("Zwolle", 30);
        Setup other = setup("Zwolle", 30);
        long trip = trip(other, 2);
        long stop = trips.stops(trip).get(0).id();
        mvc.perform(post("/driver/stops/" + stop + "/delivered").with(csrf()).with(TestLogins.as(users, mine.driverLogin()))
                .param("key", UUID.randomUUID().toString())).andExpect(status().isNotFound());
        mvc.perform(get("/driver/stops/" + stop).with(TestLogins.as(users, mine.driverLogin())))
                .andExpect(status().isNotFound());
        assertThat(trips.stops(trip).get(0).deliveredAt()).isNull();
    }

    @Test
    void aWishFromTheDriverShowsOnLaterStopsOnlyOnceAPlannerConfirmsIt() throws Exception {
        Setup s = setup("Zwolle", 30);
        long trip = trip(s, 1);
        Stop stop = trips.stops(trip).get(0);
        String text = "Bel aan bij de zijdeur " + TestPeople.uniqueNumber();
        mvc.perform(post("/driver/stops/" + stop.id() + "/wish").with(csrf()).with(TestLogins.as(users, s.driverLogin()))
                .param("key", UUID.randomUUID().toString()).param("kind", "ACCESS").param("text", text))
                .andExpect(status().is3xxRedirection());
        long order = order(stop.address().id(), trips.today().plusDays(1), 1);
        String before = mvc.perform(get("/transport/orders/" + order).with(TestLogins.as(users, "planner")))
                .andReturn().getResponse().getContentAsString();
        assertThat(before).doesNotContain(text);
        var waiting = wishes.waiting().stream().filter(w -> w.text().equals(text)).findFirst().orElseThrow();
        assertThat(waiting.recordedBy()).startsWith("Test ");
        mvc.perform(post("/transport/wishes/" + waiting.id()).with(csrf()).with(TestLogins.as(users, "planner"))
                .param("decision", "confirm")).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/transport/orders/" + order).with(TestLogins.as(users, "planner")))
                .andReturn().getResponse().getContentAsString()).contains(text);
        assertThat(mvc.perform(get("/driver").with(TestLogins.as(users, s.driverLogin())))
                .andReturn().getResponse().getContentAsString()).contains(text);
    }

    @Test
    void theImportChecksEveryLineAndImportsAllOrNothing() {
        Setup s = setup("Zwolle", 30);
        String customer = customers.find(s.customer()).orElseThrow().name();
        String existing = orders.find(order(s.addresses().get(0), trips.today(), 1)).orElseThrow().reference();
        String ref = "IMP-" + TestPeople.uniqueNumber();
        String bad = "reference;customer;address;date;from;to;pallets\n"
                + ref + "-1;" + customer + ";Filiaal 0;2026-12-01;08:00;10:00;2\n"
                + existing + ";" + customer + ";Filiaal 1;2026-12-01;08:00;10:00;2\n"
                + ref + "-3;Onbekend;Filiaal 1;2026-12-01;08:00;10:00;2\n"
                + ref + "-1;" + customer + ";Filiaal 2;2026-13-01;10:00;08:00;x\n";
        var outcome = orders.importCsv(bad, "test");
        assertThat(outcome.imported()).isZero();
        assertThat(outcome.problems()).extracting(Orders.LineProblem::line, Orders.LineProblem::messageKey).contains(
                org.assertj.core.groups.Tuple.tuple(3, "transport.import.referenceExists"),
                org.assertj.core.groups.Tuple.tuple(4, "transport.import.unknownCustomer"),
                org.assertj.core.groups.Tuple.tuple(5, "transport.import.badValue"),
                org.assertj.core.groups.Tuple.tuple(5, "input.number.invalid"),
                org.assertj.core.groups.Tuple.tuple(5, "transport.import.referenceTwice"));
        assertThat(orders.search(null, null, ref, 0).total()).as("nothing of the file was imported").isZero();

        String good = "reference,customer,address,date,from,to,pallets,colli,weight_kg,volume_m3,remarks\n"
                + ref + "-A," + customer + ",Filiaal 0,2026-12-01,08:00,10:00,2,12,800,\"3,5\",achterom\n"
                + ref + "-B," + customer + ",filiaal 2,2026-12-01,13:00,16:00,1,6,300,1.5,\n";
        var imported = orders.importCsv(good, "test");
        assertThat(imported.problems()).isEmpty();
        assertThat(imported.imported()).isEqualTo(2);
        var a = orders.search(null, null, ref + "-A", 0).items().get(0);
        assertThat(a.volume()).isEqualByComparingTo("3.5");
        assertThat(a.remarks()).isEqualTo("achterom");
        assertThat(a.windowTo()).isEqualTo(LocalTime.of(10, 0));
    }

    @Test
    void theImportReadsNumbersAsTheUploaderWritesThemAndKeepsTheLettersOfEveryEncoding() {
        long customerId = customers.create("Klant " + TestPeople.uniqueNumber());
        customers.addAddress(customerId, new Customers.NewAddress("Filiaal 0", "Straat 0", "1234 AB", "Stad", "NL",
                52.09, 5.12, LocalTime.of(6, 0), LocalTime.of(20, 0), null));
        String customer = customers.find(customerId).orElseThrow().name();
        String header = "reference;customer;address;date;from;to;pallets;colli;weight_kg;volume_m3;remarks\n";
        int n = 0;
        for (java.nio.charset.Charset charset : List.of(java.nio.charset.StandardCharsets.ISO_8859_1,
                java.nio.charset.StandardCharsets.UTF_16, java.nio.charset.StandardCharsets.UTF_8)) {
            String ref = "ENC-" + TestPeople.uniqueNumber() + "-" + n++;
            String file = (charset == java.nio.charset.StandardCharsets.UTF_8 ? "\uFEFF" : "") + header
                    + ref + ";" + customer + ";Filiaal 0;2026-12-01;08:00;10:00;6;40;3.200;9,5;café achterom\n";
            var outcome = orders.importCsv(file.getBytes(charset), java.util.Locale.forLanguageTag("nl"), "test");
            assertThat(outcome.problems()).as(charset.name()).isEmpty();
            var imported = orders.search(null, null, ref, 0).items().get(0);
            assertThat(imported.weightKg()).isEqualTo(3200);
            assertThat(imported.volume()).isEqualByComparingTo("9.5");
            assertThat(imported.remarks()).isEqualTo("café achterom");
        }
    }

    @Test
    void anUploadedLatin1OrderFileKeepsItsLettersAndDutchThousands() throws Exception {
        long customerId = customers.create("Klant " + TestPeople.uniqueNumber());
        customers.addAddress(customerId, new Customers.NewAddress("Filiaal 0", "Straat 0", "1234 AB", "Stad", "NL",
                52.09, 5.12, LocalTime.of(6, 0), LocalTime.of(20, 0), null));
        String customer = customers.find(customerId).orElseThrow().name();
        String ref = "UPL-" + TestPeople.uniqueNumber();
        String file = "reference;customer;address;date;from;to;pallets;weight_kg;remarks\n"
                + ref + ";" + customer + ";Filiaal 0;2026-12-01;08:00;10:00;6;3.200;bij het café achterom\n";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/transport/orders/import")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "orders.csv", "text/csv",
                                file.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
                        .with(csrf()).with(TestLogins.as(users, "planner")))
                .andExpect(status().is3xxRedirection());
        var order = orders.search(null, null, ref, 0).items().get(0);
        assertThat(order.weightKg()).isEqualTo(3200);
        assertThat(order.remarks()).isEqualTo("bij het café achterom");
    }

    @Test
    void theOrderFormReadsDutchThousandsAndSaysNextToTheFieldWhatIsAmbiguous() throws Exception {
        long customerId = customers.create("Klant " + TestPeople.uniqueNumber());
        long address = customers.addAddress(customerId, new Customers.NewAddress("Filiaal 0", "Straat 0", "1234 AB",
                "Stad", "NL", 52.09, 5.12, LocalTime.of(6, 0), LocalTime.of(20, 0), null));
        String ref = "FRM-" + TestPeople.uniqueNumber();
        java.util.function.Function<String, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder> order =
                kg -> post("/transport/orders").with(csrf()).with(TestLogins.as(users, "planner"))
                        .param("reference", ref).param("addressId", String.valueOf(address))
                        .param("requestedOn", trips.today().plusDays(1).toString()).param("windowFrom", "08:00")
                        .param("windowTo", "12:00").param("pallets", "2").param("colli", "0").param("weightKg", kg)
                        .param("volume", "1,5");
        String refused = mvc.perform(order.apply("3,200")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        org.jsoup.nodes.Element note = org.jsoup.Jsoup.parse(refused).selectFirst("#weightKg ~ .field-error");
        assertThat(note).isNotNull();
        assertThat(note.text()).contains("op twee manieren", "3.200 of 3200");
        assertThat(orders.search(null, null, ref, 0).total()).isZero();
        mvc.perform(order.apply("3.200")).andExpect(status().is3xxRedirection());
        var saved = orders.search(null, null, ref, 0).items().get(0);
        assertThat(saved.weightKg()).isEqualTo(3200);
        assertThat(saved.volume()).isEqualByComparingTo("1.5");
    }

    @Test
    void theImportRefusesWhatItCannotReadForCertain() {
        long customerId = customers.create("Klant " + TestPeople.uniqueNumber());
        customers.addAddress(customerId, new Customers.NewAddress("Filiaal 0", "Straat 0", "1234 AB", "Stad", "NL",
                52.09, 5.12, LocalTime.of(6, 0), LocalTime.of(20, 0), null));
        String customer = customers.find(customerId).orElseThrow().name();
        String ref = "BAD-" + TestPeople.uniqueNumber();
        java.util.function.Function<String, List<Orders.LineProblem>> run = text -> orders.importCsv(
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.util.Locale.forLanguageTag("nl"), "test").problems();

        assertThat(run.apply("reference;customer;address;date;from;to;pallets;pallets;colour\n" + ref + ";x;y;2026-12-01;08:00;10:00;1;1;red\n"))
                .extracting(Orders.LineProblem::line, Orders.LineProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "input.csv.duplicateColumn"),
                        org.assertj.core.groups.Tuple.tuple(1, "input.csv.unknownColumn"));
        String header = "reference;customer;address;date;from;to;pallets;weight_kg;volume_m3;remarks\n";
        String start = ";" + customer + ";Filiaal 0;";
        assertThat(run.apply(header
                + ref + "-1" + start + "2026-12-01;08:00;10:00;2;3,200;1;\n"
                + ref + "-2" + start + "2026-12-01;08:00;10:00;2;800;0,001;\n"
                + ref + "-3" + start + "1926-12-01;08:00;10:00;2;800;1;\n"
                + ref + "-4" + start + "2026-12-01;08:00;10:00;2,5;800;1;\n"
                + ref + "-5" + start + "2026-12-01;08:00;10:00;2;800;1;\"open\n"))
                .extracting(Orders.LineProblem::line, Orders.LineProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "input.number.ambiguous"),
                        org.assertj.core.groups.Tuple.tuple(3, "input.number.roundsToZero"),
                        org.assertj.core.groups.Tuple.tuple(4, "input.csv.yearOutOfRange"),
                        org.assertj.core.groups.Tuple.tuple(5, "input.number.whole"),
                        org.assertj.core.groups.Tuple.tuple(6, "input.csv.unbalancedQuote"));
        StringBuilder many = new StringBuilder(header);
        for (int i = 0; i <= Orders.MAX_ROWS; i++) {
            many.append(ref).append("-m").append(i).append(start).append("2026-12-01;08:00;10:00;1;1;1;\n");
        }
        assertThat(run.apply(many.toString())).extracting(Orders.LineProblem::messageKey).contains("input.csv.tooManyRows");
        assertThat(orders.search(null, null, ref, 0).total()).as("nothing of the files was imported").isZero();
    }

    @Test
    void aDuplicateReferenceIsRefusedWhenEnteredByHand() {
        Setup s = setup("Zwolle", 30);
        String reference = orders.find(order(s.addresses().get(0), trips.today(), 1)).orElseThrow().reference();
        assertThatThrownBy(() -> orders.create(new Orders.OrderForm(reference, s.addresses().get(1), trips.today(),
                LocalTime.of(8, 0), LocalTime.of(9, 0), 1, 0, 0, null, null), "test"))
                .hasFieldOrPropertyWithValue("messageKey", "transport.error.referenceExists");
    }

    @Test
    void aCustomersHistoryComparesTheWindowWithTheActualTime() throws Exception {
        Setup s = setup("Zwolle", 30);
        long trip = trip(s, 1, 1, 1);
        List<Stop> stops = trips.stops(trip);
        LocalDate today = trips.today();
        // two in the window (08:00-12:00), one late
        actions.delivered(UUID.randomUUID(), stops.get(0).id(), s.driverId(), null);
        jdbc.sql("update transport_stop set delivered_at = :at where id = :s")
                .param("at", java.sql.Timestamp.from(today.atTime(9, 15).atZone(java.time.ZoneId.of("Europe/Amsterdam")).toInstant()))
                .param("s", stops.get(0).id()).update();
        actions.delivered(UUID.randomUUID(), stops.get(1).id(), s.driverId(), null);
        jdbc.sql("update transport_stop set delivered_at = :at where id = :s")
                .param("at", java.sql.Timestamp.from(today.atTime(11, 59).atZone(java.time.ZoneId.of("Europe/Amsterdam")).toInstant()))
                .param("s", stops.get(1).id()).update();
        actions.delivered(UUID.randomUUID(), stops.get(2).id(), s.driverId(), null);
        jdbc.sql("update transport_stop set delivered_at = :at where id = :s")
                .param("at", java.sql.Timestamp.from(today.atTime(12, 40).atZone(java.time.ZoneId.of("Europe/Amsterdam")).toInstant()))
                .param("s", stops.get(2).id()).update();
        var history = customers.history(s.customer(), 30);
        assertThat(history.delivered()).isEqualTo(3);
        assertThat(history.onTime()).isEqualTo(2);
        assertThat(history.onTimePercentage()).isEqualTo(67);
        assertThat(mvc.perform(get("/transport/customers/" + s.customer()).param("page", "7")
                        .with(TestLogins.as(users, "planner")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("67% op tijd: 2 van de 3 leveringen binnen het tijdvak.", "12:40:00");
        assertThat(trips.plan(trips.find(trip).orElseThrow()).lateStops()).hasSize(1)
                .allSatisfy(stop -> assertThat(stop.minutesLate()).isEqualTo(40));
    }

    @Test
    void managementSetsTheSteeringModeOfASite() throws Exception {
        long venlo = site("Venlo");
        mvc.perform(post("/transport/settings/sites/" + venlo).with(csrf()).with(TestLogins.as(users, "planner"))
                .param("steering", "DECENTRAL")).andExpect(status().isForbidden());
        assertThat(fleet.site(venlo).steering()).isEqualTo(Steering.CENTRAL);
        mvc.perform(post("/transport/settings/sites/" + venlo).with(csrf()).with(TestLogins.as(users, "manager"))
                        .param("steering", "CENTRAL").param("depotLat", "51.3967").param("depotLon", "6.1402"))
                .andExpect(status().is3xxRedirection());
        assertThat(fleet.site(venlo).depotKnown()).isTrue();
        // Dutch notation; 6,140 cannot be six thousand as a longitude, so it is 6.14 and not ambiguous
        mvc.perform(post("/transport/settings/sites/" + venlo).with(csrf()).with(TestLogins.as(users, "manager"))
                        .param("steering", "CENTRAL").param("depotLat", "51,3967").param("depotLon", "6,140"))
                .andExpect(status().is3xxRedirection());
        assertThat(fleet.site(venlo).depotLat()).isEqualTo(51.3967);
        assertThat(fleet.site(venlo).depotLon()).isEqualTo(6.14);
        mvc.perform(post("/transport/settings/sites/" + venlo).with(csrf()).with(TestLogins.as(users, "manager"))
                        .param("steering", "CENTRAL").param("depotLat", "51.39.67").param("depotLon", "6.1402"))
                .andExpect(status().isOk());
        assertThat(fleet.site(venlo).depotLat()).as("an unreadable latitude changes nothing").isEqualTo(51.3967);
        mvc.perform(post("/transport/settings/sites/" + venlo).with(csrf()).with(TestLogins.as(users, "manager"))
                .param("steering", "CENTRAL").param("depotLat", "51.3967").param("depotLon", "6.1402"));
    }

    @Test
    void improvingTheAppOpensANewIdeaAboutICTNamingTheScreen() throws Exception {
        String page = mvc.perform(get("/ideas/new").param("tool", "Mijn rit").with(TestLogins.as(users, "driver"))
                .requestAttr("meedenken-lang", java.util.Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("About the screen &quot;Mijn rit&quot; in Meedenken:");
        assertThat(page).containsPattern("value=\"ICT_TOOLS\"\\s+checked");
    }

    @Test
    void everyTransportPageOpensForItsPersonas() throws Exception {
        Setup s = setup("Zwolle", 30);
        long trip = trip(s, 1, 1);
        Trip t = trips.find(trip).orElseThrow();
        long order = trips.stops(trip).get(0).order().id();
        for (String path : List.of("/transport", "/transport?day=2026-01-01", "/transport/trips/new", "/transport/trips/" + trip,
                "/transport/orders", "/transport/orders?q=Filiaal&status=PLANNED", "/transport/orders/new",
                "/transport/orders/" + order, "/transport/orders/" + order + "/edit", "/transport/orders/import",
                "/transport/customers", "/transport/customers/" + s.customer(), "/transport/wishes",
                "/transport/settings", "/transport/loading", "/transport/loading/" + t.id())) {
            mvc.perform(get(path).with(TestLogins.as(users, "planner"))).andExpect(status().isOk());
        }
        for (String path : List.of("/driver", "/driver/order", "/driver/stops/" + trips.stops(trip).get(0).id())) {
            mvc.perform(get(path).with(TestLogins.as(users, s.driverLogin()))).andExpect(status().isOk());
        }
        mvc.perform(get("/").with(TestLogins.as(users, s.driverLogin()))).andExpect(status().isOk());
        mvc.perform(get("/").with(TestLogins.as(users, "warehouse"))).andExpect(status().isOk());
        mvc.perform(get("/").with(TestLogins.as(users, "planner"))).andExpect(status().isOk());
    }

    @Test
    void anOrderGoesOnOneTripOnlyAndUnknownOrdersAreRefused() {
        Setup s = setup("Zwolle", 30);
        Setup other = setup("Zwolle", 30);
        long order = order(s.addresses().get(0), trips.today(), 1);
        trips.create(new Trips.TripForm(trips.today(), s.vehicle(), s.driverId(), LocalTime.of(7, 0), List.of(order)), "test");
        assertThatThrownBy(() -> trips.create(new Trips.TripForm(trips.today(), other.vehicle(), other.driverId(),
                LocalTime.of(7, 0), List.of(order)), "test"))
                .hasFieldOrPropertyWithValue("messageKey", "transport.error.orderTaken");
        assertThatThrownBy(() -> trips.create(new Trips.TripForm(trips.today(), other.vehicle(), other.driverId(),
                LocalTime.of(7, 0), List.of(order(other.addresses().get(0), trips.today(), 1), -5L)), "test"))
                .hasFieldOrPropertyWithValue("messageKey", "transport.error.orderGone");
        java.util.List<Long> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> trips.create(new Trips.TripForm(trips.today(), other.vehicle(), other.driverId(),
                LocalTime.of(7, 0), withNull), "test"))
                .hasFieldOrPropertyWithValue("messageKey", "transport.error.noOrders");
    }

    @Test
    void aKeyCannotBeReusedForAnotherStopAndARefusedWishDoesNotUseUpItsKey() throws Exception {
        Setup s = setup("Zwolle", 30);
        long trip = trip(s, 1, 1);
        List<Stop> stops = trips.stops(trip);
        String key = UUID.randomUUID().toString();
        mvc.perform(post("/driver/stops/" + stops.get(0).id() + "/delivered").with(csrf())
                .with(TestLogins.as(users, s.driverLogin())).header("X-Queued", "1").param("key", key))
                .andExpect(status().isNoContent());
        mvc.perform(post("/driver/stops/" + stops.get(1).id() + "/delivered").with(csrf())
                .with(TestLogins.as(users, s.driverLogin())).header("X-Queued", "1").param("key", key))
                .andExpect(status().isConflict());
        assertThat(trips.stops(trip).get(1).deliveredAt()).isNull();

        String wishKey = UUID.randomUUID().toString();
        mvc.perform(post("/driver/stops/" + stops.get(1).id() + "/wish").with(csrf())
                .with(TestLogins.as(users, s.driverLogin())).header("X-Queued", "1")
                .param("key", wishKey).param("kind", "TIMING").param("text", " "))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/driver/stops/" + stops.get(1).id() + "/wish").with(csrf())
                .with(TestLogins.as(users, s.driverLogin())).header("X-Queued", "1")
                .param("key", wishKey).param("kind", "TIMING").param("text", "Na tienen graag"))
                .andExpect(status().isNoContent());
        assertThat(wishes.waiting()).anyMatch(w -> w.text().equals("Na tienen graag")
                && w.addressId() == stops.get(1).address().id());
    }

    @Test
    void aPlannedOrderStaysWithinTheVehicleAndIsFixedOnceLoadingStarts() {
        Setup s = setup("Zwolle", 10);
        long trip = trip(s, 4, 4);
        Stop stop = trips.stops(trip).get(0);
        Orders.OrderForm bigger = new Orders.OrderForm(stop.order().reference(), stop.address().id(), trips.today(),
                LocalTime.of(8, 0), LocalTime.of(12, 0), 7, 10, 800, BigDecimal.ONE, null);
        assertThatThrownBy(() -> orders.change(stop.order().id(), bigger))
                .hasFieldOrPropertyWithValue("messageKey", "transport.error.tooManyPallets");
        Orders.OrderForm fits = new Orders.OrderForm(stop.order().reference(), stop.address().id(), trips.today(),
                LocalTime.of(8, 0), LocalTime.of(12, 0), 6, 10, 800, BigDecimal.ONE, null);
        orders.change(stop.order().id(), fits);
        trips.startLoading(trip, "test");
        assertThatThrownBy(() -> orders.change(stop.order().id(), fits))
                .hasFieldOrPropertyWithValue("messageKey", "transport.error.loadingStarted");
    }

    @Test
    void aStopTheDriverVisitedStaysOnTheTrip() {
        Setup s = setup("Zwolle", 30);
        long trip = trip(s, 1, 1);
        Stop stop = trips.stops(trip).get(0);
        actions.arrived(UUID.randomUUID(), stop.id(), s.driverId(), null);
        assertThatThrownBy(() -> trips.removeStop(trip, stop.id()))
                .hasFieldOrPropertyWithValue("messageKey", "transport.error.stopVisited");
        Stop other = trips.stops(trip).get(1);
        trips.removeStop(trip, other.id());
        assertThat(orders.find(other.order().id()).orElseThrow().status().name()).isEqualTo("OPEN");
    }

    @Test
    void warehouseStaffSeeOnlyTheirOwnSitesTrips() throws Exception {
        Setup venlo = setup("Venlo", 30);
        long trip = trip(venlo, 1);
        mvc.perform(get("/transport/loading/" + trip).with(TestLogins.as(users, "warehouse")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/transport/loading/" + trip + "/start").with(csrf()).with(TestLogins.as(users, "warehouse")))
                .andExpect(status().isNotFound());
        assertThat(trips.find(trip).orElseThrow().loadingStartedAt()).isNull();
        mvc.perform(get("/transport/loading/" + trip).with(TestLogins.as(users, "council")))
                .andExpect(status().isOk());
    }

    @Test
    void aDepotNeedsBothCoordinates() {
        assertThatThrownBy(() -> fleet.configure(site("Venlo"), Steering.CENTRAL, 51.39, null, "test"))
                .hasFieldOrPropertyWithValue("messageKey", "transport.error.depotBoth");
    }

    @Test
    void aPlannerDeletesATripBeforeAnyStopIsVisitedAndItsOrdersCanBePlannedAgain() throws Exception {
        Setup s = setup("Zwolle", 30);
        long trip = trip(s, 1, 2);
        List<Long> orderIds = trips.stops(trip).stream().map(st -> st.order().id()).toList();
        mvc.perform(get("/transport/trips/" + trip + "/delete").with(TestLogins.as(users, "planner")))
                .andExpect(status().isOk());
        mvc.perform(post("/transport/trips/" + trip + "/delete").with(csrf()).with(TestLogins.as(users, s.driverLogin())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/transport/trips/" + trip + "/delete").with(csrf()).with(TestLogins.as(users, "planner")))
                .andExpect(status().is3xxRedirection());
        assertThat(trips.find(trip)).isEmpty();
        assertThat(orders.byIds(orderIds)).allSatisfy(o -> assertThat(o.status().name()).isEqualTo("OPEN"));

        long visited = trip(s, 1);
        actions.arrived(UUID.randomUUID(), trips.stops(visited).get(0).id(), s.driverId(), null);
        assertThatThrownBy(() -> trips.delete(visited)).hasFieldOrPropertyWithValue("messageKey", "transport.error.tripVisited");
    }

    // ---- what reaches whom

    @Test
    void theDriverIsToldOnceWhenThePlannerChangesTheTripAfterTheyOpenedItAndAgainAfterTheyLookAgain() throws Exception {
        Setup s = setup("Zwolle", 30);
        long trip = trip(s, 2, 3);
        Setup other = setup("Zwolle", 30);
        long unseen = trip(other, 2);
        long planner = TestLogins.personId(users, "planner");
        java.util.function.IntSupplier told = () -> nl.meedenken.TestNotices.told(jdbc, s.driverId(),
                "transport.notify.tripChanged", "/driver");

        // a change before the driver looked tells nothing: what they will open is already the new trip
        nl.meedenken.TestNotices.run(planner, () -> trips.addOrders(trip, List.of(order(s.addresses().get(2), trips.today(), 1))));
        assertThat(told.getAsInt()).isZero();

        mvc.perform(get("/driver").with(TestLogins.as(users, s.driverLogin()))).andExpect(status().isOk());
        nl.meedenken.TestNotices.run(planner, () -> trips.addOrders(trip, List.of(order(s.addresses().get(0), trips.today(), 1))));
        List<Long> stops = new ArrayList<>(trips.stops(trip).stream().map(Stop::id).toList());
        java.util.Collections.reverse(stops);
        nl.meedenken.TestNotices.run(planner, () -> trips.reorderByPlanner(trip, stops));
        assertThat(told.getAsInt()).as("two changes before the driver looks again: told once").isEqualTo(1);

        mvc.perform(get("/driver").with(TestLogins.as(users, s.driverLogin()))).andExpect(status().isOk());
        nl.meedenken.TestNotices.run(planner, () -> trips.removeStop(trip, trips.stops(trip).get(0).id()));
        assertThat(told.getAsInt()).isEqualTo(2);

        assertThat(nl.meedenken.TestNotices.told(jdbc, planner, "transport.notify.tripChanged", "/driver")).isZero();
        nl.meedenken.TestNotices.run(planner, () -> trips.addOrders(unseen,
                List.of(order(other.addresses().get(1), trips.today(), 1))));
        assertThat(nl.meedenken.TestNotices.told(jdbc, other.driverId(), "transport.notify.tripChanged", "/driver"))
                .as("the other driver never opened their trip").isZero();
    }
}
