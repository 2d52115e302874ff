package nl.meedenken.ideas.internal;

import nl.meedenken.organisation.DemoCompanyCreated;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.platform.Role;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Twenty-five ideas in every state, four experiments (planned, running, late with its
 * decision, decided) and an innovation team of young employees.
 */
@Component
class IdeasDemo {

    /** An idea: who, how many days ago, what, and the answers it got (status, reason, by, days later). */
    private record I(String author, int daysAgo, Category category, String title, String problem, String proposal,
                     List<A> answers, List<String> supporters) {
    }

    private record A(IdeaStatus status, String reason, String by, int daysLater) {
    }

    private static final String RUUD = "Ruud Jansen";
    private static final String GERRIT = "Gerrit Bos";
    private static final String INGRID = "Ingrid van den Berg";
    private static final String ESTHER = "Esther Kok";

    private static final List<I> IDEAS = List.of(
            // waiting for an answer; the first two longer than promised
            new I("Wim Vos", 24, Category.WORKING_CONDITIONS, "Stoelen in de kantine vervangen",
                    "De stoelen in de kantine zijn kapot en zitten slecht in de pauze.", "Nieuwe, stevige stoelen kopen.",
                    List.of(), List.of("Jan de Vries", "Kees Dekker")),
            new I("Emre Kaya", 19, Category.EFFICIENCY, "Scanner bij de uitgang van hal C",
                    "We lopen voor elke scan terug naar het kantoor.", "Een vaste scanner bij de uitgang.",
                    List.of(), List.of("Maria Santos")),
            // written in the author's own language: colleagues read it with the Translate button
            new I("Piotr Kowalski", 6, Category.SAFETY, "Więcej światła przy dystrybutorze",
                    "Wieczorem przy dystrybutorze jest ciemno i słabo widać wąż.", "Dwie lampy nad dystrybutorem.",
                    List.of(), List.of("Andrei Popescu", "Marta Nowak")),
            new I("Nicole Schouten", 4, Category.CUSTOMER, "Foto van de lading bij aflevering",
                    "Klanten melden schade die er bij het laden niet was.", "Een foto maken van de lading bij aflevering.",
                    List.of(), List.of()),
            new I("Youssef Amrani", 3, Category.ICT_TOOLS, "المسار على الهاتف بدل الورق",
                    "قائمة المسار الورقية تكون قديمة غالبًا عندما ننطلق.", "المسار والتغييرات تظهر على الهاتف.",
                    List.of(), List.of("Sven Maas")),
            new I("Anouk de Graaf", 1, Category.OTHER, "Nieuwsbrief in meer talen",
                    "Niet iedereen leest de nieuwsbrief in het Nederlands.", "De nieuwsbrief ook in het Engels en Pools.",
                    List.of(), List.of()),
            // being looked at
            new I("Jan de Vries", 40, Category.EFFICIENCY, "Laadlijst een dag eerder klaar",
                    "Bij het laden missen we soms pallets op de lijst.", "De laadlijst de middag ervoor klaarzetten.",
                    List.of(new A(IdeaStatus.UNDER_REVIEW, "Goed punt. Ik bespreek het met de planning en kom erop terug.", RUUD, 5)),
                    List.of("Dennis van Leeuwen", "Wim Vos")),
            new I("Maria Santos", 30, Category.WORKING_CONDITIONS, "Warme kleding voor de koelcel",
                    "In de koelcel is het te koud met de gewone jas.", "Een goede koelceljas voor iedereen die er werkt.",
                    List.of(new A(IdeaStatus.UNDER_REVIEW, "We vragen offertes op voor koelceljassen.", ESTHER, 3)),
                    List.of("Bogdan Petrov", "Joyce Hermans", "Thijs van Dam")),
            new I("Olena Kovalenko", 25, Category.CUSTOMER, "Vaste chauffeur voor vaste klanten",
                    "Klanten moeten elke keer iemand nieuw uitleggen waar alles staat.", "Waar het kan, dezelfde chauffeur.",
                    List.of(new A(IdeaStatus.UNDER_REVIEW, "We kijken met de planning wat mogelijk is.", "Bram Peters", 8)),
                    List.of()),
            new I("Youssef El Amrani", 15, Category.ICT_TOOLS, "Eén wachtwoord voor alle systemen",
                    "We hebben vijf wachtwoorden voor vijf systemen.", "Inloggen met één account.",
                    List.of(new A(IdeaStatus.UNDER_REVIEW, "Ik zoek uit wat dit kost.", INGRID, 4)), List.of()),
            // being tried out
            new I("Dennis van Leeuwen", 70, Category.EFFICIENCY, "Vaste dockmedewerker in de ochtend",
                    "In de ochtend zoeken chauffeurs iemand om te laden.", "Eén vaste dockmedewerker van 5 tot 9 uur.",
                    List.of(new A(IdeaStatus.EXPERIMENT, "We proberen het vier weken en meten de laadtijd.", RUUD, 6)),
                    List.of("Jan de Vries", "Piotr Kowalski", "Kees Dekker")),
            new I("Lisa Meijer", 45, Category.SAFETY, "Gekleurde vakken op de vloer",
                    "Er staan pallets in de looproutes.", "Vakken op de vloer tekenen waar pallets mogen staan.",
                    List.of(new A(IdeaStatus.EXPERIMENT, "We proberen het eerst in hal A.", GERRIT, 2)), List.of("Daan Brouwer")),
            new I("Sven Maas", 20, Category.EFFICIENCY, "Zuinig rijden samen oefenen",
                    "Het verbruik verschilt veel tussen chauffeurs.", "Een middag samen oefenen met een ervaren collega.",
                    List.of(new A(IdeaStatus.EXPERIMENT, "We starten volgende maand met een groep vrijwilligers.", "Bram Peters", 3)),
                    List.of("Rob Willems", "Frank Janssen")),
            new I("Joyce Hermans", 35, Category.WORKING_CONDITIONS, "Roosters twee weken vooruit",
                    "We weten pas een paar dagen vooraf wanneer we moeten werken.", "Het rooster twee weken vooruit maken.",
                    List.of(new A(IdeaStatus.UNDER_REVIEW, "Ik bekijk dit met de planners.", ESTHER, 4),
                            new A(IdeaStatus.EXPERIMENT, "We proberen het een maand in Venlo.", ESTHER, 12)),
                    List.of("Maria Santos", "Emre Kaya")),
            // adopted
            new I("Kees Dekker", 200, Category.SAFETY, "Spiegel op de hoek bij hal C",
                    "Op de hoek bij hal C zie je niet wie eraan komt.", "Een bolle spiegel ophangen.",
                    List.of(new A(IdeaStatus.ADOPTED, "Goed idee, de spiegel hangt er volgende week.", GERRIT, 4)),
                    List.of("Henk Mulder")),
            new I("Andrei Popescu", 170, Category.EFFICIENCY, "Măsurăm presiunea în pneuri în fiecare luni",
                    "Pneurile prea moi consumă mai multă motorină.", "În fiecare luni măsurăm presiunea în pneuri.",
                    List.of(new A(IdeaStatus.ADOPTED, "We doen het vanaf nu elke maandag.", RUUD, 7)), List.of("Wim Vos", "Piotr Kowalski")),
            new I("Krzysztof Zieliński", 140, Category.EFFICIENCY, "Lege pallets direct sorteren",
                    "Lege pallets liggen door elkaar en we zoeken lang.", "Lege pallets meteen per soort stapelen.",
                    List.of(new A(IdeaStatus.ADOPTED, "Er is nu een rooster voor het opruimen.", GERRIT, 5)), List.of()),
            new I("Tomasz Wiśniewski", 100, Category.CUSTOMER, "Bellen bij vertraging",
                    "Klanten weten niet dat we later komen.", "Een half uur vooraf bellen als we later zijn.",
                    List.of(new A(IdeaStatus.ADOPTED, "Afgesproken: bij meer dan 30 minuten vertraging bellen we.", "Bram Peters", 3)),
                    List.of("João Silva", "Ionuț Dumitru")),
            new I("Daan Brouwer", 60, Category.ICT_TOOLS, "Storingen melden via de telefoon",
                    "Een kapotte heftruck melden kost veel tijd.", "Een korte melding via de telefoon.",
                    List.of(new A(IdeaStatus.ADOPTED, "De meldknop staat nu op de telefoon.", INGRID, 9)), List.of("Lisa Meijer")),
            new I("Mehmet Yılmaz", 50, Category.EFFICIENCY, "Motor uit bij het lossen",
                    "Tijdens het lossen laten we de motor vaak draaien.", "Afspreken dat de motor uit gaat bij het lossen.",
                    List.of(new A(IdeaStatus.ADOPTED, "Afgesproken met alle chauffeurs.", RUUD, 2)), List.of("Georgi Ivanov")),
            // not adopted
            new I("Georgi Ivanov", 90, Category.WORKING_CONDITIONS, "Een sportschool in de loods",
                    "Na het werk is er geen tijd om te sporten.", "Een kleine sportruimte in de loods.",
                    List.of(new A(IdeaStatus.NOT_ADOPTED, "Daar is geen ruimte voor. We kijken wel naar korting bij een sportschool.", INGRID, 10)),
                    List.of()),
            new I("Ahmed Benali", 75, Category.EFFICIENCY, "Nachtploeg in Zwolle",
                    "Overdag is het druk bij de docks.", "Een extra ploeg 's nachts.",
                    List.of(new A(IdeaStatus.NOT_ADOPTED, "Klanten kunnen 's nachts niet ontvangen, dus dat helpt nu niet.", GERRIT, 6)),
                    List.of("Krzysztof Zieliński")),
            new I("Marta Nowak", 55, Category.CUSTOMER, "Zaterdag leveren",
                    "Sommige klanten willen op zaterdag ontvangen.", "Een zaterdagdienst.",
                    List.of(new A(IdeaStatus.NOT_ADOPTED, "Te weinig klanten vragen erom. Over een half jaar kijken we opnieuw.", INGRID, 12)),
                    List.of()),
            // parked
            new I("Thijs van Dam", 80, Category.ICT_TOOLS, "Een nieuw magazijnsysteem",
                    "Het systeem is traag en valt soms uit.", "Een nieuw magazijnsysteem kiezen.",
                    List.of(new A(IdeaStatus.PARKED, "Dit nemen we mee als we volgend jaar een nieuw systeem kiezen.", INGRID, 14)),
                    List.of("Emre Kaya", "Bogdan Petrov")),
            new I("João Silva", 65, Category.OTHER, "Elektrische bestelbus",
                    "Voor korte ritten in de stad is een grote wagen te veel.", "Een elektrische bestelbus voor stadsritten.",
                    List.of(new A(IdeaStatus.PARKED, "Mooi idee; eerst moet er een laadpaal komen.", "Marco Smit", 9)), List.of()));

    private final IdeaBox ideas;
    private final Experiments experiments;
    private final InnovationRoster roster;
    private final People people;
    private final Clock clock;

    IdeasDemo(IdeaBox ideas, Experiments experiments, InnovationRoster roster, People people, Clock clock) {
        this.ideas = ideas;
        this.experiments = experiments;
        this.roster = roster;
        this.people = people;
        this.clock = clock;
    }

    @EventListener
    @Order(40)
    void on(DemoCompanyCreated created) {
        Set<Long> young = new LinkedHashSet<>();
        for (String name : List.of("Daan Brouwer", "Lisa Meijer", "Sven Maas", "Dennis van Leeuwen", "Joyce Hermans")) {
            person(name).ifPresent(p -> young.add(p.id().value()));
        }
        long team = roster.create("De Jonge Denkers", "Jonge collega's zoeken naar nieuwe manieren van werken en "
                + "mogen zelf kleine experimenten van hoogstens een maand starten.", young, "demo");
        Instant now = clock.instant();
        long dockIdea = 0;
        long floorIdea = 0;
        long ecoIdea = 0;
        long rosterIdea = 0;
        long usedIdea = 0;
        for (I idea : IDEAS) {
            Optional<PersonSummary> author = person(idea.author());
            if (author.isEmpty()) {
                continue;
            }
            Instant at = now.minus(Duration.ofDays(idea.daysAgo())).minus(Duration.ofHours(2));
            long id = ideas.submit(new IdeaBox.NewIdea(idea.title(), idea.problem(), idea.proposal(), idea.category(),
                    author.get().site() == null ? null : author.get().site().value(),
                    author.get().team() == null ? null : author.get().team().value(), null), author.get().id().value(),
                    null, at);
            for (String supporter : idea.supporters()) {
                person(supporter).ifPresent(p -> ideas.support(id, p.id().value()));
            }
            for (A answer : idea.answers()) {
                person(answer.by()).ifPresent(by -> ideas.answer(id, answer.status(), answer.reason(), by.id().value(),
                        by.name(), true, at.plus(Duration.ofDays(answer.daysLater()))));
            }
            switch (idea.title()) {
                case "Vaste dockmedewerker in de ochtend" -> dockIdea = id;
                case "Gekleurde vakken op de vloer" -> floorIdea = id;
                case "Zuinig rijden samen oefenen" -> ecoIdea = id;
                case "Roosters twee weken vooruit" -> rosterIdea = id;
                case "Storingen melden via de telefoon" -> usedIdea = id;
                default -> { }
            }
            if (!idea.answers().isEmpty()
                    && idea.answers().get(idea.answers().size() - 1).status() == IdeaStatus.ADOPTED) {
                impact(id, idea.title());
            }
        }
        final long dock = dockIdea;
        person("Kees Dekker").ifPresent(p -> ideas.comment(dock, p.id().value(),
                "In Venlo doen ze dit al een tijdje. Daar scheelt het echt.", now.minus(Duration.ofDays(66))));
        person("Piotr Kowalski").ifPresent(p -> ideas.comment(dock, p.id().value(),
                "Graag! Dan hoef ik niet meer te zoeken naar iemand met een heftruck.", now.minus(Duration.ofDays(65))));
        LocalDate today = experiments.today();
        experiments.start(new Experiments.Plan(dockIdea, "Vaste dockmedewerker, vier weken",
                "We denken dat een vaste dockmedewerker van 5 tot 9 uur het laden tien minuten per wagen sneller maakt.",
                "Eén collega van het magazijn staat elke ochtend vast bij de docks.", "Chauffeurs Zwolle en Magazijn Zwolle",
                today.minusWeeks(6), today.minusWeeks(2), "De laadtijd per wagen, uit de scans bij vertrek.", null),
                "demo", now.minus(Duration.ofDays(45)));
        ideas.toInnovationTeam(floorIdea, team);
        long floor = experiments.start(new Experiments.Plan(floorIdea, "Vakken op de vloer in hal A",
                "We denken dat vakken op de vloer de looproutes vrij houden.", "Vakken tekenen in hal A, niet in hal B.",
                "Magazijn Zwolle", today.minusWeeks(8), today.minusWeeks(4), "Elke week tellen we de pallets in de looproutes.",
                team), "demo", now.minus(Duration.ofDays(60)));
        experiments.decide(floor, "In hal A stonden na vier weken bijna geen pallets meer in de looproutes; in hal B wel.",
                Experiment.Decision.ADOPT, "Het werkt: we tekenen ook vakken in hal B.", GERRIT, now.minus(Duration.ofDays(20)));
        experiments.start(new Experiments.Plan(ecoIdea, "Samen zuinig rijden",
                "We denken dat een middag oefenen met een ervaren collega het verbruik met 5 procent verlaagt.",
                "Zes chauffeurs rijden een middag mee met een collega die zuinig rijdt.", "Zes vrijwilligers uit Venlo",
                today.plusWeeks(1), today.plusWeeks(7), "Het verbruik per 100 km, zes weken voor en na.", team),
                "demo", now.minus(Duration.ofDays(2)));
        experiments.start(new Experiments.Plan(rosterIdea, "Rooster twee weken vooruit in Venlo",
                "We denken dat een rooster twee weken vooruit minder ruilen en minder ziekmeldingen geeft.",
                "De planners in Venlo maken het rooster twee weken vooruit.", "Magazijn Venlo",
                today.minusWeeks(2), today.plusWeeks(2), "Het aantal geruilde diensten per week.", null),
                "demo", now.minus(Duration.ofDays(15)));
        ideas.toInnovationTeam(usedIdea, team);
    }

    private void impact(long id, String title) {
        Impact impact = switch (title) {
            case "Spiegel op de hoek bij hal C" -> new Impact(null, null, null, "Minder bijna-aanrijdingen bij hal C",
                    null, null, null, "Geen bijna-aanrijdingen meer gemeld", null);
            case "Măsurăm presiunea în pneuri în fiecare luni" -> new Impact(new BigDecimal("6000"), null, new BigDecimal("4500"),
                    null, new BigDecimal("7200"), null, new BigDecimal("5400"), null, null);
            case "Lege pallets direct sorteren" -> new Impact(null, new BigDecimal("6"), null, null, null,
                    new BigDecimal("5"), null, null, null);
            case "Bellen bij vertraging" -> new Impact(new BigDecimal("2000"), null, null, null, null, null, null, null, null);
            case "Storingen melden via de telefoon" -> new Impact(null, new BigDecimal("3"), null, null, null,
                    new BigDecimal("4"), null, null, null);
            default -> new Impact(new BigDecimal("9000"), null, new BigDecimal("8000"), null, null, null, null, null, null);
        };
        ideas.impact(id, impact, "demo");
    }

    private Optional<PersonSummary> person(String name) {
        return people.withRole(Role.EMPLOYEE).stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
