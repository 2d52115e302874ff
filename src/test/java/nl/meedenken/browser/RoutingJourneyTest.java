package nl.meedenken.browser;

import nl.meedenken.TestPeople;
import nl.meedenken.routing.internal.DayPlanner;
import nl.meedenken.transport.internal.Address;
import nl.meedenken.transport.internal.Customers;
import nl.meedenken.transport.internal.Orders;
import nl.meedenken.transport.internal.Trips;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planner optimises the demo company's next day, watches the optimiser work, stops it early,
 * reads why stops are late, and applies the proposal; the trips then stand on the planning page.
 * Tomorrow's two dozen demo orders are the day: today's trips belong to other journeys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoutingJourneyTest {

    static Browser planner;

    @LocalServerPort
    int port;
    @Autowired
    Trips trips;
    @Autowired
    DayPlanner dayPlanner;
    @Autowired
    Customers customers;
    @Autowired
    Orders orders;
    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void close() {
        if (planner != null) {
            planner.close();
        }
    }

    @Test
    void thePlannerOptimisesTheDemoDayAndAppliesTheProposal() {
        LocalDate tomorrow = trips.today().plusDays(1);
        int tripsBefore = trips.ofDay(tomorrow).size();
        planner = Browser.start(port);
        planner.size(Browser.DESKTOP).signIn("planner", "demo");

        planner.open("/routing?day=" + tomorrow);
        assertThat(planner.heading()).isEqualTo("Routes optimaliseren");
        assertThat(planner.text()).contains("orders te plannen", "vrije wagens");
        planner.assertAccessible("routing start");
        planner.screenshot("routing-start");

        // a shift that ends before it starts is refused, next to the field
        planner.setValue("day", tomorrow.toString());
        planner.setValue("depart", "07:00");
        planner.setValue("backBy", "06:00");
        planner.submit("Optimaliseren");
        assertThat(planner.text()).contains("De tijd om terug te zijn moet later zijn dan de vertrektijd.");
        planner.screenshot("routing-start-refused");

        planner.setValue("depart", "06:30");
        planner.setValue("backBy", "18:00");
        planner.choose("seconds", "60 seconden");
        planner.submit("Optimaliseren");

        // it works in the background; the page shows how far it is and the best so far, and stays usable
        assertThat(planner.path()).startsWith("/routing/proposals/");
        planner.waitForText("Beste tot nu toe", Duration.ofSeconds(30));
        String first = planner.find(By.id("progress")).getText();
        // the page refreshes itself while the optimiser improves the plan
        planner.waitForText("Ongeveer 10%", Duration.ofSeconds(30));
        assertThat(planner.find(By.id("progress")).getText()).isNotEqualTo(first);
        assertThat(planner.text()).contains("De optimalisatie is bezig");
        planner.assertAccessible("routing progress");
        planner.screenshot("routing-progress");
        planner.submit("Nu stoppen en het beste tot nu toe nemen");
        planner.waitForText("Klaar om toe te passen", Duration.ofSeconds(30));

        String text = planner.text();
        assertThat(text).contains("wagens", "km in totaal", "stops te laat", "Toepassen");
        assertThat(planner.findAll(By.cssSelector("section[aria-labelledby^='trip-']"))).isNotEmpty();
        planner.assertAccessible("routing proposal");
        planner.screenshot("routing-proposal");

        planner.click(By.partialLinkText("Waarom zijn stops te laat"));
        assertThat(planner.heading()).isEqualTo("Waarom stops te laat of niet ingepland zijn");
        assertThat(planner.text()).contains("Wat de optimalisatie weegt", "45 minuten pauze");
        planner.assertAccessible("routing explain");
        planner.screenshot("routing-explain");
        planner.clickAndWait(By.partialLinkText("Voorstel voor"));

        planner.size(Browser.PHONE);
        assertThat(planner.overflowsSideways()).as("the proposal fits a phone").isFalse();
        planner.screenshot("routing-proposal-phone");
        planner.size(Browser.DESKTOP);

        int proposed = planner.findAll(By.cssSelector("section[aria-labelledby^='trip-']")).size();
        planner.submit("Toepassen");

        assertThat(planner.path()).startsWith("/transport");
        assertThat(planner.text()).contains("Voorstel toegepast: " + proposed + " ritten gepland.");
        assertThat(trips.ofDay(tomorrow)).hasSize(tripsBefore + proposed);
        planner.screenshot("routing-applied");
    }

    @Test
    void aProposalWhoseServerWasLostShowsTheBestPlanItHadFoundInPlainWords() {
        LocalDate day = trips.today().plusDays(45);
        List<Address> places = customers.allAddresses().stream().filter(a -> a.latitude() > 51.98).toList();
        for (int i = 0; i < 8; i++) {
            orders.create(new Orders.OrderForm("RJ-" + TestPeople.uniqueNumber(), places.get(i % places.size()).id(), day,
                    LocalTime.of(7, 0), LocalTime.of(17, 0), 4, 0, 1_000, BigDecimal.ONE, null), "test");
        }
        long id = dayPlanner.start(new DayPlanner.Request(day, LocalTime.of(6, 30), LocalTime.of(18, 0), false, 60), "Sanne");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> dayPlanner.find(id).map(s -> s.status() == DayPlanner.Status.SOLVING && s.proposal() != null)
                        .orElse(false));
        dayPlanner.finishNow(id, "Sanne");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> dayPlanner.find(id).orElseThrow().status() == DayPlanner.Status.READY);
        // what a node leaves behind when its machine goes off mid-search: solving, a best plan, a silent heartbeat
        jdbc.sql("""
                        update routing_proposal set status = 'SOLVING', note = null, node_id = 'a-node-that-is-gone',
                               heartbeat_at = now() - interval '1 hour', result = jsonb_set(result, '{reasons}', '[]')
                         where id = :id
                        """).param("id", id).update();

        Browser browser = Browser.start(port);
        try {
            browser.size(Browser.DESKTOP).signIn("planner", "demo");
            browser.open("/routing/proposals/" + id);
            assertThat(browser.text()).contains("Klaar om toe te passen", "viel onverwacht uit",
                    "beste plan bewaard", "Toepassen");
            assertThat(browser.find(By.id("proposal-note")).getText()).contains("van de 60 seconden");
            browser.assertAccessible("routing recovered proposal");
            browser.screenshot("routing-recovered");
        } finally {
            browser.close();
        }
    }
}
