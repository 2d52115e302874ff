package nl.meedenken.routing.web;

import nl.meedenken.TestLogins;
import nl.meedenken.TestPeople;
import nl.meedenken.routing.internal.DayPlanner;
import nl.meedenken.transport.internal.Address;
import nl.meedenken.transport.internal.Customers;
import nl.meedenken.transport.internal.Orders;
import nl.meedenken.transport.internal.Trips;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The proposal page says in plain words what became of an optimisation whose server stopped: a
 * stop asked on another server, a best plan kept after a restart, or a lost server with no plan.
 * The states are written into the table the way the servers leave them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProposalPageTest {

    private static final java.util.concurrent.atomic.AtomicInteger DAYS_AHEAD = new java.util.concurrent.atomic.AtomicInteger(1100);

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DayPlanner planner;
    @Autowired
    Customers customers;
    @Autowired
    Orders orders;
    @Autowired
    Trips trips;

    /** A ready proposal for a day of its own, to copy rows from. */
    private long readyProposal() {
        LocalDate day = trips.today().plusDays(DAYS_AHEAD.getAndIncrement());
        List<Address> places = customers.allAddresses().stream().filter(a -> a.latitude() > 51.98).toList();
        for (int i = 0; i < 4; i++) {
            orders.create(new Orders.OrderForm("PP-" + TestPeople.uniqueNumber(), places.get(i).id(), day,
                    LocalTime.of(7, 0), LocalTime.of(17, 0), 3, 0, 900, BigDecimal.ONE, null), "test");
        }
        long id = planner.start(new DayPlanner.Request(day, LocalTime.of(6, 30), LocalTime.of(18, 0), false), "Sanne");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> planner.find(id).orElseThrow().status() == DayPlanner.Status.READY);
        return id;
    }

    /** A copy of a proposal as another server left it. */
    private long copy(long id, String status, String note, String failure, String node, String stopRequested) {
        return jdbc.sql("""
                        insert into routing_proposal (day, depart, back_by, replan, time_limit_seconds, status,
                               progress_percent, input, result, failure, created_by, created_at, started_at, updated_at,
                               note, node_id, heartbeat_at, stop_requested_at)
                        select day, depart, back_by, replan, 120, :status, 0, input,
                               case when cast(:failure as text) is null then result end, :failure, created_by, now(), now(),
                               now(), :note, :node, now() + interval '10 minutes', """ + stopRequested + """
                          from routing_proposal where id = :id
                        returning id
                        """)
                .param("status", status).param("note", note).param("failure", failure).param("node", node)
                .param("id", id).query(Long.class).single();
    }

    private String page(long id, boolean htmx) throws Exception {
        var request = get("/routing/proposals/" + id).with(TestLogins.as(users, "planner"));
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aStopAskedOnAnotherServerShowsWhileThatServerStopsItsSolver() throws Exception {
        long solving = copy(readyProposal(), "SOLVING", null, null, "a-server-elsewhere", "now()");
        try {
            assertThat(page(solving, true)).contains("Bezig met stoppen");
        } finally {
            jdbc.sql("update routing_proposal set status = 'DISCARDED' where id = :id").param("id", solving).update();
        }
    }

    @Test
    void aBestPlanKeptAfterARestartAndALostServerWithoutAPlanSaySo() throws Exception {
        long ready = readyProposal();
        long restarted = copy(ready, "READY", "RESTARTED", null, null, "null");
        long lost = copy(ready, "FAILED", null, "lost", null, "null");

        assertThat(page(restarted, false)).contains("De server is herstart terwijl de optimalisatie bezig was", "Toepassen");
        assertThat(page(lost, false)).contains("voordat de optimalisatie een plan had gevonden", "De dag is weer vrij");
    }
}
