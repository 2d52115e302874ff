package nl.meedenken.evaluations.web;

import nl.meedenken.evaluations.internal.EvaluationRights;
import nl.meedenken.evaluations.internal.Session;
import nl.meedenken.evaluations.internal.Sessions;
import nl.meedenken.platform.TranslatableTexts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A card on an evaluation board can be translated for the people who see the board: those who
 * take part in the evaluation, and after it closed those who read the team's history (the same
 * rules as the board and its summary). A card put up without a name counts as anonymous.
 */
@Configuration(proxyBeanMethods = false)
class CardTexts {

    @Bean
    TranslatableTexts cardText(Sessions sessions, EvaluationRights rights) {
        return TranslatableTexts.of("evaluation-card", (id, reader) -> sessions.sessionOfCard(id).flatMap(sessions::find)
                .filter(session -> rights.takesPart(session, reader)
                        || (session.state() == Session.State.CLOSED && rights.readsHistory(session.teamId(), reader)))
                .flatMap(session -> sessions.cards(session.id()).stream().filter(c -> c.id() == id).findFirst())
                .map(card -> new TranslatableTexts.Original(card.text(), card.anonymous())));
    }
}
