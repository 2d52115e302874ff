package nl.meedenken.actions.web;

import nl.meedenken.actions.ActionQuery;
import nl.meedenken.actions.ActionSummary;
import nl.meedenken.actions.Actions;
import nl.meedenken.platform.HomePanel;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The in-app reminder: on the home page, the person's actions that are overdue or due within
 * three days; for a team lead also how many of the team's actions are overdue.
 */
@Component
class ActionsReminderPanel implements HomePanel {

    private final Actions actions;
    private final ActionRights rights;

    ActionsReminderPanel(Actions actions, ActionRights rights) {
        this.actions = actions;
        this.rights = rights;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.EMPLOYEE);
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public String template() {
        return "actions/home :: reminders";
    }

    @Override
    public Optional<Map<String, Object>> data(SignedInUser me) {
        List<ActionSummary> mine = actions.reminders(me.personId());
        long teamOverdue = 0;
        if (me.has(Role.TEAM_LEAD)) {
            teamOverdue = rights.teamOf(me).map(team -> actions.count(
                    new ActionQuery(null, Set.of(team.value()), null, true))).orElse(0L);
        }
        if (mine.isEmpty() && teamOverdue == 0) {
            return Optional.empty();
        }
        return Optional.of(Map.of("actions", mine, "today", actions.today(), "teamOverdue", teamOverdue));
    }
}
