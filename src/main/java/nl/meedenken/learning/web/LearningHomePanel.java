package nl.meedenken.learning.web;

import nl.meedenken.learning.internal.Report;
import nl.meedenken.learning.internal.Reports;
import nl.meedenken.platform.HomePanel;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a named reporter that their report was answered (for two weeks), and team leads and
 * management how many reports wait for an answer.
 */
@Component
class LearningHomePanel implements HomePanel {

    private final Reports reports;
    private final Clock clock;

    LearningHomePanel(Reports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.EMPLOYEE);
    }

    @Override
    public int order() {
        return 7;
    }

    @Override
    public String template() {
        return "learning/home :: panel";
    }

    @Override
    public Optional<Map<String, Object>> data(SignedInUser me) {
        List<Report> answered = reports.of(me.personId()).stream()
                .filter(r -> r.answered() && r.answeredAt().isAfter(clock.instant().minus(Duration.ofDays(14))))
                .toList();
        long waiting = me.has(Role.TEAM_LEAD) || me.has(Role.MANAGEMENT) ? reports.list("NEW", null, null, 0).total() : 0;
        if (answered.isEmpty() && waiting == 0) {
            return Optional.empty();
        }
        Map<String, Object> data = new HashMap<>();
        data.put("answered", answered);
        data.put("waiting", waiting);
        return Optional.of(data);
    }
}
