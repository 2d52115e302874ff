package nl.meedenken.driving.internal;

import nl.meedenken.organisation.DemoCompanyCreated;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.platform.Role;
import org.springframework.core.annotation.Order;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The demo's driving data: twelve weeks of simulated telematics for 10 vehicles and 12 drivers with their
 * own driving styles, taken in the way rFMS data is, the cards linked to the drivers, and an agreement the
 * works council consented to twelve weeks ago. Piotr is learning to drive more economically, joined the
 * leaderboard, and his team lead once looked at his figures.
 */
@Component
class DrivingDemo {

    static final List<String> DRIVERS = List.of("Piotr Kowalski", "Jan de Vries", "Andrei Popescu", "Kees Dekker",
            "Marta Nowak", "Mehmet Yılmaz", "Dennis van Leeuwen", "Georgi Ivanov", "João Silva", "Tomasz Wiśniewski",
            "Rob Willems", "Olena Kovalenko");

    private final RfmsSimulator simulator;
    private final RfmsImport rfms;
    private final DrivingRecords records;
    private final Agreements agreements;
    private final Visibility visibility;
    private final People people;
    private final JdbcClient jdbc;
    private final Clock clock;

    DrivingDemo(RfmsSimulator simulator, RfmsImport rfms, DrivingRecords records, Agreements agreements,
                Visibility visibility, People people, JdbcClient jdbc, Clock clock) {
        this.simulator = simulator;
        this.rfms = rfms;
        this.records = records;
        this.agreements = agreements;
        this.visibility = visibility;
        this.people = people;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    @Order(80)
    void load(DemoCompanyCreated event) {
        Map<String, PersonSummary> drivers = people.withRole(Role.DRIVER).stream()
                .collect(Collectors.toMap(PersonSummary::name, Function.identity(), (a, b) -> a));
        LocalDate firstDay = simulator.firstDay();
        rfms.importSimulated(simulator, firstDay.atStartOfDay(DrivingRecords.LOCAL).toInstant(), clock.instant(), "demo");
        // Piotr, the first of the list, gets a card whose driving is improving week by week
        List<RfmsSimulator.SimDriver> cards = new java.util.ArrayList<>(simulator.drivers());
        cards.sort(java.util.Comparator.comparing(d -> d.style() == RfmsSimulator.Style.ECO_LEARNER ? 0 : 1));
        for (int i = 0; i < cards.size() && i < DRIVERS.size(); i++) {
            PersonSummary person = drivers.get(DRIVERS.get(i));
            if (person != null) {
                records.knownCard(cards.get(i).card());
                records.map(cards.get(i).card(), person.id().value(), "Demo");
            }
        }

        long id = agreements.draft(new Agreements.Draft("""
                We verzamelen deze cijfers om elke chauffeur te helpen zuiniger en veiliger te rijden, en om als \
                bedrijf te zien waar training of een betere planning helpt. De cijfers worden nooit gebruikt om een \
                chauffeur te beoordelen, te belonen of te straffen, ook niet in functioneringsgesprekken. De cijfers \
                van een chauffeur zijn eerst van die chauffeur; teamleiders mogen de cijfers van hun eigen chauffeurs \
                openen om te coachen, en de chauffeur ziet elke keer dat ze dat doen.""",
                java.util.EnumSet.allOf(Metric.class), true, false, true, true, 182, Agreement.defaultWeights()),
                "Ingrid van den Berg");
        agreements.consent(id, LocalDate.now(clock.withZone(DrivingRecords.LOCAL)).minusWeeks(12), "Henk Mulder");

        for (int i = 0; i < 5; i++) {
            PersonSummary person = drivers.get(DRIVERS.get(i));
            if (person != null) {
                visibility.chooseLeaderboard(person.id().value(), true);
            }
        }
        // they joined soon after the agreement took effect
        jdbc.sql("update driving_leaderboard_choice set changed_at = :at")
                .param("at", Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(77)))).update();
        PersonSummary piotr = drivers.get("Piotr Kowalski");
        people.withRole(Role.TEAM_LEAD).stream().filter(p -> p.name().equals("Ruud Jansen")).findFirst()
                .ifPresent(ruud -> {
                    if (piotr != null) {
                        jdbc.sql("""
                                        insert into driving_access (driver_id, viewer_id, viewer_name, viewer_role, viewed_at, what,
                                               week)
                                        values (:driver, :viewer, :name, 'TEAM_LEAD', :at, 'WEEK', :week)
                                        """)
                                .param("driver", piotr.id().value()).param("viewer", ruud.id().value())
                                .param("name", ruud.name())
                                .param("week", DrivingRecords.weekOf(LocalDate.now(clock.withZone(DrivingRecords.LOCAL))
                                        .minusDays(9)))
                                .param("at", Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(9))))
                                .update();
                    }
                });
    }
}
