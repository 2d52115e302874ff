package nl.meedenken.scan.internal;

import nl.meedenken.organisation.DemoCompanyCreated;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.TeamSummary;
import nl.meedenken.scan.RoleGroup;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Scan campaigns for the demo company: one a year ago, one just closed, one open now. The
 * answers tell a story a manager recognises: leadership became more coaching, the
 * figures are still a closed book, and leaders see things brighter than the drivers.
 */
@Component
class ScanDemo {

    /** Average answer of the shop floor per dimension, a year ago and now. */
    private static final Map<String, double[]> SHOP_FLOOR = new LinkedHashMap<>();
    /** How much brighter leaders (management and team leads) see a dimension. */
    private static final Map<String, Double> LEADERS_BRIGHTER = Map.of("say_in_change", 1.3, "consulted", 1.2,
            "leadership", 1.1, "financial_transparency", 1.4, "steering", 0.9, "speaking_up", 1.0);

    static {
        SHOP_FLOOR.put("steering", new double[]{2.4, 2.8});
        SHOP_FLOOR.put("latitude", new double[]{2.9, 3.2});
        SHOP_FLOOR.put("say_in_change", new double[]{2.5, 2.8});
        SHOP_FLOOR.put("leadership", new double[]{2.5, 3.4});
        SHOP_FLOOR.put("consulted", new double[]{2.6, 3.1});
        SHOP_FLOOR.put("speaking_up", new double[]{2.9, 3.2});
        SHOP_FLOOR.put("helping", new double[]{3.8, 3.9});
        SHOP_FLOOR.put("openness_trust", new double[]{3.0, 3.3});
        SHOP_FLOOR.put("learning_mistakes", new double[]{2.8, 3.2});
        SHOP_FLOOR.put("room_experiment", new double[]{2.7, 3.1});
        SHOP_FLOOR.put("evaluating_together", new double[]{2.6, 3.2});
        SHOP_FLOOR.put("involvement_challenges", new double[]{2.5, 2.8});
        SHOP_FLOOR.put("financial_transparency", new double[]{1.9, 2.0});
        SHOP_FLOOR.put("engagement", new double[]{3.4, 3.6});
        SHOP_FLOOR.put("tech_readiness", new double[]{3.2, 3.4});
        SHOP_FLOOR.put("learning_org", new double[]{2.8, 3.2});
    }

    /** Who answers: department name, role group and how many, a year ago / just closed / open now. */
    private record Respondents(String team, RoleGroup role, int[] counts) {
    }

    private static final List<Respondents> RESPONDENTS = List.of(
            new Respondents("Chauffeurs Zwolle", RoleGroup.DRIVER, new int[]{8, 9, 5}),
            new Respondents("Chauffeurs Zwolle", RoleGroup.TEAM_LEAD, new int[]{1, 1, 1}),
            new Respondents("Chauffeurs Venlo", RoleGroup.DRIVER, new int[]{6, 7, 3}),
            new Respondents("Chauffeurs Venlo", RoleGroup.TEAM_LEAD, new int[]{1, 1, 0}),
            new Respondents("Magazijn Zwolle", RoleGroup.WAREHOUSE, new int[]{5, 5, 2}),
            new Respondents("Magazijn Zwolle", RoleGroup.TEAM_LEAD, new int[]{1, 1, 0}),
            new Respondents("Magazijn Venlo", RoleGroup.WAREHOUSE, new int[]{5, 6, 2}),
            new Respondents("Magazijn Venlo", RoleGroup.TEAM_LEAD, new int[]{1, 1, 1}),
            new Respondents("Planning", RoleGroup.OFFICE, new int[]{3, 3, 1}),
            new Respondents("Kantoor", RoleGroup.OFFICE, new int[]{2, 2, 0}),
            new Respondents("Directie", RoleGroup.MANAGEMENT, new int[]{2, 2, 1}));

    private static final List<String> WORKS_WELL = List.of(
            "Collega's helpen elkaar altijd als er iemand vastloopt met lossen.",
            "De teamleider luistert tegenwoordig echt als je iets meldt.",
            "Goede sfeer in de kantine, je kunt met iedereen praten.",
            "De nieuwe planning-app werkt prima, minder gebel.",
            "We mogen zelf de volgorde van de adressen kiezen, dat scheelt tijd.",
            "The team helps each other, also with language.");
    private static final List<String> CHANGE_FIRST = List.of(
            "Vertel ons hoe het bedrijf ervoor staat. We horen nu niks over de cijfers.",
            "Vraag ons eerder wat we vinden voordat er iets nieuws komt.",
            "Minder haast bij het laden in de ochtend, dan gaan er minder dingen mis.",
            "Ik wil weten waarom beslissingen genomen worden.",
            "Betere uitleg bij nieuwe systemen in de cabine.",
            "Please explain the company results in simple English too.");

    private final Campaigns campaigns;
    private final Instruments instruments;
    private final Answering answering;
    private final People people;
    private final Clock clock;

    ScanDemo(Campaigns campaigns, Instruments instruments, Answering answering, People people, Clock clock) {
        this.campaigns = campaigns;
        this.instruments = instruments;
        this.answering = answering;
        this.people = people;
        this.clock = clock;
    }

    /** Early among the demo loaders, so the company scans get the first campaign numbers. */
    @EventListener
    @org.springframework.core.annotation.Order(15)
    void on(DemoCompanyCreated created) {
        instruments.loadAll();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Amsterdam")));
        Map<String, Long> teams = new LinkedHashMap<>();
        for (TeamSummary team : people.teams()) {
            teams.put(team.name(), team.id().value());
        }
        Instrument instrument = instruments.get(instruments.latestId());
        Random random = new Random(20261128L);
        long lastYear = campaign("Meedenken-scan " + today.minusYears(1).getYear(), today.minusYears(1).minusWeeks(3),
                today.minusYears(1));
        fill(lastYear, 0, teams, instrument, random);
        campaigns.close(lastYear, "demo");
        long recent = campaign("Meedenken-scan " + today.getYear(), today.minusWeeks(6), today.minusWeeks(2));
        fill(recent, 1, teams, instrument, random);
        campaigns.close(recent, "demo");
        long open = campaign("Meedenken-scan " + today.getYear() + " — Venlo en Zwolle, tweede ronde", today.minusDays(5),
                today.plusWeeks(2));
        fill(open, 2, teams, instrument, random);
    }

    private long campaign(String title, LocalDate opens, LocalDate closes) {
        long id = campaigns.create(new Campaigns.Draft(title, opens, closes, Campaigns.DEFAULT_MIN_GROUP, List.of(),
                List.of()), "demo");
        campaigns.open(id, "demo");
        return id;
    }

    private void fill(long campaignId, int round, Map<String, Long> teams, Instrument instrument, Random random) {
        int period = Math.min(round, 1);
        for (Respondents group : RESPONDENTS) {
            Long team = teams.get(group.team());
            for (int i = 0; i < group.counts()[round]; i++) {
                boolean leader = group.role() == RoleGroup.MANAGEMENT || group.role() == RoleGroup.TEAM_LEAD;
                Map<String, Integer> answers = new LinkedHashMap<>();
                for (Instrument.Dimension d : instrument.dimensions()) {
                    double mean = SHOP_FLOOR.getOrDefault(d.code(), new double[]{3, 3})[period]
                            + (leader ? LEADERS_BRIGHTER.getOrDefault(d.code(), 0.6) : 0)
                            + (group.role() == RoleGroup.OFFICE ? 0.3 : 0);
                    for (Instrument.Item item : d.items()) {
                        int score = (int) Math.max(1, Math.min(5, Math.round(mean + random.nextGaussian() * 0.8)));
                        answers.put(item.code(), item.reverse() ? 6 - score : score);
                    }
                }
                Map<String, String> open = new LinkedHashMap<>();
                if (random.nextDouble() < 0.45) {
                    open.put("works_well", WORKS_WELL.get(random.nextInt(WORKS_WELL.size())));
                }
                if (random.nextDouble() < 0.55) {
                    open.put("change_first", CHANGE_FIRST.get(random.nextInt(CHANGE_FIRST.size())));
                }
                boolean undisclosed = random.nextDouble() < 0.05;
                answering.store(campaignId, undisclosed || team == null ? 0 : team,
                        undisclosed ? RoleGroup.UNDISCLOSED : group.role(), random.nextDouble() < 0.2 ? "en" : "nl",
                        answers, open);
            }
        }
    }
}
