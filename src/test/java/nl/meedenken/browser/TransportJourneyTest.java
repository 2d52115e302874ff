package nl.meedenken.browser;

import nl.meedenken.TestLogins;
import nl.meedenken.TestPeople;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.SiteSummary;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.platform.Role;
import nl.meedenken.transport.internal.Address;
import nl.meedenken.transport.internal.Customers;
import nl.meedenken.transport.internal.Fleet;
import nl.meedenken.transport.internal.Orders;
import nl.meedenken.transport.internal.Stop;
import nl.meedenken.transport.internal.Trips;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A driver at a decentral site changes the order of stops on a phone, sees what it means
 * and confirms, and the warehouse's load list follows. At a central site the order cannot be
 * changed. A wish recorded at a stop reaches the next trip to that address once the planner
 * confirms it. A delivery sent twice is stored once, and one registered without a
 * connection arrives when the connection returns.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TransportJourneyTest {

    private static final String PASSWORD = "secret-password-1";

    static Browser driverPhone;
    static Browser office;

    @LocalServerPort
    int port;
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
    JdbcClient jdbc;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    @AfterAll
    static void close() {
        if (driverPhone != null) {
            driverPhone.close();
        }
        if (office != null) {
            office.close();
        }
    }

    private long site(String name) {
        return people.sites().stream().filter(s -> s.name().equals(name)).map(SiteSummary::id).findFirst().orElseThrow().value();
    }

    private String name(String login) {
        return people.find(new PersonId(TestLogins.personId(users, login))).map(PersonSummary::name).orElseThrow();
    }

    /** A driver with an account and today's trip from the site, to the given addresses in this order. */
    private long tripFor(String login, String site, List<Address> stops, int from) {
        long driver = TestLogins.personId(users, login);
        long vehicle = fleet.addVehicle("J-" + TestPeople.uniqueNumber(), site(site), 33, 24000);
        List<Long> ids = new ArrayList<>();
        for (Address a : stops) {
            ids.add(orders.create(new Orders.OrderForm("BT-" + TestPeople.uniqueNumber(), a.id(), trips.today(),
                    LocalTime.of(from, 0), LocalTime.of(from + 6, 0), 2, 12, 800, BigDecimal.valueOf(3), null), "test"));
        }
        return trips.create(new Trips.TripForm(trips.today(), vehicle, driver, LocalTime.of(6, 0), ids), "test");
    }

    @Test
    void driversOrderLoadListWishesRetriesAndABadConnection() {
        List<Address> utrecht = customers.allAddresses().stream()
                .filter(a -> a.city().equals("Utrecht") || a.city().equals("Zeist") || a.city().equals("Houten")).toList();
        String decentral = TestPeople.withAccount(people, accounts, PASSWORD, Role.DRIVER);
        String central = TestPeople.withAccount(people, accounts, PASSWORD, Role.DRIVER);
        // a clumsy order: back and forth between the cities
        List<Address> route = List.of(utrecht.get(0), utrecht.get(utrecht.size() - 1), utrecht.get(1),
                utrecht.get(utrecht.size() - 2), utrecht.get(2));
        long trip = tripFor(decentral, "Zwolle", route, 7);
        long centralTrip = tripFor(central, "Venlo", List.of(route.get(2), route.get(4)), 8);

        Browser phone = Browser.start(port);
        driverPhone = phone;
        phone.size(Browser.PHONE).signIn(decentral, PASSWORD);
        phone.open("/driver");
        assertThat(phone.text()).contains("Mijn rit", route.get(0).name(), "Chauffeur kiest de volgorde", "Volgorde van de stops wijzigen");
        assertThat(phone.overflowsSideways()).isFalse();
        phone.assertAccessible("driver's trip on a phone");
        phone.screenshot("driver-trip");

        // reorder: ask for a suggestion, look at the effect, move one stop, confirm
        phone.clickAndWait(By.linkText("Volgorde van de stops wijzigen"));
        assertThat(phone.text()).contains("Wat deze volgorde betekent", "Afstand", "Terug bij de vestiging", "Stops te laat");
        phone.clickAndWait(By.xpath("(//button[starts-with(@aria-label, 'Lager: ')])[1]"));
        assertThat(phone.find(By.cssSelector(".stop-list li:nth-child(2) p.fw-semibold")).getText())
                .isEqualTo(route.get(0).name());
        assertThat(phone.overflowsSideways()).isFalse();
        phone.assertAccessible("changing the order of stops");
        phone.screenshot("driver-order");
        phone.clickAndWait(By.xpath("//button[@value='suggest']"));
        String newKm = phone.find(By.cssSelector(".impact tbody tr:first-child td:last-child")).getText();
        String oldKm = phone.find(By.cssSelector(".impact tbody tr:first-child td:nth-child(2)")).getText();
        assertThat(Integer.parseInt(newKm.replaceAll("\\D", ""))).as("the suggestion drives less than the clumsy order")
                .isLessThan(Integer.parseInt(oldKm.replaceAll("\\D", "")));
        phone.screenshot("driver-order-suggested");
        phone.submit("Deze volgorde bevestigen");
        assertThat(phone.text()).contains("Opgeslagen.");
        List<Stop> confirmed = trips.stops(trip);
        assertThat(confirmed.stream().map(s -> s.address().id()).toList())
                .isNotEqualTo(route.stream().map(Address::id).toList());

        // the warehouse's load list follows: the driver's last stop is loaded first
        office = Browser.start(port);
        office.size(Browser.PHONE).signIn("warehouse", "demo");
        office.open("/transport/loading/" + trip);
        List<String> loadOrder = office.findAll(By.cssSelector(".stop-card p.fw-semibold")).stream()
                .map(e -> e.getText()).toList();
        assertThat(loadOrder.get(0)).startsWith(confirmed.get(confirmed.size() - 1).address().name());
        assertThat(loadOrder.get(loadOrder.size() - 1)).startsWith(confirmed.get(0).address().name());
        assertThat(office.text()).contains("Voorin, achter de cabine", "Achterin, bij de deuren");
        assertThat(office.overflowsSideways()).isFalse();
        office.assertAccessible("load list on a phone");
        office.screenshot("warehouse-load-list");

        // a wish at a stop whose address another trip visits too, recorded in two taps and a sentence
        Stop first = confirmed.get(0);
        Stop shared = confirmed.stream().filter(s -> s.address().id() == route.get(2).id()).findFirst().orElseThrow();
        phone.open("/driver/stops/" + shared.id());
        phone.click(By.cssSelector("label[for='kind-ACCESS']"));
        phone.type("wish-text", "Aanrijden via de achterkant, de voorkant is afgesloten.");
        phone.assertAccessible("a stop with the wish and problem forms");
        phone.screenshot("driver-stop");
        phone.submit("Wens opslaan");
        phone.waitForText("wacht op bevestiging door de planner", Duration.ofSeconds(15));

        // delivered, then the same request sent again (as a retry after a lost answer would)
        phone.open("/driver");
        String formSelector = "form[action='/driver/stops/" + first.id() + "/delivered']";
        String key = phone.find(By.cssSelector(formSelector + " input[name=key]")).getAttribute("value");
        phone.click(By.cssSelector(formSelector + " button"));
        phone.waitForText("Geleverd ", Duration.ofSeconds(15));
        Object replay = phone.runAsync("""
                var done = arguments[arguments.length - 1];
                var token = document.querySelector('meta[name="_csrf"]').content;
                var header = document.querySelector('meta[name="_csrf_header"]').content;
                var headers = {'X-Queued': '1', 'Content-Type': 'application/x-www-form-urlencoded'};
                headers[header] = token;
                fetch(arguments[0], {method: 'POST', headers: headers, credentials: 'same-origin',
                    body: 'key=' + arguments[1] + '&at=' + new Date().toISOString()}).then(function (r) { done(r.status); });
                """, "/driver/stops/" + first.id() + "/delivered", key);
        assertThat(replay).isEqualTo(204L);
        assertThat(jdbc.sql("select count(*) from transport_action where stop_id = :s and kind = 'DELIVERED'")
                .param("s", first.id()).query(Integer.class).single()).isEqualTo(1);
        var deliveredAt = trips.stops(trip).get(0).deliveredAt();
        assertThat(deliveredAt).isNotNull();

        // no connection: the tap is kept on the phone and sent once the connection is back
        Stop second = trips.stops(trip).get(1);
        phone.open("/driver");
        phone.offline(true);
        phone.click(By.cssSelector("form[action='/driver/stops/" + second.id() + "/delivered'] button"));
        phone.waitForText("is nog niet verstuurd", Duration.ofSeconds(10));
        assertThat(trips.stops(trip).get(1).deliveredAt()).isNull();
        phone.screenshot("driver-offline");
        phone.offline(false);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> trips.stops(trip).get(1).deliveredAt() != null);
        assertThat(trips.stops(trip).get(0).deliveredAt()).as("the first delivery kept its time").isEqualTo(deliveredAt);
        assertThat(jdbc.sql("select count(*) from transport_action where stop_id = :s").param("s", second.id())
                .query(Integer.class).single()).isEqualTo(1);

        // the planner confirms the wish; the next trip to that address shows it, at a central site
        office.signOutEverywhere();
        office.size(Browser.DESKTOP).signIn("planner", "demo");
        office.open("/transport/wishes");
        assertThat(office.text()).contains("Aanrijden via de achterkant", name(decentral));
        office.assertAccessible("wishes to confirm");
        office.screenshot("planner-wishes");
        office.click(By.cssSelector("button[aria-label='Bevestig de wens voor " + shared.address().name() + "']"));
        office.waitForText("De wens is bevestigd.", Duration.ofSeconds(10));

        phone.signOutEverywhere();
        phone.signIn(central, PASSWORD);
        phone.open("/driver");
        assertThat(phone.text()).contains("Planner kiest de volgorde", "Op jouw vestiging bepaalt de planner de volgorde van de stops.")
                .doesNotContain("Volgorde van de stops wijzigen");
        assertThat(phone.findAll(By.cssSelector("a[href='/driver/order']"))).isEmpty();
        assertThat(trips.stops(centralTrip)).anyMatch(s -> s.address().id() == shared.address().id());
        assertThat(phone.text()).contains("Aanrijden via de achterkant, de voorkant is afgesloten.");
        phone.assertAccessible("a trip at a central site");
        phone.screenshot("driver-trip-central");

        // the planner's day, the trip and the customer's record
        office.open("/transport");
        assertThat(office.text()).contains("Planning voor", "Ritten", name(decentral));
        office.assertAccessible("planner's day");
        office.screenshot("planner-day");
        office.open("/transport/trips/" + trip);
        assertThat(office.text()).contains("geleverd", "Chauffeur wijzigde de volgorde om");
        office.assertAccessible("a trip for the planner");
        office.screenshot("planner-trip");
        office.open("/transport/customers/" + first.address().customerId());
        assertThat(office.text()).contains("op tijd", "Leveringen in de laatste 30 dagen");
        office.assertAccessible("a customer");
        office.screenshot("planner-customer");
        office.open("/transport/trips/" + centralTrip);
        office.clickAndWait(By.linkText("Deze rit verwijderen…"));
        assertThat(office.text()).contains("Dit kun je niet terugdraaien.");
        office.assertAccessible("delete a trip");
        office.screenshot("planner-trip-delete");
        office.open("/transport/trips/new");
        office.assertAccessible("new trip");
        office.screenshot("planner-trip-new");
        office.open("/transport/orders");
        office.assertAccessible("orders");
        office.screenshot("planner-orders");
        office.open("/transport/orders/import");
        office.assertAccessible("order import");
        office.open("/transport/settings");
        office.assertAccessible("vehicles and sites");
        office.screenshot("planner-settings");
    }
}
