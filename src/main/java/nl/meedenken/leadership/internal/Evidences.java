package nl.meedenken.leadership.internal;

import nl.meedenken.evaluations.Evaluations;
import nl.meedenken.ideas.Ideas;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/** What the product itself saw of a leader doing an assignment, over the last {@value #DAYS} days. */
@Service
public class Evidences {

    static final int DAYS = 90;

    /** A sentence (message key and arguments) and whether it shows the assignment carried out. */
    public record Seen(String messageKey, Object[] arguments, boolean met) {
    }

    private final Evaluations evaluations;
    private final Ideas ideas;
    private final FeedbackRounds rounds;
    private final People people;
    private final Clock clock;

    Evidences(Evaluations evaluations, Ideas ideas, FeedbackRounds rounds, People people, Clock clock) {
        this.evaluations = evaluations;
        this.ideas = ideas;
        this.rounds = rounds;
        this.people = people;
        this.clock = clock;
    }

    @Transactional
    public Optional<Seen> of(Evidence evidence, long leaderId) {
        PersonSummary leader = people.find(new PersonId(leaderId)).orElse(null);
        if (leader == null || evidence == Evidence.NONE) {
            return Optional.empty();
        }
        return Optional.of(switch (evidence) {
            case EVALUATION -> {
                if (leader.team() == null) {
                    yield new Seen("leadership.seen.noTeam", new Object[0], false);
                }
                LocalDate since = LocalDate.now(clock.withZone(ZoneId.of("Europe/Amsterdam"))).minusDays(DAYS);
                int held = evaluations.heldSince(leader.team(), since);
                yield new Seen("leadership.seen.evaluations", new Object[]{held, DAYS}, held > 0);
            }
            case IDEAS -> {
                Ideas.Answered answered = ideas.answeredBy(leaderId, clock.instant().minus(Duration.ofDays(DAYS)));
                yield new Seen("leadership.seen.ideas", new Object[]{answered.ideas(), answered.onTime(), DAYS},
                        answered.ideas() >= 3);
            }
            case FEEDBACK -> {
                long recent = rounds.of(leaderId).stream()
                        .filter(r -> r.startedAt().isAfter(clock.instant().minus(Duration.ofDays(DAYS)))).count();
                yield new Seen("leadership.seen.feedback", new Object[]{recent, DAYS}, recent > 0);
            }
            case NONE -> throw new IllegalStateException();
        });
    }
}
