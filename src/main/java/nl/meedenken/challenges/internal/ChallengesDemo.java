package nl.meedenken.challenges.internal;

import nl.meedenken.ideas.Ideas;
import nl.meedenken.organisation.DemoCompanyCreated;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.platform.Role;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Three challenges: a possible new branch (open, with options to vote on and an innovation
 * team on it), a large new customer (closed, with what was done with the input), and a
 * shop-floor problem at the docks.
 */
@Component
class ChallengesDemo {

    private static final ZoneId LOCAL = ZoneId.of("Europe/Amsterdam");

    private final ChallengeBoard board;
    private final Ideas ideas;
    private final People people;
    private final Clock clock;

    ChallengesDemo(ChallengeBoard board, Ideas ideas, People people, Clock clock) {
        this.board = board;
        this.ideas = ideas;
        this.people = people;
        this.clock = clock;
    }

    @EventListener
    @Order(50)
    void on(DemoCompanyCreated created) {
        Optional<PersonSummary> ingrid = person("Ingrid van den Berg");
        Optional<PersonSummary> fatima = person("Fatima el Idrissi");
        if (ingrid.isEmpty() || fatima.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(LOCAL));
        long manager = ingrid.get().id().value();

        long customer = board.post(new ChallengeBoard.Post(Challenge.Kind.COMPANY, "Een grote nieuwe klant: een supermarktketen",
                "Een supermarktketen wil dat wij vanaf het voorjaar twintig winkels in Overijssel beleveren, elke dag "
                        + "voor 7 uur. Dat is veel werk, maar het vraagt ook vroege diensten en gekoelde wagens.",
                "Wat moeten we regelen zodat dit goed gaat voor de klant én voor ons?", today.minusDays(20), List.of()),
                manager, true, now.minus(Duration.ofDays(45)));
        input(customer, "Jan de Vries", "Vroege diensten zijn prima als ze vast zijn, niet elke week anders.", 40);
        input(customer, "Piotr Kowalski", "Gekoelde wagens hebben we te weinig. Liever huren dan de oude gebruiken.", 38);
        input(customer, "Lisa Meijer", "Het magazijn moet dan om 4 uur open. Dat kan met een vaste nachtploeg van drie mensen.", 35);
        board.close(customer, "Dank voor alle inbreng. We hebben ja gezegd tegen de klant. De vroege diensten worden vaste "
                        + "diensten die je voor een heel kwartaal kiest. We huren vier gekoelde wagens, en in Zwolle komt "
                        + "een vaste vroege ploeg van drie mensen in het magazijn.", manager, "Ingrid van den Berg", true,
                now.minus(Duration.ofDays(15)));

        long branch = board.post(new ChallengeBoard.Post(Challenge.Kind.COMPANY, "Een nieuwe vestiging in Deventer?",
                "Steeds meer klanten zitten rond Deventer. Vanuit Zwolle rijden we daar veel lege kilometers. "
                        + "Een kleine vestiging met een cross-dock kan dat schelen, maar kost ook geld.",
                "Wat vinden jullie: wat moet zo'n vestiging hebben, en is het een goed idee?", today.plusWeeks(3),
                List.of("Ja, een kleine cross-dock in Deventer", "Nee, eerst de planning vanuit Zwolle verbeteren",
                        "Eerst een proef met een gehuurde dock")),
                manager, true, now.minus(Duration.ofDays(10)));
        input(branch, "Wim Vos", "Een proef lijkt me verstandig. Dan zien we of de klanten blijven.", 8);
        input(branch, "Sven Maas", "Let op parkeerruimte voor de trekkers; die is in Deventer schaars.", 6);
        vote(branch, "Wim Vos", 2);
        vote(branch, "Sven Maas", 2);
        vote(branch, "Jan de Vries", 0);
        vote(branch, "Kees Dekker", 1);
        ideas.innovationTeams().stream().findFirst().ifPresent(team -> board.assign(branch, team.id()));

        long docks = board.post(new ChallengeBoard.Post(Challenge.Kind.SHOP_FLOOR, "Te weinig ruimte bij de docks in de ochtend",
                "Tussen 6 en 8 uur staan er meer wagens te wachten dan er docks vrij zijn. Chauffeurs wachten soms een half uur.",
                "Hoe verdelen we de ochtend beter over de docks?", today.plusWeeks(2), List.of()),
                fatima.get().id().value(), false, now.minus(Duration.ofDays(5)));
        input(docks, "Dennis van Leeuwen", "Vaste tijden per wagen, zoals bij het distributiecentrum.", 4);
        person("Dennis van Leeuwen").ifPresent(p -> ideas.byAuthor(p.id().value()).stream().findFirst()
                .ifPresent(idea -> board.linkIdea(docks, idea.id(), p.id().value())));
    }

    private void input(long challenge, String name, String text, int daysAgo) {
        person(name).ifPresent(p -> board.respond(challenge, p.id().value(), text,
                clock.instant().minus(Duration.ofDays(daysAgo))));
    }

    private void vote(long challenge, String name, int option) {
        person(name).ifPresent(p -> board.vote(challenge, p.id().value(), board.options(challenge).get(option).id()));
    }

    private Optional<PersonSummary> person(String name) {
        return people.withRole(Role.EMPLOYEE).stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
