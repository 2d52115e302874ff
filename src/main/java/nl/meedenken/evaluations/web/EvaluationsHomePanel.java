package nl.meedenken.evaluations.web;

import nl.meedenken.evaluations.internal.EvaluationRights;
import nl.meedenken.evaluations.internal.Session;
import nl.meedenken.evaluations.internal.Sessions;
import nl.meedenken.platform.HomePanel;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Tells team members that their evaluation runs now, or when the next one is. */
@Component
class EvaluationsHomePanel implements HomePanel {

    private final Sessions sessions;
    private final EvaluationRights rights;

    EvaluationsHomePanel(Sessions sessions, EvaluationRights rights) {
        this.sessions = sessions;
        this.rights = rights;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.EMPLOYEE);
    }

    @Override
    public int order() {
        return 6;
    }

    @Override
    public String template() {
        return "evaluations/home :: next";
    }

    @Override
    public Optional<Map<String, Object>> data(SignedInUser me) {
        return sessions.upcoming().stream()
                .filter(s -> rights.member(s.teamId(), me) || s.facilitatorId() == me.personId())
                .filter(s -> s.running() || !s.plannedOn().isAfter(sessions.today().plusDays(14)))
                .min((a, b) -> a.running() == b.running() ? a.plannedOn().compareTo(b.plannedOn()) : a.running() ? -1 : 1)
                .map(s -> Map.<String, Object>of("session", s, "today", sessions.today()));
    }
}
