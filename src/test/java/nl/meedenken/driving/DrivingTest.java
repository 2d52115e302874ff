package nl.meedenken.driving;

import nl.meedenken.TestLogins;
import nl.meedenken.TestPeople;
import nl.meedenken.driving.internal.Agreement;
import nl.meedenken.driving.internal.Agreements;
import nl.meedenken.driving.internal.DrivingRecords;
import nl.meedenken.driving.internal.Metric;
import nl.meedenken.driving.internal.Retention;
import nl.meedenken.driving.internal.Telemetry;
import nl.meedenken.driving.internal.Totals;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.organisation.internal.Teams;
import nl.meedenken.platform.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Figures from hand-made statuses, and the data agreement's visibility rules for every role: without an
 * agreement only the driver sees their figures; with one, each role sees what it allows, and the driver
 * reads every access.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DrivingTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    People people;
    @Autowired
    Accounts accounts;
    @Autowired
    Teams teams;
    @Autowired
    Telemetry telemetry;
    @Autowired
    DrivingRecords records;
    @Autowired
    Agreements agreements;
    @Autowired
    Retention retention;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    nl.meedenken.driving.internal.StopTimes stopTimes;

    Optional<Agreement> before;

    @BeforeEach
    void remember() {
        before = agreements.inForce();
    }

    /** Puts the agreement that was in force before the test back, so other tests see the demo as it was. */
    @AfterEach
    void restore() {
        agreements.inForce().ifPresent(a -> agreements.end(a.id(), "test"));
        before.ifPresent(a -> {
            long id = agreements.draft(new Agreements.Draft(a.purpose(), a.metrics(), a.teamAggregate(), a.plannerIndividual(),
                    a.managementIndividual(), a.leaderboard(), a.retentionDays(), a.weights()), "test");
            agreements.consent(id, a.consentOn(), "test council");
        });
    }

    private void agreement(boolean team, boolean planner, boolean management, int retentionDays) {
        agreement(team, planner, management, retentionDays, records.today().minusDays(30));
    }

    private void agreement(boolean team, boolean planner, boolean management, int retentionDays, LocalDate consentOn) {
        agreements.inForce().ifPresent(a -> agreements.end(a.id(), "test"));
        long id = agreements.draft(new Agreements.Draft("Test: zuinig en veilig rijden, nooit voor beoordeling.",
                EnumSet.allOf(Metric.class), team, planner, management, false, retentionDays, Agreement.defaultWeights()), "test");
        agreements.consent(id, consentOn, "test council");
    }

    private void noAgreement() {
        agreements.inForce().ifPresent(a -> agreements.end(a.id(), "test"));
    }

    /** {@code day}: the day of the driver's hour of driving, which is why pages are asked for that week. */
    record Driver(String login, long id, String card, LocalDate day) {
        String week() {
            return day.toString();
        }
    }

    /** Three hours ago: a status from the future is refused, and near midnight "today at five" would be one. */
    private static Instant hoursAgo() {
        return Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    /** A driver in a team of their own, with a linked card and one hour of driving today. */
    private Driver driverWithData(long team) {
        String login = TestPeople.loginInTeam(people, accounts, team, Role.DRIVER);
        long id = TestLogins.personId(users, login);
        String vin = DrivingTestData.vin();
        String card = DrivingTestData.card();
        Instant start = hoursAgo();
        DrivingTestData.take(telemetry, vin, List.of(
                DrivingTestData.status(vin, start, card, 1_000_000, 500_000, 10_000, 2_000, 5_000, 300_000, 50_000,
                        100_000, 200_000, 50_000, 100, 200, 50, 80),
                DrivingTestData.status(vin, start.plus(1, ChronoUnit.HOURS), card, 1_080_000, 524_000, 13_000, 2_600, 6_000,
                        340_000, 58_000, 110_000, 260_000, 60_000, 116, 230, 58, 90)));
        records.map(card, id, "test");
        return new Driver(login, id, card, start.atZone(DrivingRecords.LOCAL).toLocalDate());
    }

    @Test
    void figuresOfAnHourAreTheGrowthOfTheCountersBetweenTwoStatuses() {
        Driver d = driverWithData(TestPeople.team(teams));
        Totals week = records.weeks(d.id(), d.day(), 1).values().iterator().next();
        assertThat(week.distanceM()).isEqualTo(80_000);
        assertThat(week.fuelMl()).isEqualTo(24_000);
        assertThat(week.brakeS()).as("only the class up to -1.1 m/s² counts").isEqualTo(16);
        assertThat(week.accelS()).as("only the class from 1.1 m/s² counts").isEqualTo(8);
        assertThat(week.overspeedM()).as("the 84–88 class straddles 85 km/h, so from 88 counts").isEqualTo(10_000);
        assertThat(week.value(Metric.FUEL)).isCloseTo(30.0, within(1e-9));        // 24 l over 80 km
        assertThat(week.value(Metric.IDLING)).isCloseTo(100.0 * 600 / 3600, within(1e-9));
        assertThat(week.value(Metric.CRUISE)).isCloseTo(50.0, within(1e-9));      // 40 of 80 km
        assertThat(week.value(Metric.COASTING)).isCloseTo(10.0, within(1e-9));    // 8 of 80 km
        assertThat(week.value(Metric.HARSH_BRAKING)).isCloseTo(20.0, within(1e-9));
        assertThat(week.value(Metric.HARSH_ACCELERATION)).isCloseTo(10.0, within(1e-9));
        assertThat(week.value(Metric.OVERSPEED)).isCloseTo(12.5, within(1e-9));   // 10 of 80 km
    }

    @Test
    void theDrivingPageOpensOnTheLatestWeekWithKilometresNotOnAWeekOfStandingStill() {
        String login = TestPeople.loginInTeam(people, accounts, TestPeople.team(teams), Role.DRIVER);
        long id = TestLogins.personId(users, login);
        String vin = DrivingTestData.vin();
        String card = DrivingTestData.card();
        Instant drove = Instant.now().minus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant stood = hoursAgo();
        DrivingTestData.take(telemetry, vin, List.of(
                DrivingTestData.status(vin, drove, card, 1_000_000, 500_000, 10_000, 2_000, 5_000, 300_000, 50_000,
                        100_000, 200_000, 50_000, 100, 200, 50, 80),
                DrivingTestData.status(vin, drove.plus(1, ChronoUnit.HOURS), card, 1_080_000, 524_000, 13_000, 2_600, 6_000,
                        340_000, 58_000, 110_000, 260_000, 60_000, 116, 230, 58, 90),
                DrivingTestData.status(vin, stood, card, 1_080_000, 524_000, 13_000, 2_600, 6_000,
                        340_000, 58_000, 110_000, 260_000, 60_000, 116, 230, 58, 90),
                DrivingTestData.status(vin, stood.plus(30, ChronoUnit.MINUTES), card, 1_080_000, 524_000, 13_000, 2_700,
                        6_000, 340_000, 58_000, 110_000, 260_000, 60_000, 116, 230, 58, 90)));
        records.map(card, id, "test");
        LocalDate standingDay = stood.atZone(DrivingRecords.LOCAL).toLocalDate();
        assertThat(records.days(id, standingDay, standingDay, Instant.EPOCH))
                .as("the half hour standing still is stored").isNotEmpty();
        assertThat(records.weekToOpen(id))
                .isEqualTo(DrivingRecords.weekOf(drove.atZone(DrivingRecords.LOCAL).toLocalDate()));
    }

    @Test
    void statusesWithMoreThanMicrosecondsAreRecognisedWhenTheyComeAgain() {
        String vin = DrivingTestData.vin().toLowerCase();
        String card = DrivingTestData.card();
        Instant start = hoursAgo().plusNanos(123_456_400);
        List<String> statuses = List.of(
                DrivingTestData.status(vin, start, card, 1_000_000, 500_000, 10_000, 2_000, 5_000, 300_000, 50_000,
                        100_000, 200_000, 50_000, 100, 200, 50, 80),
                DrivingTestData.status(vin, start.plus(1, ChronoUnit.HOURS), card, 1_080_000, 524_000, 13_000, 2_600, 6_000,
                        340_000, 58_000, 110_000, 260_000, 60_000, 116, 230, 58, 90));
        assertThat(DrivingTestData.take(telemetry, vin, statuses).accepted()).isEqualTo(2);
        Telemetry.Counts again = DrivingTestData.take(telemetry, vin.toUpperCase(), statuses);
        assertThat(again.accepted()).isZero();
        assertThat(again.duplicates()).isEqualTo(2);
    }

    @Test
    void withoutAnAgreementOnlyTheDriverSeesTheirFigures() throws Exception {
        noAgreement();
        long team = TestPeople.team(teams);
        Driver d = driverWithData(team);
        mvc.perform(get("/driving").param("week", d.week()).with(TestLogins.as(users, d.login()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("30,0")));
        String planner = TestPeople.withAccount(people, accounts, "secret-password-1", Role.PLANNER);
        String manager = TestPeople.withAccount(people, accounts, "secret-password-1", Role.MANAGEMENT);
        String lead = TestPeople.loginInTeam(people, accounts, team, Role.TEAM_LEAD);
        for (String login : List.of(planner, manager, lead)) {
            mvc.perform(get("/driving/drivers/" + d.id()).with(TestLogins.as(users, login))).andExpect(status().isForbidden());
            mvc.perform(get("/driving/drivers").with(TestLogins.as(users, login))).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("/driving/drivers/" + d.id()))));
        }
        assertThat(accesses(d.id())).isZero();
    }

    @Test
    void theAgreementDecidesWhichRoleSeesADriverAndTheDriverReadsEveryAccess() throws Exception {
        agreement(true, false, true, 180);
        long team = TestPeople.team(teams);
        Driver d = driverWithData(team);
        String planner = TestPeople.withAccount(people, accounts, "secret-password-1", Role.PLANNER);
        String manager = TestPeople.withAccount(people, accounts, "secret-password-1", Role.MANAGEMENT);
        String ownLead = TestPeople.loginInTeam(people, accounts, team, Role.TEAM_LEAD);
        String otherLead = TestPeople.loginInTeam(people, accounts, TestPeople.team(teams), Role.TEAM_LEAD);
        String colleague = TestPeople.loginInTeam(people, accounts, team, Role.DRIVER);
        String council = TestPeople.withAccount(people, accounts, "secret-password-1", Role.WORKS_COUNCIL);

        mvc.perform(get("/driving/drivers/" + d.id()).with(TestLogins.as(users, planner)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/driving/drivers/" + d.id()).with(TestLogins.as(users, otherLead)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/driving/drivers/" + d.id()).with(TestLogins.as(users, colleague)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/driving/drivers/" + d.id()).with(TestLogins.as(users, council)))
                .andExpect(status().isForbidden());
        assertThat(accesses(d.id())).as("refused views are not views").isZero();

        mvc.perform(get("/driving/drivers/" + d.id()).param("week", d.week()).with(TestLogins.as(users, manager))).andExpect(status().isOk())
                .andExpect(content().string(containsString("30,0")));
        mvc.perform(get("/driving/drivers/" + d.id()).with(TestLogins.as(users, ownLead))).andExpect(status().isOk());
        assertThat(accesses(d.id())).isEqualTo(2);

        String managerName = people.find(new nl.meedenken.organisation.PersonId(TestLogins.personId(users, manager)))
                .orElseThrow().name();
        mvc.perform(get("/driving/access").with(TestLogins.as(users, d.login()))).andExpect(status().isOk())
                .andExpect(content().string(containsString(managerName)))
                .andExpect(content().string(containsString("Teamleider van je team")));

        agreement(false, true, false, 180);
        mvc.perform(get("/driving/drivers/" + d.id()).with(TestLogins.as(users, planner))).andExpect(status().isOk());
        mvc.perform(get("/driving/drivers/" + d.id()).with(TestLogins.as(users, manager))).andExpect(status().isForbidden());
        assertThat(accesses(d.id())).isEqualTo(3);
    }

    @Test
    void dataFromBeforeTheConsentStaysTheDriversOwn() throws Exception {
        // gathered under an agreement that let nobody else see a single driver, then one that lets management
        agreement(true, false, false, 180, records.today().minusDays(30));
        agreement(false, false, true, 180, records.today());
        Driver d = driverWithData(TestPeople.team(teams));
        jdbc.sql("update driving_interval set ended_at = ended_at - interval '2 days', started_at = started_at - interval '2 days' where card = :c")
                .param("c", d.card()).update();
        String day = d.day().minusDays(2).toString();
        String manager = TestPeople.withAccount(people, accounts, "secret-password-1", Role.MANAGEMENT);
        mvc.perform(get("/driving/drivers/" + d.id()).param("week", day).with(TestLogins.as(users, manager)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("30,0"))));
        mvc.perform(get("/driving").param("week", day).with(TestLogins.as(users, d.login())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("30,0")));
        mvc.perform(get("/driving/access").with(TestLogins.as(users, d.login())))
                .andExpect(content().string(containsString("Je cijfers, week van")));
    }

    @Test
    void onlyDriversJoinTheLeaderboardAndOnlyWhereTheAgreementAllowsIt() throws Exception {
        noAgreement();
        long team = TestPeople.team(teams);
        Driver d = driverWithData(team);
        mvc.perform(post("/driving/leaderboard").with(csrf()).param("optIn", "true").with(TestLogins.as(users, d.login())))
                .andExpect(redirectedUrl("/driving"));
        assertThat(jdbc.sql("select count(*) from driving_leaderboard_choice where person_id = :p").param("p", d.id())
                .query(Long.class).single()).as("no agreement allows a leaderboard").isZero();
        String lead = TestPeople.loginInTeam(people, accounts, team, Role.TEAM_LEAD);
        mvc.perform(post("/driving/leaderboard").with(csrf()).param("optIn", "true").with(TestLogins.as(users, lead)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aDriverSeesWhenTheirCardIsLinkedToSomeoneElse() throws Exception {
        Driver d = driverWithData(TestPeople.team(teams));
        Driver other = driverWithData(TestPeople.team(teams));
        mvc.perform(post("/driving/admin/cards").with(csrf()).param("card", d.card()).param("person", Long.toString(other.id()))
                .with(TestLogins.as(users, "admin"))).andExpect(redirectedUrl("/driving/admin"));
        mvc.perform(get("/driving/access").with(TestLogins.as(users, d.login())))
                .andExpect(content().string(containsString("Heeft je chauffeurskaart aan iemand anders gekoppeld")));
        mvc.perform(get("/driving/access").with(TestLogins.as(users, other.login())))
                .andExpect(content().string(containsString("Heeft een chauffeurskaart aan jou gekoppeld")));
    }

    @Test
    void teamTotalsNeedTheAgreementAndFiveDriversWithData() throws Exception {
        agreement(true, false, false, 180);
        String week = hoursAgo().atZone(DrivingRecords.LOCAL).toLocalDate().toString();
        long team = TestPeople.team(teams);
        String teamName = teams.find(team).orElseThrow().name();
        String manager = TestPeople.withAccount(people, accounts, "secret-password-1", Role.MANAGEMENT);
        for (int i = 0; i < 4; i++) {
            driverWithData(team);
        }
        mvc.perform(get("/driving/drivers").param("week", week).with(TestLogins.as(users, manager))).andExpect(status().isOk())
                .andExpect(content().string(containsString(teamName)))
                .andExpect(content().string(containsString("Minder dan 5 chauffeurs reden")));
        driverWithData(team);
        String page = mvc.perform(get("/driving/drivers").param("week", week).with(TestLogins.as(users, manager))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String row = page.substring(page.indexOf(teamName), page.indexOf("</tr>", page.indexOf(teamName)));
        assertThat(row).doesNotContain("Minder dan 5").contains("30,0");

        agreement(false, false, false, 180);
        mvc.perform(get("/driving/drivers").param("week", week).with(TestLogins.as(users, manager))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(teamName))));
    }

    @Test
    void onlyManagementDraftsAndOnlyTheWorksCouncilConsents() throws Exception {
        String manager = TestPeople.withAccount(people, accounts, "secret-password-1", Role.MANAGEMENT);
        String council = TestPeople.withAccount(people, accounts, "secret-password-1", Role.WORKS_COUNCIL);
        String driver = TestPeople.withAccount(people, accounts, "secret-password-1", Role.DRIVER);
        Map<String, String> form = Map.of("purpose", "Zuiniger rijden samen met de chauffeurs.", "metricFUEL", "on",
                "weightFUEL", "50", "retentionDays", "120", "teamAggregate", "on");
        var request = post("/driving/agreement").with(csrf());
        form.forEach((k, v) -> request.param(k, v));
        mvc.perform(request.with(TestLogins.as(users, council))).andExpect(status().isForbidden());
        var again = post("/driving/agreement").with(csrf());
        form.forEach((k, v) -> again.param(k, v));
        mvc.perform(again.with(TestLogins.as(users, manager))).andExpect(redirectedUrl("/driving/agreement"));
        Agreement draft = agreements.all().stream().filter(a -> a.status() == Agreement.Status.DRAFT)
                .filter(a -> a.purpose().startsWith("Zuiniger rijden samen")).findFirst().orElseThrow();
        assertThat(draft.metrics()).containsExactly(Metric.FUEL);
        assertThat(draft.retentionDays()).isEqualTo(120);

        mvc.perform(post("/driving/agreement/" + draft.id() + "/consent").with(csrf()).param("consentOn", "2026-01-05")
                .param("confirmed", "yes").with(TestLogins.as(users, manager))).andExpect(status().isForbidden());
        mvc.perform(post("/driving/agreement/" + draft.id() + "/consent").with(csrf()).param("consentOn", "2026-01-05")
                .param("confirmed", "yes").with(TestLogins.as(users, driver))).andExpect(status().isForbidden());
        mvc.perform(post("/driving/agreement/" + draft.id() + "/consent").with(csrf()).param("consentOn", "2026-01-05")
                .with(TestLogins.as(users, council))).andExpect(redirectedUrl("/driving/agreement"));
        assertThat(agreements.find(draft.id()).orElseThrow().status()).as("not confirmed").isEqualTo(Agreement.Status.DRAFT);
        mvc.perform(post("/driving/agreement/" + draft.id() + "/consent").with(csrf()).param("consentOn", "2026-01-05")
                .param("confirmed", "yes").with(TestLogins.as(users, council))).andExpect(redirectedUrl("/driving/agreement"));
        assertThat(agreements.inForce().orElseThrow().id()).isEqualTo(draft.id());
        mvc.perform(get("/driving/agreement").with(TestLogins.as(users, driver))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Zuiniger rijden samen met de chauffeurs.")));
        mvc.perform(post("/driving/agreement/" + draft.id()).with(csrf()).param("purpose", "changed")
                .with(TestLogins.as(users, manager))).andExpect(status().isConflict());
    }

    @Test
    void aDraftWithoutPurposeOrWithABadRetentionIsRefusedWithAMessage() throws Exception {
        String manager = TestPeople.withAccount(people, accounts, "secret-password-1", Role.MANAGEMENT);
        mvc.perform(post("/driving/agreement").with(csrf()).param("purpose", " ").param("metricFUEL", "on")
                        .param("weightFUEL", "50").param("retentionDays", "120").with(TestLogins.as(users, manager)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Schrijf op waarom")));
        mvc.perform(post("/driving/agreement").with(csrf()).param("purpose", "Doel").param("metricFUEL", "on")
                        .param("weightFUEL", "50").param("retentionDays", "5").with(TestLogins.as(users, manager)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("tussen 28 en 730")));
    }

    @Test
    void dataPastTheAgreedRetentionIsDeleted() {
        // longer than the demo's twelve weeks, so the clean-up leaves the demo's data alone
        agreement(false, false, false, 200);
        Driver d = driverWithData(TestPeople.team(teams));
        String vin = jdbc.sql("select vin from driving_interval where card = :c").param("c", d.card()).query(String.class).single();
        jdbc.sql("update driving_interval set ended_at = ended_at - interval '201 days', started_at = started_at - interval '201 days' where vin = :v")
                .param("v", vin).update();
        assertThat(retention.days()).isEqualTo(200);
        assertThat(retention.cleanUp()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from driving_interval where vin = :v").param("v", vin).query(Long.class).single())
                .isZero();
    }

    @Test
    void timeAtStopsComparesStopsInLoadingOrderWithStopsOutOfTurn() {
        long driver = TestPeople.person(people, "Test chauffeur", java.util.Set.of(Role.DRIVER));
        LocalDate day = records.today().minusDays(3);
        long vehicle = jdbc.sql("""
                        insert into transport_vehicle (plate, site_id, capacity_pallets, capacity_kg)
                        values (:plate, 1, 20, 20000) returning id""")
                .param("plate", "S-" + TestPeople.uniqueNumber()).query(Long.class).single();
        long trip = jdbc.sql("""
                        insert into transport_trip (day, site_id, vehicle_id, driver_id, planned_start, loading_started_at,
                               loaded_at, created_by, created_at)
                        values (:day, 1, :vehicle, :driver, '07:00', now(), now(), 'test', now()) returning id""")
                .param("day", day).param("vehicle", vehicle).param("driver", driver).query(Long.class).single();
        long address = jdbc.sql("select id from transport_address limit 1").query(Long.class).single();
        long customer = jdbc.sql("select customer_id from transport_address where id = :a").param("a", address)
                .query(Long.class).single();
        // loaded for 1, 2, 3; visited 1 (10 min), 3 out of turn (20 min), then 2 (10 min)
        int[][] visits = {{1, 9 * 60, 10}, {3, 9 * 60 + 30, 20}, {2, 10 * 60 + 15, 10}};
        for (int[] v : visits) {
            long order = jdbc.sql("""
                            insert into transport_order (reference, customer_id, address_id, requested_on, window_from,
                                   window_to, pallets, colli, weight_kg, volume_m3, status, created_by, created_at)
                            values (:ref, :customer, :address, :day, '08:00', '16:00', 1, 1, 100, 1, 'DELIVERED', 'test', now())
                            returning id""")
                    .param("ref", "ST-" + TestPeople.uniqueNumber()).param("customer", customer).param("address", address)
                    .param("day", day).query(Long.class).single();
            Instant arrived = day.atStartOfDay(DrivingRecords.LOCAL).toInstant().plus(v[1], ChronoUnit.MINUTES);
            jdbc.sql("""
                            insert into transport_stop (trip_id, order_id, position, arrived_at, delivered_at)
                            values (:trip, :order, :position, :arrived, :delivered)""")
                    .param("trip", trip).param("order", order).param("position", v[0])
                    .param("arrived", Timestamp.from(arrived))
                    .param("delivered", Timestamp.from(arrived.plus(v[2], ChronoUnit.MINUTES))).update();
        }
        var row = stopTimes.between(day, day, driver).trips().stream().filter(t -> t.trip().tripId() == trip)
                .findFirst().orElseThrow();
        assertThat(row.measured()).isEqualTo(3);
        assertThat(row.actualMinutes()).isCloseTo(40.0, within(1e-9));
        assertThat(row.plannedMinutes()).isCloseTo(45.0, within(1e-9));
        assertThat(row.outOfTurn()).as("only stop 3 was visited before an earlier one").isEqualTo(1);
    }

    private long accesses(long driverId) {
        return jdbc.sql("select count(*) from driving_access where driver_id = :d").param("d", driverId).query(Long.class).single();
    }

    // ---- what reaches whom

    @Test
    void aDraftWaitingForConsentIsToldToTheWorksCouncilOnly() {
        Random random = new Random();
        List<Long> council = new java.util.ArrayList<>(people.withRole(Role.WORKS_COUNCIL).stream()
                .map(p -> p.id().value()).toList());
        for (int i = 0, n = random.nextInt(3); i < n; i++) {
            council.add(TestPeople.person(people, "OR-lid " + TestPeople.uniqueNumber(), java.util.Set.of(Role.WORKS_COUNCIL)));
        }
        long manager = TestLogins.personId(users, "manager");
        long driver = TestLogins.personId(users, "driver");
        long id = nl.meedenken.TestNotices.as(manager, () -> agreements.draft(new Agreements.Draft(
                "Test: minder brandstof, nooit voor beoordeling.", EnumSet.allOf(Metric.class), true, false, false, false,
                90, Agreement.defaultWeights()), "Ingrid (#" + manager + ")"));
        try {
            String link = "/driving/agreement#draft-" + id;
            for (long member : council) {
                assertThat(nl.meedenken.TestNotices.told(jdbc, member, "driving.notify.draftWaiting", link)).isEqualTo(1);
            }
            assertThat(nl.meedenken.TestNotices.told(jdbc, manager, "driving.notify.draftWaiting", link)).isZero();
            assertThat(nl.meedenken.TestNotices.told(jdbc, driver, "driving.notify.draftWaiting", link)).isZero();
        } finally {
            agreements.discard(id, "test");
        }
    }
}
