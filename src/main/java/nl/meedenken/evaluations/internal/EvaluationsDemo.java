package nl.meedenken.evaluations.internal;

import nl.meedenken.actions.ActionId;
import nl.meedenken.actions.ActionStatus;
import nl.meedenken.actions.Actions;
import nl.meedenken.organisation.DemoCompanyCreated;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.TeamSummary;
import nl.meedenken.platform.Role;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Four months of evaluations for the drivers and the warehouse in Zwolle: cards, votes, a
 * group, and actions that were done, dropped with a reason, are still running or are late.
 * The next session of each team is planned for today, so it can be started in the demo.
 */
@Component
class EvaluationsDemo {

    private static final ZoneId LOCAL = ZoneId.of("Europe/Amsterdam");

    /** A card; {@code anonymous} cards carry no author. */
    private record C(CardKind kind, String text, boolean anonymous) {
    }

    /** An action made from card {@code card}: its owner, due date in days from today, and how it ended. */
    private record A(int card, String title, String owner, int dueInDays, ActionStatus end, String reason) {
    }

    private record Script(int weeksAgo, List<C> cards, int groupCard, int groupInto, List<A> actions) {
    }

    private static final List<Script> DRIVERS = List.of(
            new Script(16, List.of(
                    new C(CardKind.WELL, "De planning staat op tijd in de app, ook als er iets verandert.", false),
                    new C(CardKind.WELL, "Collega's helpen elkaar bij het laden.", false),
                    new C(CardKind.BETTER, "Bij het distributiecentrum in Nieuwegein wachten we vaak meer dan een uur.", false),
                    new C(CardKind.BETTER, "De sleutels van de reservewagens zijn 's ochtends niet te vinden.", true),
                    new C(CardKind.BETTER, "Op de lange rit naar Groningen is er geen tijd voor een echte pauze.", true),
                    new C(CardKind.BETTER, "Soms twee uur wachten in Nieuwegein.", false),
                    new C(CardKind.IDEA, "Een vast kastje voor de sleutels, met een lijst erbij.", false)),
                    5, 2, List.of(
                    new A(6, "Sleutelkastje ophangen bij de uitgang van de loods", "Jan de Vries", -90, ActionStatus.DONE, null),
                    new A(2, "Met DC Nieuwegein vaste laadtijden afspreken", "Ruud Jansen", -85, ActionStatus.DONE, null))),
            new Script(12, List.of(
                    new C(CardKind.WELL, "Het sleutelkastje werkt: geen gezoek meer.", false),
                    new C(CardKind.WELL, "Sinds de vaste tijden is het wachten in Nieuwegein korter.", false),
                    new C(CardKind.BETTER, "De kaartlezer voor de tachograaf doet het vaak niet in de oude wagens.", false),
                    new C(CardKind.BETTER, "Na 18 uur is er te weinig parkeerplek bij de loods.", true),
                    new C(CardKind.BETTER, "De laadlijst klopt niet altijd met wat er bij de dock staat.", false),
                    new C(CardKind.IDEA, "De laadlijst op de telefoon in plaats van op papier.", false)),
                    -1, -1, List.of(
                    new A(2, "Kaartlezers in de drie oude wagens laten nakijken", "Wim Vos", -60, ActionStatus.DONE, null),
                    new A(4, "Laadlijst samen met het magazijn controleren bij de dock", "Dennis van Leeuwen", 10, ActionStatus.DOING, null))),
            new Script(8, List.of(
                    new C(CardKind.WELL, "De kaartlezers werken weer.", false),
                    new C(CardKind.WELL, "Goede uitleg over de cijfers van de maand.", false),
                    new C(CardKind.BETTER, "Nieuwe collega's weten niet waar de hesjes en handschoenen liggen.", false),
                    new C(CardKind.BETTER, "'s Ochtends veel file op de A73 richting Venlo.", true),
                    new C(CardKind.IDEA, "Een welkomstmap voor nieuwe chauffeurs.", false),
                    new C(CardKind.IDEA, "De ritten naar Venlo een half uur eerder laten beginnen.", false)),
                    -1, -1, List.of(
                    new A(4, "Welkomstmap voor nieuwe chauffeurs maken", "Piotr Kowalski", -7, ActionStatus.OPEN, null),
                    new A(5, "Proef: ritten naar Venlo om 6.00 uur laten beginnen", "Ruud Jansen", -30, ActionStatus.DROPPED,
                            "De klant in Venlo kan pas vanaf half acht lossen, dus eerder vertrekken helpt niet."))),
            new Script(4, List.of(
                    new C(CardKind.WELL, "Minder schade dit kwartaal.", false),
                    new C(CardKind.WELL, "De planning luistert naar onze ideeën.", true),
                    new C(CardKind.BETTER, "De koffieautomaat in de kantine is al weken kapot.", false),
                    new C(CardKind.BETTER, "De laadlijst klopt nog steeds niet altijd.", false),
                    new C(CardKind.IDEA, "Een vaste dockmedewerker per ochtendploeg.", false)),
                    -1, -1, List.of(
                    new A(2, "Koffieautomaat laten repareren", "Ruud Jansen", 2, ActionStatus.OPEN, null),
                    new A(4, "Twee weken proberen met een vaste dockmedewerker", "Kees Dekker", 14, ActionStatus.OPEN, null))));

    private static final List<Script> WAREHOUSE = List.of(
            new Script(12, List.of(
                    new C(CardKind.WELL, "De nieuwe scanners zijn snel.", false),
                    new C(CardKind.BETTER, "Bij dock 2 is de vloer nat als het regent.", false),
                    new C(CardKind.BETTER, "Orders komen laat binnen, daardoor moeten we 's avonds haasten.", true),
                    new C(CardKind.IDEA, "Een mat en een afvoergoot bij dock 2.", false)),
                    -1, -1, List.of(
                    new A(3, "Afvoergoot bij dock 2 laten aanleggen", "Gerrit Bos", -40, ActionStatus.DONE, null))),
            new Script(8, List.of(
                    new C(CardKind.WELL, "Dock 2 is droog sinds de goot er ligt.", false),
                    new C(CardKind.BETTER, "Er zijn te weinig pallettrucks op drukke dagen.", false),
                    new C(CardKind.BETTER, "Niemand weet wie de lege pallets opruimt.", true),
                    new C(CardKind.IDEA, "Een rooster voor het opruimen van lege pallets.", false)),
                    -1, -1, List.of(
                    new A(3, "Rooster voor lege pallets maken", "Lisa Meijer", -20, ActionStatus.DONE, null),
                    new A(1, "Offerte vragen voor twee extra pallettrucks", "Gerrit Bos", 6, ActionStatus.DOING, null))),
            new Script(4, List.of(
                    new C(CardKind.WELL, "Het palletrooster werkt goed.", false),
                    new C(CardKind.BETTER, "De verlichting achterin hal B is te zwak.", false),
                    new C(CardKind.IDEA, "Samen met de chauffeurs de laadlijst nalopen.", false)),
                    -1, -1, List.of(
                    new A(1, "Verlichting in hal B laten vervangen", "Daan Brouwer", 1, ActionStatus.OPEN, null))));

    private final Sessions sessions;
    private final Actions actions;
    private final People people;
    private final Clock clock;

    EvaluationsDemo(Sessions sessions, Actions actions, People people, Clock clock) {
        this.sessions = sessions;
        this.actions = actions;
        this.people = people;
        this.clock = clock;
    }

    @EventListener
    @Order(20)
    void on(DemoCompanyCreated created) {
        play("Chauffeurs Zwolle", "Ruud Jansen", DRIVERS);
        play("Magazijn Zwolle", "Gerrit Bos", WAREHOUSE);
    }

    private void play(String teamName, String facilitatorName, List<Script> scripts) {
        TeamSummary team = people.teams().stream().filter(t -> t.name().equals(teamName)).findFirst().orElse(null);
        if (team == null) {
            return;
        }
        List<PersonSummary> members = people.inTeam(team.id());
        PersonSummary facilitator = find(members, facilitatorName);
        LocalDate today = sessions.today();
        Random random = new Random(teamName.hashCode());
        LocalDate first = today.minusWeeks(scripts.get(0).weeksAgo());
        long series = sessions.series(team.id().value(), "Samen terugkijken", 4, facilitator.id().value(), true,
                "demo", at(first.minusDays(7)));
        long session = sessions.plan(series, team.id().value(), "Samen terugkijken", facilitator.id().value(), first, true);
        for (Script script : scripts) {
            final long current = session;
            LocalDate day = today.minusWeeks(script.weeksAgo());
            Instant start = at(day);
            sessions.start(current, start);
            List<Long> cards = new ArrayList<>();
            for (C card : script.cards()) {
                PersonSummary author = members.get(random.nextInt(members.size()));
                cards.add(sessions.addCard(current, card.kind(), card.text(), author.id().value(), card.anonymous()));
            }
            if (script.groupCard() >= 0) {
                sessions.group(current, cards.get(script.groupCard()), cards.get(script.groupInto()));
            }
            // most people vote for what later became an action, some for other cards
            List<Long> wanted = script.actions().stream().map(a -> cards.get(a.card())).toList();
            for (PersonSummary member : members) {
                List<Long> choice = new ArrayList<>(cards);
                if (script.groupCard() >= 0) {
                    choice.remove(cards.get(script.groupCard()));
                }
                Collections.shuffle(choice, random);
                List<Long> picked = new ArrayList<>();
                wanted.stream().filter(w -> random.nextInt(3) > 0).forEach(picked::add);
                choice.stream().filter(c -> !picked.contains(c)).forEach(picked::add);
                picked.stream().limit(Sessions.VOTES_EACH)
                        .forEach(card -> sessions.vote(current, card, member.id().value()));
            }
            for (A a : script.actions()) {
                PersonSummary owner = find(members, a.owner());
                LocalDate due = today.plusDays(a.dueInDays());
                ActionId id = sessions.makeAction(current, cards.get(a.card()), a.title(), null, owner.id().value(),
                        due, facilitator.name(), start);
                if (a.end() != ActionStatus.OPEN) {
                    // settled before the next session looks back at it
                    LocalDate when = a.end() == ActionStatus.DOING ? day.plusDays(3)
                            : (due.isBefore(today) ? due : today.minusDays(1));
                    actions.move(id, a.end(), a.reason(), owner.name(), at(when));
                }
            }
            session = sessions.close(current, null, start.plusSeconds(3600)).orElseThrow();
        }
    }

    private static PersonSummary find(List<PersonSummary> members, String name) {
        return members.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseGet(() -> members.stream().filter(p -> p.has(Role.TEAM_LEAD)).findFirst().orElse(members.get(0)));
    }

    private static Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(14, 0)).atZone(LOCAL).toInstant();
    }
}
