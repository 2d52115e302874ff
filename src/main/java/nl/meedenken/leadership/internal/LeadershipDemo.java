package nl.meedenken.leadership.internal;

import nl.meedenken.organisation.DemoCompanyCreated;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonSummary;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Three leaders at different stages of the programme. Ruud (the drivers' lead in Zwolle) is
 * furthest: four lessons read, two assignments done, and two feedback rounds of his drivers
 * in which the answers went up; he shares the second with management. Esther has done one
 * assignment and keeps her reflection to herself; Bram has read the first lesson.
 */
@Component
class LeadershipDemo {

    private final Programme programme;
    private final Progress progress;
    private final FeedbackRounds rounds;
    private final People people;
    private final JdbcClient jdbc;
    private final Clock clock;

    LeadershipDemo(Programme programme, Progress progress, FeedbackRounds rounds, People people, JdbcClient jdbc,
                   Clock clock) {
        this.programme = programme;
        this.progress = progress;
        this.rounds = rounds;
        this.people = people;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    @Order(60)
    void on(DemoCompanyCreated created) {
        programme.addShippedLessons();
        List<Lesson> lessons = programme.lessons();
        PersonSummary ruud = leader("Ruud Jansen");
        PersonSummary esther = leader("Esther Kok");
        PersonSummary bram = leader("Bram Peters");

        read(ruud, lessons.subList(0, 4), 120);
        progress.reflect(id(ruud), lessons.get(0).id(),
                "Ik heb met drie chauffeurs een gesprek gevoerd waarin ik vooral vragen stelde en zelf weinig zei.",
                "Wim kwam zelf met een oplossing voor het wachten bij het DC in Apeldoorn. Dat had ik nooit bedacht.",
                "Elke maandag neem ik een kwartier om met één chauffeur zo'n gesprek te voeren.", true);
        progress.reflect(id(ruud), lessons.get(2).id(),
                "Samen met het team geëvalueerd over de winterritten. Het team koos zelf twee acties.",
                "De acties zijn allebei uitgevoerd. Bij de volgende evaluatie kwamen er meer mensen.",
                "Ik laat de volgende keer een chauffeur de evaluatie leiden.", false);
        backdate(id(ruud), lessons.get(0).id(), 110);
        backdate(id(ruud), lessons.get(2).id(), 45);

        read(esther, lessons.subList(0, 2), 30);
        progress.reflect(id(esther), lessons.get(0).id(),
                "Twee gesprekken gevoerd met nieuwe collega's in het magazijn.",
                "Het eerste gesprek ging stroef; bij het tweede liet ik meer stiltes vallen en dat werkte.",
                "Ik probeer het bij de vaste ploeg van de vroege dienst.", false);
        backdate(id(esther), lessons.get(0).id(), 20);

        read(bram, lessons.subList(0, 1), 5);

        LocalDate today = rounds.today();
        Random random = new Random(11_28L);
        rounds.recordPast(ruud, today.minusWeeks(20), today.minusWeeks(18), false,
                sheets(random, 7, new double[]{2.4, 3.0, 3.3, 2.7, 2.5}));
        rounds.recordPast(ruud, today.minusWeeks(7), today.minusWeeks(5), true,
                sheets(random, 8, new double[]{3.6, 3.7, 3.9, 3.6, 3.5}));
    }

    private PersonSummary leader(String name) {
        return progress.leaders().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static long id(PersonSummary person) {
        return person.id().value();
    }

    private void read(PersonSummary leader, List<Lesson> lessons, int daysAgo) {
        for (Lesson lesson : lessons) {
            progress.read(id(leader), lesson.id());
            jdbc.sql("update leadership_progress set read_at = :at where person_id = :p and lesson_id = :l")
                    .param("at", Timestamp.from(clock.instant().minus(Duration.ofDays(daysAgo))))
                    .param("p", id(leader)).param("l", lesson.id()).update();
            daysAgo = Math.max(1, daysAgo - 7);
        }
    }

    private void backdate(long person, long lesson, int daysAgo) {
        jdbc.sql("update leadership_progress set done_at = :at where person_id = :p and lesson_id = :l")
                .param("at", Timestamp.from(clock.instant().minus(Duration.ofDays(daysAgo))))
                .param("p", person).param("l", lesson).update();
    }

    private static List<Map<String, Integer>> sheets(Random random, int count, double[] means) {
        List<Map<String, Integer>> sheets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Integer> sheet = new LinkedHashMap<>();
            for (int s = 0; s < means.length; s++) {
                sheet.put("custom_" + (s + 1),
                        (int) Math.max(1, Math.min(5, Math.round(means[s] + random.nextGaussian() * 0.7))));
            }
            sheets.add(sheet);
        }
        return sheets;
    }
}
