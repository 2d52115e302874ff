package nl.meedenken.innovations.internal;

import nl.meedenken.organisation.DemoCompanyCreated;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.TeamSummary;
import nl.meedenken.platform.Role;
import nl.meedenken.scan.Scans;
import nl.meedenken.scan.RoleGroup;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Two projects for the demo: in-cab software in the trucks, with the drivers involved from the start, the
 * driving agreement, a pilot experiment and two acceptance pulses; and a new warehouse system that went
 * ahead with little involvement, with the warnings that brings and a low acceptance pulse.
 */
@Component
class InnovationsDemo {

    private final Projects projects;
    private final AcceptancePulses pulses;
    private final Links links;
    private final Scans scans;
    private final People people;
    private final JdbcClient jdbc;

    InnovationsDemo(Projects projects, AcceptancePulses pulses, Links links, Scans scans, People people, JdbcClient jdbc) {
        this.projects = projects;
        this.pulses = pulses;
        this.links = links;
        this.scans = scans;
        this.people = people;
        this.jdbc = jdbc;
    }

    @EventListener
    @Order(90)
    void load(DemoCompanyCreated event) {
        LocalDate today = projects.today();
        Random random = new Random(90_2026L);
        PersonSummary ruud = person(Role.TEAM_LEAD, "Ruud Jansen");
        PersonSummary ingrid = person(Role.MANAGEMENT, "Ingrid van den Berg");

        // in-cab software: drivers involved at every step
        long cab = projects.create(new Projects.NewProject("In-cab software in de trucks", Technology.IN_CAB, """
                Een app in de cabine die ritten, afleveringen en rijstijl laat zien, zodat chauffeurs minder hoeven \
                te bellen en zelf zien hoe zuinig en veilig ze rijden. Chauffeurs bepalen mee wat erin komt.""",
                ruud.id().value(), true, List.of(new Project.Group(Project.Group.Kind.ROLE, "DRIVER"))), "Ruud Jansen");
        settle(cab, Readiness.CONSULTED, "Drie koffieochtenden in Zwolle en Venlo; 14 chauffeurs gaven aan wat ze nodig hebben.",
                null, null, today.minusWeeks(11));
        settle(cab, Readiness.COUNCIL_INFORMED, "Besproken in de OR-vergadering, met de wensen van de chauffeurs erbij.",
                null, null, today.minusWeeks(11));
        Project project = projects.find(cab).orElseThrow();
        long first = pulse(project, today.minusWeeks(10), random, new double[]{3.3, 3.0, 3.9, 3.2});
        projects.moveOn(cab, projects.find(cab).orElseThrow().version(), null, "Ruud Jansen");
        backdate(cab, today.minusWeeks(9));
        long drivers = people.teams().stream().filter(t -> t.name().equals("Chauffeurs Zwolle")).findFirst().orElseThrow()
                .id().value();
        links.heldEvaluation(drivers).ifPresent(e -> {
            links.link(cab, Readiness.Evidence.EVALUATION, e, "Ruud Jansen");
            settle(cab, Readiness.CO_DESIGN_SESSION, "Ontwerpsessie met zes chauffeurs: schermen op papier, samen geschrapt.",
                    Readiness.Evidence.EVALUATION, e, today.minusWeeks(8));
        });
        settle(cab, Readiness.FEEDBACK_CHANNEL, "Ideeën over de app gaan via 'Verbeter deze app' in Meedenken.", null, null,
                today.minusWeeks(8));
        long second = pulse(projects.find(cab).orElseThrow(), today.minusWeeks(6), random, new double[]{3.8, 3.6, 4.3, 3.8});
        links.experiment("Samen zuinig rijden").ifPresent(x -> {
            links.link(cab, Readiness.Evidence.EXPERIMENT, x, "Ruud Jansen");
            settle(cab, Readiness.PILOT_EXPERIMENT, "Vier weken met vijf trucks in Zwolle, daarna samen beslissen.",
                    Readiness.Evidence.EXPERIMENT, x, today.minusWeeks(5));
        });
        links.agreementInForce().ifPresent(a -> settle(cab, Readiness.DATA_AGREEMENT,
                "Rijgegevens alleen volgens de afspraak met de OR; de chauffeur ziet eerst zijn eigen cijfers.",
                Readiness.Evidence.DRIVING_AGREEMENT, a.id(), links.agreementConsent(a.id()).orElse(today.minusWeeks(12))));
        settle(cab, Readiness.COUNCIL_CONSENT, "Instemming van de OR met de afspraak over rijgegevens.", null, null,
                today.minusWeeks(12));
        projects.moveOn(cab, projects.find(cab).orElseThrow().version(), null, "Ruud Jansen");
        backdate(cab, today.minusWeeks(5));
        links.recentIdea().ifPresent(i -> links.link(cab, Readiness.Evidence.IDEA, i, "Ruud Jansen"));

        // a new warehouse system: chosen and rolled out with little involvement
        long wms = projects.create(new Projects.NewProject("Nieuw magazijnsysteem", Technology.WMS, """
                Een nieuw magazijnbeheersysteem met handscanners, dat voorraad en orderpicken sneller en foutlozer \
                moet maken.""", ingrid.id().value(), false,
                List.of(new Project.Group(Project.Group.Kind.ROLE, "WAREHOUSE"))), "Ingrid van den Berg");
        projects.moveOn(wms, projects.find(wms).orElseThrow().version(),
                "De leverancier gaf korting bij bestellen voor de jaarwisseling.", "Ingrid van den Berg");
        backdate(wms, today.minusWeeks(9));
        projects.moveOn(wms, projects.find(wms).orElseThrow().version(),
                "Geen tijd voor ontwerpsessies: de oude software werd niet meer ondersteund.", "Ingrid van den Berg");
        backdate(wms, today.minusWeeks(6));
        settle(wms, Readiness.PILOT_EXPERIMENT, "Twee weken proefdraaien in Venlo.", null, null, today.minusWeeks(5));
        pulse(projects.find(wms).orElseThrow(), today.minusWeeks(4), random, new double[]{2.4, 2.0, 1.6, 2.2});
        projects.moveOn(wms, projects.find(wms).orElseThrow().version(),
                "De oude software stopt per de eerste van de maand; training volgt daarna.", "Ingrid van den Berg");
        backdate(wms, today.minusWeeks(3));
    }

    private PersonSummary person(Role role, String name) {
        return people.withRole(role).stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private void settle(long project, Readiness item, String evidence, Readiness.Evidence kind, Long ref, LocalDate on) {
        projects.settle(project, item, Readiness.Status.DONE, evidence, kind, ref, on, "Demo");
    }

    /** The newest phase change gets an earlier date, so the history reads as it happened. */
    private void backdate(long project, LocalDate day) {
        jdbc.sql("""
                        update innovation_phase_change set changed_at = :at
                        where id = (select max(id) from innovation_phase_change where project_id = :p)""")
                .param("at", Timestamp.valueOf(day.atTime(10, 0))).param("p", project).update();
    }

    /** An acceptance pulse of weeks ago, answered and closed. */
    private long pulse(Project project, LocalDate opensOn, Random random, double[] means) {
        pulses.start(project, opensOn, "Demo");
        long last = 0;
        for (AcceptancePulses.Pulse p : pulses.pulses(project)) {
            if (p.result() == null || !p.result().open()) {
                continue;
            }
            Map<Long, Integer> answers = teamsOf(p.group());
            answers.forEach((team, count) -> {
                for (int i = 0; i < count; i++) {
                    Map<String, Integer> sheet = new LinkedHashMap<>();
                    for (int s = 0; s < means.length; s++) {
                        sheet.put("custom_" + (s + 1), (int) Math.max(1, Math.min(5, Math.round(means[s] + random.nextGaussian() * 0.7))));
                    }
                    scans.storeDemoSheet(p.campaign(), team, role(p.group()), sheet);
                }
            });
            scans.close(p.campaign(), "Demo");
            last = p.campaign().value();
        }
        return last;
    }

    private Map<Long, Integer> teamsOf(Project.Group group) {
        Map<Long, Integer> answers = new LinkedHashMap<>();
        Role role = Role.parse(group.ref()).orElse(Role.EMPLOYEE);
        for (TeamSummary team : people.teams()) {
            long members = people.inTeam(team.id()).stream().filter(p -> p.has(role)).count();
            if (members > 0) {
                answers.put(team.id().value(), (int) Math.max(1, members - 1));
            }
        }
        return answers;
    }

    private static RoleGroup role(Project.Group group) {
        return "WAREHOUSE".equals(group.ref()) ? RoleGroup.WAREHOUSE : RoleGroup.DRIVER;
    }
}
