package nl.meedenken.evaluations.web;

import nl.meedenken.evaluations.internal.EvaluationRights;
import nl.meedenken.evaluations.internal.Session;
import nl.meedenken.evaluations.internal.Sessions;
import nl.meedenken.platform.SignedInUser;
import nl.meedenken.platform.TranslatableTexts;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * A card on an evaluation board can be translated for the people who see the board: those who
 * take part in the evaluation, and after it closed those who read the team's history (the same
 * rules as the board and its summary). A card put up without a name counts as anonymous.
 */
@Component
class CardTexts implements TranslatableTexts {

    private final Sessions sessions;
    private final EvaluationRights rights;

    CardTexts(Sessions sessions, EvaluationRights rights) {
        this.sessions = sessions;
        this.rights = rights;
    }

    @Override
    public String kind() {
        return "evaluation-card";
    }

    @Override
    public Optional<Original> original(long id, SignedInUser reader) {
        return sessions.sessionOfCard(id).flatMap(sessions::find)
                .filter(session -> rights.takesPart(session, reader)
                        || (session.state() == Session.State.CLOSED && rights.readsHistory(session.teamId(), reader)))
                .flatMap(session -> sessions.cards(session.id()).stream().filter(c -> c.id() == id).findFirst())
                .map(card -> new Original(card.text(), card.anonymous()));
    }
}
