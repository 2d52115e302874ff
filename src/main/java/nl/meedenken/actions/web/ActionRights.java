package nl.meedenken.actions.web;

import nl.meedenken.actions.ActionSummary;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.TeamId;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who may do what with an action: its owner, a team lead of its team and management may
 * change it; everyone sees their own team's actions, leads and management all teams'.
 */
@Component
class ActionRights {

    private final People people;

    ActionRights(People people) {
        this.people = people;
    }

    Optional<TeamId> teamOf(SignedInUser me) {
        return people.find(new PersonId(me.personId())).map(PersonSummary::team);
    }

    boolean seesAllTeams(SignedInUser me) {
        return me.has(Role.MANAGEMENT) || me.has(Role.TEAM_LEAD) || me.has(Role.WORKS_COUNCIL);
    }

    boolean assignsToOthers(SignedInUser me) {
        return me.has(Role.MANAGEMENT) || me.has(Role.TEAM_LEAD);
    }

    boolean maySee(SignedInUser me, ActionSummary action) {
        return action.ownerId() == me.personId() || seesAllTeams(me)
                || (action.teamId() != null && teamOf(me).map(t -> t.value() == action.teamId()).orElse(false));
    }

    boolean mayChange(SignedInUser me, ActionSummary action) {
        if (action.ownerId() == me.personId() || me.has(Role.MANAGEMENT)) {
            return true;
        }
        return me.has(Role.TEAM_LEAD) && action.teamId() != null
                && teamOf(me).map(t -> t.value() == action.teamId()).orElse(false);
    }
}
