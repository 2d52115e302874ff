package nl.meedenken.learning.internal;

import nl.meedenken.actions.Actions;
import nl.meedenken.actions.NewAction;
import nl.meedenken.actions.Origin;
import nl.meedenken.organisation.DemoCompanyCreated;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.SiteSummary;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Fifteen reports from the last six months: named and anonymous, most of them answered,
 * several shared as lessons, two followed by actions. One anonymous report can be read with
 * the code {@value #DEMO_CODE}.
 */
@Component
class LearningDemo {

    static final String DEMO_CODE = "DEMO-LEER-CODE";
    private static final ZoneId LOCAL = ZoneId.of("Europe/Amsterdam");

    /**
     * One report: who (empty for anonymous), where, when (months ago), what, and the answer
     * and lesson title if there is one.
     */
    private record R(String reporter, String site, int monthsAgo, Category category, String what, String where,
                     String prevention, boolean mayPublish, String learned, String change, String lesson,
                     String action, String actionOwner) {
    }

    private static final String THANKS = "Dank je wel dat je dit meldde. Zo kunnen we het samen voorkomen.";

    private static final List<R> REPORTS = List.of(
            new R(null, "Zwolle", 5, Category.NEAR_MISS,
                    "Bij het achteruit rijden naar dock 4 liep iemand achter de wagen langs. De camera liet het net op tijd zien.",
                    "Dock 4, Zwolle", "Een gemarkeerd looppad langs de docks.", true,
                    "Het looppad naar de kantine loopt dwars door de rijroute van de vrachtwagens.",
                    "We tekenen een looppad af met een hek langs de docks.",
                    "Een looppad langs de docks", "Looppad langs dock 1 tot 6 aftekenen", "Gerrit Bos"),
            new R("Fatima el Idrissi", "Zwolle", 5, Category.SAFETY,
                    "Een pallet met dozen viel om toen ik hem met de pallettruck van de stelling haalde. De folie was te los.",
                    "Hal A, stelling 12", null, true,
                    "De folie-machine stond op een te lage spanning na onderhoud.",
                    "Na onderhoud controleren we de instelling van de folie-machine met een korte lijst.",
                    "Losse folie na onderhoud", null, null),
            new R(null, "Venlo", 4, Category.DAMAGE,
                    "Bij het inparkeren op het terrein van een klant raakte de oplegger een paal. Het was donker en de paal was niet verlicht.",
                    "Terrein van een klant", "Een lamp of reflectoren bij de paal.", true,
                    "Bij donker zijn de palen op dat terrein slecht te zien.",
                    "We vragen de klant om reflectoren en zetten het in de wensen bij dat adres.",
                    "Palen in het donker", null, null),
            new R("Jan de Vries", "Zwolle", 4, Category.CUSTOMER,
                    "De bestelling voor de bouwmarkt kwam te laat, omdat de laadlijst twee pallets miste.",
                    "Laden, ochtendploeg", "Laadlijst en dock samen nalopen voor vertrek.", false,
                    "De laadlijst werd gemaakt voordat de laatste orders binnen waren.",
                    "De planning maakt de laadlijst pas na de laatste orderronde van 5 uur.",
                    null, null, null),
            new R(null, "Zwolle", 4, Category.QUALITY,
                    "Gekoelde producten stonden twintig minuten buiten de koelcel, omdat de dock bezet was.",
                    "Koelcel Zwolle", null, true,
                    "Als de dock bij de koelcel bezet is, is er geen andere plek om gekoeld te wachten.",
                    "Gekoelde ritten krijgen een vaste tijd aan dock 1.",
                    "Koelproducten niet laten wachten", null, null),
            new R("Henk Mulder", "Venlo", 3, Category.NEAR_MISS,
                    "Een heftruck reed hard de hoek om bij hal C terwijl daar mensen liepen. Er gebeurde niets, maar het scheelde weinig.",
                    "Hoek bij hal C", "Een spiegel op de hoek.", true,
                    "Op die hoek kun je niet zien wie eraan komt.",
                    "Er komt een bolle spiegel en een stopstreep voor heftrucks.",
                    "Een blinde hoek bij hal C", "Spiegel en stopstreep bij hal C plaatsen", "Esther Kok"),
            new R(null, "Venlo", 3, Category.OTHER,
                    "De nachtploeg krijgt de overdracht soms niet, omdat het schrift kwijt is.",
                    "Kantoor magazijn Venlo", null, false,
                    "Het schrift is de enige plek voor de overdracht.",
                    "We maken een vaste plek voor het schrift en proberen een overdracht op het scherm.",
                    null, null, null),
            new R("Piotr Kowalski", "Zwolle", 2, Category.SAFETY,
                    "De spanband brak tijdens het vastzetten van de lading. De band was oud en rafelig.",
                    "Oplegger, Zwolle", "Spanbanden elke maand nakijken.", true,
                    "Oude spanbanden werden niet vervangen, omdat niemand wist wie dat doet.",
                    "Elke maand kijkt iemand van de ploeg de banden na; kapotte banden gaan in de rode bak.",
                    "Versleten spanbanden", null, null),
            new R(null, "Zwolle", 2, Category.DAMAGE,
                    "Een rolcontainer schoof in de laadbak tegen de zijwand, omdat hij niet vast stond.",
                    "Laadbak, rit naar Deventer", null, true,
                    "De rolcontainers hadden geen rem en er waren te weinig spanbanden aan boord.",
                    "Elke wagen krijgt vier extra spanbanden; rolcontainers zonder rem gaan terug.",
                    null, null, null),
            new R("Lisa Meijer", "Zwolle", 2, Category.QUALITY,
                    "Er zat een verkeerde sticker op twee pallets, waardoor ze naar het verkeerde adres gingen.",
                    "Inpakken, hal B", "De sticker scannen bij het laden.", false,
                    null, null, null, null, null),
            new R(null, "Venlo", 1, Category.NEAR_MISS,
                    "Op de parkeerplaats stond een wagen zonder handrem. Hij rolde een stukje naar achteren.",
                    "Parkeerplaats Venlo", null, true,
                    null, null, null, null, null),
            new R("Rob Willems", "Venlo", 1, Category.CUSTOMER,
                    "Bij een klant was niemand om te tekenen, dus ik moest wachten tot de lunch voorbij was.",
                    "Bij een klant in Roermond", "Bellen voordat we komen.", true,
                    "We wisten niet dat de klant tussen 12 en 1 dicht is.",
                    "De openingstijden staan nu bij het adres, zodat de planning er rekening mee houdt.",
                    null, null, null),
            new R(null, "Zwolle", 1, Category.SAFETY,
                    "De nooduitgang in hal A stond geblokkeerd door lege pallets.",
                    "Hal A", "Een vak op de vloer waar niets mag staan.", true,
                    null, null, null, null, null),
            new R("Andrei Popescu", "Zwolle", 0, Category.OTHER,
                    "De tankpas werkte niet bij het tankstation op de route, waardoor ik moest omrijden.",
                    "Route Zwolle–Groningen", null, false,
                    null, null, null, null, null),
            new R(DEMO_CODE, "Zwolle", 0, Category.NEAR_MISS,
                    "Een collega stond op de vork van de heftruck om iets van de bovenste plank te pakken.",
                    "Hal B", "Een veilige trap bij de hoge stellingen.", true,
                    "Er is geen goede trap in de buurt van de hoge stellingen, dus mensen zoeken een snelle oplossing.",
                    "Er komen twee rolbordessen in hal B. In het werkoverleg bespreken we waarom op de vork staan gevaarlijk is.",
                    null, "Twee rolbordessen kopen voor hal B", "Gerrit Bos"));

    private final Reports reports;
    private final Lessons lessons;
    private final Actions actions;
    private final People people;
    private final Clock clock;

    LearningDemo(Reports reports, Lessons lessons, Actions actions, People people, Clock clock) {
        this.reports = reports;
        this.lessons = lessons;
        this.actions = actions;
        this.people = people;
        this.clock = clock;
    }

    @EventListener
    @Order(30)
    void on(DemoCompanyCreated created) {
        YearMonth now = YearMonth.now(clock.withZone(LOCAL));
        LocalDate today = LocalDate.now(clock.withZone(LOCAL));
        List<SiteSummary> sites = people.sites();
        int n = 0;
        for (R r : REPORTS) {
            n++;
            YearMonth month = now.minusMonths(r.monthsAgo());
            int day = Math.min(3 + (n * 5) % 24, r.monthsAgo() == 0 ? Math.max(1, today.getDayOfMonth() - 1) : 28);
            Instant at = month.atDay(day).atTime(LocalTime.of(9 + n % 8, 15)).atZone(LOCAL).toInstant();
            Long site = sites.stream().filter(s -> s.name().equals(r.site())).map(s -> s.id().value()).findFirst()
                    .orElse(null);
            Reports.NewReport report = new Reports.NewReport(r.category(), r.what(), r.where(), r.prevention(), site,
                    r.mayPublish(), null);
            Optional<PersonSummary> reporter = r.reporter() == null || r.reporter().equals(DEMO_CODE) ? Optional.empty()
                    : person(r.reporter());
            long id = reporter.isPresent() ? reports.reportNamed(report, reporter.get().id().value(), at).id()
                    : reports.reportAnonymously(report,
                    DEMO_CODE.equals(r.reporter()) ? DEMO_CODE : reports.newCode(), month).id();
            if (r.learned() == null) {
                continue;
            }
            Instant answered = at.plusSeconds(3 * 86_400L);
            if (answered.isAfter(clock.instant())) {
                answered = clock.instant().minusSeconds(600);
            }
            String by = r.site().equals("Venlo") ? "Esther Kok" : "Gerrit Bos";
            reports.answer(id, r.learned(), r.change(), THANKS, by, answered);
            if (r.lesson() != null) {
                lessons.publish(id, new Lessons.Draft(r.lesson(), r.what(), r.learned() + "\n\n" + r.change(), true),
                        by, answered.plusSeconds(3600));
            }
            if (r.action() != null) {
                Optional<PersonSummary> owner = person(r.actionOwner());
                if (owner.isPresent()) {
                    actions.create(new NewAction(r.action(), null, owner.get().id().value(),
                            LocalDate.ofInstant(answered, LOCAL).plusWeeks(6),
                            new Origin(Origin.Type.MISTAKE_REPORT, id, dutch(r.category()) + " · "
                                    + month.getMonthValue() + "/" + month.getYear())), by, answered);
                }
            }
        }
    }

    private static String dutch(Category category) {
        return switch (category) {
            case SAFETY -> "Veiligheid";
            case QUALITY -> "Kwaliteit";
            case CUSTOMER -> "Klant";
            case DAMAGE -> "Schade";
            case NEAR_MISS -> "Bijna-ongeluk";
            case OTHER -> "Anders";
        };
    }

    private Optional<PersonSummary> person(String name) {
        return people.withRole(nl.meedenken.platform.Role.EMPLOYEE).stream().filter(p -> p.name().equals(name))
                .findFirst();
    }
}
