package nl.meedenken.driving.internal;

import nl.meedenken.driving.web.RfmsSimulatorController;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rFMS client against the simulator over HTTP: paging by lastVin and by received time, each
 * status taken in once, back-off on 429, and refusals recorded as the import's failure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "meedenken.driving.simulator=true", "meedenken.driving.simulator-page-size=50",
        "meedenken.driving.simulator-vehicle-page-size=4", "meedenken.driving.rfms-token=test-simulator-token"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RfmsClientTest {

    static final String TOKEN = "test-simulator-token";

    @LocalServerPort
    int port;
    @Autowired
    RfmsImport rfmsImport;
    @Autowired
    RfmsSimulator demoSimulator;
    @Autowired
    RfmsSimulatorController simulatorServer;
    @Autowired
    JdbcClient jdbc;

    final List<Duration> waits = new CopyOnWriteArrayList<>();
    final Map<RfmsClient.Resource, AtomicInteger> requests = new EnumMap<>(RfmsClient.Resource.class);

    /** Tuesday to Thursday of last week: two working days, always inside the simulator's history. */
    final Instant from = LocalDate.now(DrivingRecords.LOCAL).minusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
            .plusDays(1).atStartOfDay(DrivingRecords.LOCAL).toInstant();
    final Instant to = from.plus(Duration.ofDays(2));

    @AfterEach
    void serveAgain() {
        simulatorServer.refuseNext(0);
    }

    DrivingSettings settings(String token, int retries) {
        return new DrivingSettings("http://localhost:" + port + "/rfms-simulator/rfms", token, null, null,
                Duration.ofMinutes(15), retries, Duration.ofSeconds(2), 1.1, 1.1, 85, 91, true);
    }

    /** A client over HTTP that counts its pages and records its waits instead of waiting. */
    RfmsClient client(String token, int retries) {
        RfmsClient.Fetch http = RfmsClient.overHttp(settings(token, retries), waits::add);
        return new RfmsClient((resource, query) -> {
            requests.computeIfAbsent(resource, r -> new AtomicInteger()).incrementAndGet();
            return http.get(resource, query);
        });
    }

    int requests(RfmsClient.Resource resource) {
        return requests.getOrDefault(resource, new AtomicInteger()).get();
    }

    String failureOf(String by) {
        return jdbc.sql("select coalesce(failure, '') from driving_import where started_by = :by order by id desc limit 1")
                .param("by", by).query(String.class).single();
    }

    @Test
    @Order(1)
    void pagesThroughVehiclesAndStatusesAndTakesEachStatusInOnce() {
        List<Reading> held = RfmsJson.statuses(demoSimulator.statusesDocument(from, to, Integer.MAX_VALUE, Instant.now()))
                .readings();
        int pagesInProcess = new RfmsClient(RfmsClient.simulated(demoSimulator, Instant.now(), 50))
                .statuses(from, to, page -> {
                }).pages();

        Telemetry.Counts first = rfmsImport.poll(client(TOKEN, 3), Telemetry.Source.RFMS, from, from, to, "RfmsClientTest paging");

        assertThat(failureOf("RfmsClientTest paging")).isEmpty();
        assertThat(requests(RfmsClient.Resource.VEHICLES)).isEqualTo(3); // 4 + 4 + 2
        assertThat(held).hasSizeGreaterThan(200);
        assertThat(requests(RfmsClient.Resource.STATUSES)).isEqualTo(pagesInProcess).isGreaterThanOrEqualTo(held.size() / 50);
        assertThat(requests(RfmsClient.Resource.POSITIONS)).isEqualTo(pagesInProcess);
        // statuses the demo took in before count as duplicates; everything else is taken in
        assertThat(first.accepted() + first.duplicates()).isEqualTo(held.size());
        assertThat(first.refused() - first.duplicates()).isZero();
        assertThat(jdbc.sql("select count(*) from driving_vehicle where vin in (:vins) and name is not null")
                .param("vins", demoSimulator.vehicles().stream().map(RfmsSimulator.SimVehicle::vin).toList())
                .query(Long.class).single()).isEqualTo(10);
        for (RfmsSimulator.SimVehicle vehicle : demoSimulator.vehicles()) {
            List<Reading> own = held.stream().filter(r -> r.vin().equals(vehicle.vin())).toList();
            if (own.size() < 2) {
                continue;
            }
            long distance = own.get(own.size() - 1).counters()[Counters.ODOMETER_M] - own.get(0).counters()[Counters.ODOMETER_M];
            long stored = jdbc.sql("""
                            select coalesce(sum(distance_m), 0) from driving_interval
                            where vin = :vin and ended_at > :first and ended_at <= :last""")
                    .param("vin", vehicle.vin()).param("first", java.sql.Timestamp.from(own.get(0).created()))
                    .param("last", java.sql.Timestamp.from(own.get(own.size() - 1).created())).query(Long.class).single();
            assertThat(stored).as(vehicle.plate()).isEqualTo(distance);
        }

        Telemetry.Counts again = rfmsImport.poll(client(TOKEN, 3), Telemetry.Source.RFMS, from, from, to, "RfmsClientTest again");

        assertThat(again.accepted()).isZero();
        assertThat(again.duplicates()).isEqualTo(held.size());
    }

    @Test
    @Order(2)
    void waitsAsLongAsTheServerSaysAfterTooManyRequestsAndCarriesOn() {
        int held = RfmsJson.statuses(demoSimulator.statusesDocument(from, to, Integer.MAX_VALUE, Instant.now())).readings().size();
        simulatorServer.refuseNext(1);

        Telemetry.Counts counts = rfmsImport.poll(client(TOKEN, 3), Telemetry.Source.RFMS, from, from, to, "RfmsClientTest 429");

        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        assertThat(failureOf("RfmsClientTest 429")).isEmpty();
        assertThat(counts.accepted() + counts.duplicates()).isEqualTo(held);
    }

    @Test
    @Order(3)
    void givesUpAfterTheConfiguredNumberOfRetries() {
        simulatorServer.refuseNext(100);

        Telemetry.Counts counts = rfmsImport.poll(client(TOKEN, 2), Telemetry.Source.RFMS, from, from, to, "RfmsClientTest retries");

        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(counts).isEqualTo(Telemetry.Counts.NONE);
        assertThat(failureOf("RfmsClientTest retries")).contains("429", "after 2 retries");
    }

    @Test
    @Order(4)
    void recordsARefusedTokenAsTheImportsFailure() {
        Instant cursor = rfmsImport.cursor(RfmsImport.STATUSES).orElse(null);

        Telemetry.Counts counts = rfmsImport.run(client("not-the-token", 3), "RfmsClientTest wrong token");

        assertThat(counts).isEqualTo(Telemetry.Counts.NONE);
        assertThat(failureOf("RfmsClientTest wrong token")).contains("HTTP 401", "credentials", "InvalidAccessToken");
        assertThat(rfmsImport.cursor(RfmsImport.STATUSES).orElse(null)).isEqualTo(cursor);
    }

    @Test
    @Order(5)
    void refusesARequestWithoutTheRfmsVersionInTheAcceptHeader() {
        RestClient rest = RestClient.builder().baseUrl("http://localhost:" + port + "/rfms-simulator/rfms")
                .defaultHeaders(h -> h.setBearerAuth(TOKEN)).build();
        for (String accept : List.of("application/json", "application/json; rfms=vehiclestatuses.v3.0",
                "application/json; rfms=vehiclepositions.v4.0")) {
            Answer answer = get(rest, accept);
            assertThat(answer.status).as(accept).isEqualTo(406);
            assertThat(answer.body).contains("UnsupportedAcceptParameter");
        }
        Answer right = get(rest, "application/json; rfms=vehiclestatuses.v4.0");
        assertThat(right.status).isEqualTo(200);
        assertThat(right.contentType).isEqualTo("application/json; rfms=vehiclestatuses.v4.0");
    }

    @Test
    @Order(6)
    void aPollCarriesOnFromTheServerTimeOfItsFirstRequest() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        rfmsImport.cursor(RfmsImport.STATUSES, before.minus(Duration.ofHours(3)));
        rfmsImport.cursor(RfmsImport.POSITIONS, before.minus(Duration.ofHours(3)));

        rfmsImport.run(client(TOKEN, 3), "RfmsClientTest run");

        assertThat(failureOf("RfmsClientTest run")).isEmpty();
        assertThat(rfmsImport.cursor(RfmsImport.STATUSES)).hasValueSatisfying(c -> assertThat(c).isBetween(before, Instant.now()));
        assertThat(rfmsImport.cursor(RfmsImport.POSITIONS)).hasValueSatisfying(c -> assertThat(c).isBetween(before, Instant.now()));
    }

    @Test
    void stopsPagingWhenAPageDoesNotMoveOn() {
        byte[] stuck = ("{\"vehicleStatusResponse\":{\"vehicleStatuses\":[]},\"moreDataAvailable\":true,"
                + "\"requestServerDateTime\":\"2026-03-02T10:00:00Z\"}").getBytes(StandardCharsets.UTF_8);
        AtomicInteger asked = new AtomicInteger();
        RfmsClient client = new RfmsClient((resource, query) -> {
            asked.incrementAndGet();
            return stuck;
        });

        RfmsClient.Walk walk = client.statuses(Instant.parse("2026-03-01T00:00:00Z"), null, page -> {
        });

        assertThat(asked).hasValue(1);
        assertThat(walk.complete()).isFalse();
        assertThat(walk.failure()).contains("did not move past");
        assertThat(walk.reached()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }

    record Answer(int status, String contentType, String body) {
    }

    private static Answer get(RestClient rest, String accept) {
        return rest.get().uri("/vehiclestatuses?starttime={start}", Instant.now().minus(Duration.ofHours(2)).toString())
                .header(HttpHeaders.ACCEPT, accept)
                .exchange((request, response) -> new Answer(response.getStatusCode().value(),
                        response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }
}
