package nl.meedenken.ideas.web;

import nl.meedenken.ideas.internal.IdeaBox;
import nl.meedenken.platform.HomePanel;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reminds team leads and management of ideas waiting past their promised answer date. */
@Component
class IdeasHomePanel implements HomePanel {

    private final IdeaBox ideas;

    IdeasHomePanel(IdeaBox ideas) {
        this.ideas = ideas;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.TEAM_LEAD, Role.MANAGEMENT);
    }

    @Override
    public int order() {
        return 4;
    }

    @Override
    public String template() {
        return "ideas/home :: overdue";
    }

    @Override
    public Optional<Map<String, Object>> data(SignedInUser me) {
        long overdue = ideas.overdue();
        return overdue == 0 ? Optional.empty() : Optional.of(Map.of("overdue", overdue));
    }
}
