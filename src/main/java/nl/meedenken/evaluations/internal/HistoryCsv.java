package nl.meedenken.evaluations.internal;

import nl.meedenken.actions.ActionId;
import nl.meedenken.actions.ActionSummary;
import nl.meedenken.actions.Actions;
import nl.meedenken.platform.Csv;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A team's closed evaluations as CSV: one line per card with its votes, its group and the
 * action it became. Authors are left out, so anonymous and named cards look the same.
 */
@Component
public class HistoryCsv {

    private final Sessions sessions;
    private final Actions actions;

    HistoryCsv(Sessions sessions, Actions actions) {
        this.sessions = sessions;
        this.actions = actions;
    }

    @Transactional(readOnly = true)
    public String write(long teamId, Function<String, String> label) {
        StringBuilder out = new StringBuilder();
        out.append(Csv.line(label.apply("evaluations.csv.date"), label.apply("evaluations.csv.session"),
                label.apply("evaluations.csv.column"), label.apply("evaluations.csv.card"),
                label.apply("evaluations.csv.votes"), label.apply("evaluations.csv.groupedUnder"),
                label.apply("evaluations.csv.action"), label.apply("evaluations.csv.owner"),
                label.apply("evaluations.csv.actionStatus"))).append("\r\n");
        List<Session> closed = sessions.ofTeam(teamId).stream().filter(s -> s.state() == Session.State.CLOSED)
                .sorted(Comparator.comparing(Session::plannedOn).thenComparingLong(Session::id)).toList();
        for (Session session : closed) {
            Board board = sessions.board(session.id(), -1);
            Map<Long, Integer> votes = new HashMap<>();
            board.columns().values().forEach(groups -> groups.forEach(g -> votes.put(g.head().id(), g.votes())));
            for (Card card : sessions.cards(session.id())) {
                ActionSummary action = card.actionId() == null ? null
                        : actions.find(new ActionId(card.actionId())).orElse(null);
                out.append(Csv.line(session.plannedOn().toString(), session.title(),
                        label.apply(card.kind().labelKey()), card.text(),
                        card.groupOf() == null ? Integer.toString(votes.getOrDefault(card.id(), 0)) : "",
                        card.groupOf() == null ? "" : Long.toString(card.groupOf()),
                        action == null ? "" : action.title(), action == null ? "" : action.ownerName(),
                        action == null ? "" : label.apply(action.status().labelKey())))
                        .append("\r\n");
            }
        }
        return out.toString();
    }
}
