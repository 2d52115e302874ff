package nl.meedenken.driving;

import nl.meedenken.TestLogins;
import nl.meedenken.TestPeople;
import nl.meedenken.driving.internal.Agreement;
import nl.meedenken.driving.internal.Agreements;
import nl.meedenken.driving.internal.DrivingRecords;
import nl.meedenken.driving.internal.Metric;
import nl.meedenken.driving.internal.Telemetry;
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
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A new data agreement does not rewrite history silently: what it hides is said where it is hidden (never "did
 * not drive"), and what it would hide or delete is shown to management and the council before consent.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AgreementHistoryTest {

    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("dd-MM-yyyy");

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
    JdbcClient jdbc;

    Optional<Agreement> before;

    @BeforeEach
    void remember() {
        before = agreements.inForce();
        forgetHistory();
    }

    /**
     * Moves every agreement so far (the demo's and earlier tests') out of the way, ended long ago, so a test's
     * history is only the agreements it makes. {@link #restore()} puts the one in force back afterwards.
     */
    private void forgetHistory() {
        agreements.inForce().ifPresent(a -> agreements.end(a.id(), "test"));
        jdbc.sql("update driving_agreement set consent_on = date '2000-01-01', ended_at = timestamp with time zone '2000-01-02 00:00:00+00' where consent_on is not null").update();
    }

    @AfterEach
    void restore() {
        agreements.inForce().ifPresent(a -> agreements.end(a.id(), "test"));
        before.ifPresent(a -> {
            long id = agreements.draft(new Agreements.Draft(a.purpose(), a.metrics(), a.teamAggregate(), a.plannerIndividual(),
                    a.managementIndividual(), a.leaderboard(), a.retentionDays(), a.weights()), "test");
            agreements.consent(id, a.consentOn(), "test council");
        });
    }

    /** Ends the agreement in force (if any) and puts a new one in force from {@code consentOn}. */
    private long agreement(boolean team, boolean management, int retentionDays, LocalDate consentOn) {
        agreements.inForce().ifPresent(a -> agreements.end(a.id(), "test"));
        long id = draft(team, management, retentionDays);
        agreements.consent(id, consentOn, "test council");
        return id;
    }

    private long draft(boolean team, boolean management, int retentionDays) {
        return agreements.draft(new Agreements.Draft("Test: zuinig en veilig rijden, nooit voor beoordeling.",
                EnumSet.allOf(Metric.class), team, false, management, false, retentionDays, Agreement.defaultWeights()), "test");
    }

    /** Moves the end of the agreement that was in force before the current one back to {@code day}. */
    private void endedOn(long agreementId, LocalDate day) {
        jdbc.sql("update driving_agreement set ended_at = :at where id = :id")
                .param("at", Timestamp.from(day.atTime(12, 0).atZone(DrivingRecords.LOCAL).toInstant()))
                .param("id", agreementId).update();
    }

    record Driver(String login, long id, String card) {
    }

    /** A driver in the team with one hour of driving (30,0 l/100 km), {@code daysAgo} days ago at noon. */
    private Driver driver(long team, int daysAgo) {
        String login = TestPeople.loginInTeam(people, accounts, team, Role.DRIVER);
        long id = TestLogins.personId(users, login);
        String vin = DrivingTestData.vin();
        String card = DrivingTestData.card();
        Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        DrivingTestData.take(telemetry, vin, List.of(
                DrivingTestData.status(vin, start, card, 1_000_000, 500_000, 10_000, 2_000, 5_000, 300_000, 50_000,
                        100_000, 200_000, 50_000, 100, 200, 50, 80),
                DrivingTestData.status(vin, start.plus(1, ChronoUnit.HOURS), card, 1_080_000, 524_000, 13_000, 2_600, 6_000,
                        340_000, 58_000, 110_000, 260_000, 60_000, 116, 230, 58, 90)));
        records.map(card, id, "test");
        Instant noon = records.today().minusDays(daysAgo).atTime(12, 0).atZone(DrivingRecords.LOCAL).toInstant();
        jdbc.sql("""
                        update driving_interval
                        set started_at = started_at + (cast(:noon as timestamptz) - (select max(ended_at) from driving_interval where card = :c)),
                            ended_at = ended_at + (cast(:noon as timestamptz) - (select max(ended_at) from driving_interval where card = :c))
                        where card = :c
                        """).param("noon", Timestamp.from(noon)).param("c", card).update();
        return new Driver(login, id, card);
    }

    private String page(String url, String login, String week) throws Exception {
        return mvc.perform(get(url).param("week", week).with(TestLogins.as(users, login))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void aNewAgreementWithTheSameRightsKeepsTheHistoryVisible() throws Exception {
        agreement(true, true, 180, records.today().minusDays(60));
        long team = TestPeople.team(teams);
        Driver d = driver(team, 20);
        agreement(true, true, 180, records.today());
        String manager = TestPeople.withAccount(people, accounts, "secret-password-1", Role.MANAGEMENT);
        String week = records.today().minusDays(20).toString();
        assertThat(page("/driving/drivers/" + d.id(), manager, week)).contains("30,0").doesNotContain("niet gereden");
    }

    /**
     * Random histories of two agreements (with or without a gap between them, the earlier with or without the
     * right) and drivers who drove on random days: a week is either shown, or said to be hidden under the
     * agreement; "did not drive" never appears for a week in which the driver drove.
     */
    @Test
    void aWeekHiddenByTheAgreementSaysSoAndNeverDidNotDrive() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String manager = TestPeople.withAccount(people, accounts, "secret-password-1", Role.MANAGEMENT);
        for (int round = 0; round < 6; round++) {
            // earlier rounds' agreements (and the one before the test) are moved out of the way, so each round's
            // history is only its own two agreements
            forgetHistory();
            boolean earlierAllowed = random.nextBoolean();
            boolean gap = random.nextInt(3) == 0;
            int consentDaysAgo = random.nextInt(40);
            LocalDate firstConsent = records.today().minusDays(consentDaysAgo + 30 + random.nextInt(30));
            long first = agreement(true, earlierAllowed, 180, firstConsent);
            long team = TestPeople.team(teams);
            int drove = random.nextInt(consentDaysAgo + 40);
            Driver d = driver(team, drove);
            agreement(true, true, 180, records.today().minusDays(consentDaysAgo));
            if (gap) {
                endedOn(first, records.today().minusDays(consentDaysAgo + 1 + random.nextInt(10)));
            }
            LocalDate drivenOn = records.today().minusDays(drove);
            LocalDate consented = records.today().minusDays(consentDaysAgo);
            boolean visible = !drivenOn.isBefore(consented) || earlierAllowed && !gap && !drivenOn.isBefore(firstConsent);
            String text = page("/driving/drivers/" + d.id(), manager, drivenOn.toString());
            String why = "seed " + seed + ", round " + round + ": drove " + drivenOn + ", consent " + consented
                    + ", earlier agreement from " + firstConsent + " allowed " + earlierAllowed + ", gap " + gap;
            assertThat(text).as(why).doesNotContain("heeft in deze week niet gereden");
            if (visible) {
                assertThat(text).as(why).contains("30,0");
            } else {
                assertThat(text).as(why).doesNotContain("30,0").contains("Onder de afspraak van " + DUTCH.format(consented));
            }
        }
    }

    @Test
    void teamTotalsHiddenByTheAgreementSaySoInsteadOfFewerThanFive() throws Exception {
        agreement(false, false, 180, records.today().minusDays(60));
        long team = TestPeople.team(teams);
        String teamName = teams.find(team).orElseThrow().name();
        for (int i = 0; i < 8; i++) {
            driver(team, 21);
        }
        agreement(true, false, 180, records.today());
        String manager = TestPeople.withAccount(people, accounts, "secret-password-1", Role.MANAGEMENT);
        String text = page("/driving/drivers", manager, records.today().minusDays(21).toString());
        String row = text.substring(text.indexOf(teamName), text.indexOf("</tr>", text.indexOf(teamName)));
        assertThat(row).doesNotContain("Minder dan 5")
                .contains("Niet zichtbaar onder de afspraak van " + DUTCH.format(records.today()));
    }

    @Test
    void theCouncilReadsWhatADraftWouldHideAndDeleteBeforeItConsents() throws Exception {
        agreement(true, true, 365, records.today().minusDays(200));
        long team = TestPeople.team(teams);
        driver(team, 100);
        driver(team, 100);
        driver(team, 3);
        long draft = draft(true, false, 60);
        String council = TestPeople.withAccount(people, accounts, "secret-password-1", Role.WORKS_COUNCIL);
        String text = mvc.perform(get("/driving/agreement").with(TestLogins.as(users, council)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String preview = text.substring(text.indexOf("id=\"preview-" + draft + "\""));
        preview = preview.substring(0, preview.indexOf("</section>"));
        assertThat(preview).contains("Wat er verandert als de OR vandaag instemt")
                .contains("Directie en teamleiders (cijfers van één chauffeur): niet meer zichtbaar. Dat verbergt de cijfers van ")
                .contains("Rijgegevens van voor " + DUTCH.format(records.today().minusDays(60)) + " worden binnen een dag gewist")
                .doesNotContain("Teamtotalen:");

        String manager = TestPeople.withAccount(people, accounts, "secret-password-1", Role.MANAGEMENT);
        long inForce = agreements.inForce().orElseThrow().id();
        String ending = mvc.perform(get("/driving/agreement/" + inForce + "/end").with(TestLogins.as(users, manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(ending).contains("Wat er verandert als de afspraak vandaag stopt")
                .contains("Teamtotalen: niet meer zichtbaar.")
                .contains("Directie en teamleiders (cijfers van één chauffeur): niet meer zichtbaar.");

        String driver = TestPeople.withAccount(people, accounts, "secret-password-1", Role.DRIVER);
        String asDriver = mvc.perform(get("/driving/agreement").with(TestLogins.as(users, driver)))
                .andReturn().getResponse().getContentAsString();
        assertThat(asDriver).doesNotContain("Wat er verandert als de OR vandaag instemt");
    }
}
