package nl.meedenken.routing.internal;

import com.zaxxer.hikari.HikariDataSource;
import nl.meedenken.MeedenkenApplication;
import nl.meedenken.TestPeople;
import nl.meedenken.transport.internal.Address;
import nl.meedenken.transport.internal.Customers;
import nl.meedenken.transport.internal.Orders;
import nl.meedenken.transport.internal.Trips;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node that shuts down while it optimises (SIGTERM in a rolling deploy closes the application
 * context) leaves the proposal with its best plan, not "solving", and hands its queue back. The
 * node is an application of its own, on a database of its own, closed by the test.
 */
class DayPlannerShutdownTest {

    @Test
    void closingTheApplicationWhileItSolvesKeepsTheBestPlanAndHandsTheQueueBack() {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(MeedenkenApplication.class)
                // as arguments: they win over application.properties, so no other node shares the database
                .run("--meedenken.embedded.database=routing_shutdown", "--server.port=0");
        HikariDataSource pool = app.getBean(HikariDataSource.class);
        assertThat(pool.getJdbcUrl()).contains("routing_shutdown");
        JdbcClient afterwards = JdbcClient.create(new DriverManagerDataSource(pool.getJdbcUrl(), pool.getUsername(),
                pool.getPassword() == null ? "" : pool.getPassword()));
        long solving;
        long queued;
        DayPlanner planner;
        try {
            planner = app.getBean(DayPlanner.class);
            Trips trips = app.getBean(Trips.class);
            LocalDate day = trips.today().plusDays(500);
            LocalDate next = day.plusDays(1);
            orders(app, day, 12);
            orders(app, next, 3);
            solving = planner.start(new DayPlanner.Request(day, LocalTime.of(6, 30), LocalTime.of(18, 0), false, 120), "Sanne");
            queued = planner.start(new DayPlanner.Request(next, LocalTime.of(6, 30), LocalTime.of(18, 0), false, 120), "Kim");
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> planner.find(solving).map(s -> s.status() == DayPlanner.Status.SOLVING
                            && s.proposal() != null).orElse(false));
        } finally {
            app.close();
        }

        Row stopped = row(afterwards, solving);
        assertThat(stopped.status()).isEqualTo("READY");
        assertThat(stopped.note()).isEqualTo("RESTARTED");
        assertThat(stopped.hasResult()).isTrue();
        assertThat(stopped.seconds()).as("stopped long before its two minutes").isLessThan(60);
        assertThat(stopped.trips()).isPositive();
        Row handedBack = row(afterwards, queued);
        assertThat(handedBack.status()).isEqualTo("WAITING");
        assertThat(handedBack.node()).as("waits for any node").isNull();
    }

    private record Row(String status, String note, String node, boolean hasResult, long seconds, int trips) {
    }

    private static Row row(JdbcClient jdbc, long id) {
        return jdbc.sql("""
                        select status, note, node_id, result is not null as has_result,
                               coalesce((result ->> 'seconds')::bigint, -1) as seconds,
                               coalesce(jsonb_array_length(result -> 'trips'), 0) as trips
                          from routing_proposal where id = :id
                        """)
                .param("id", id)
                .query((rs, i) -> new Row(rs.getString("status"), rs.getString("note"), rs.getString("node_id"),
                        rs.getBoolean("has_result"), rs.getLong("seconds"), rs.getInt("trips")))
                .single();
    }

    private static void orders(ConfigurableApplicationContext app, LocalDate day, int count) {
        Customers customers = app.getBean(Customers.class);
        Orders orders = app.getBean(Orders.class);
        List<Address> places = customers.allAddresses().stream().filter(a -> a.latitude() > 51.98).toList();
        for (int i = 0; i < count; i++) {
            orders.create(new Orders.OrderForm("SD-" + TestPeople.uniqueNumber(), places.get(i % places.size()).id(), day,
                    LocalTime.of(7, 0), LocalTime.of(17, 0), 3, 0, 900, BigDecimal.ONE, null), "test");
        }
    }
}
