package nl.meedenken.evaluations.internal;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import org.springframework.stereotype.Component;

/**
 * An evaluation belongs to its team: members take part, the facilitator (or the team's lead,
 * or management) leads the session, and only members and management read the history.
 */
@Component
public class EvaluationRights {

    private final People people;

    EvaluationRights(People people) {
        this.people = people;
    }

    public boolean member(long teamId, SignedInUser me) {
        return people.find(new PersonId(me.personId())).map(PersonSummary::team)
                .map(t -> t.value() == teamId).orElse(false);
    }

    public boolean takesPart(Session session, SignedInUser me) {
        return member(session.teamId(), me) || session.facilitatorId() == me.personId() || me.has(Role.MANAGEMENT);
    }

    public boolean leads(Session session, SignedInUser me) {
        return session.facilitatorId() == me.personId() || me.has(Role.MANAGEMENT)
                || (me.has(Role.TEAM_LEAD) && member(session.teamId(), me));
    }

    public boolean schedules(long teamId, SignedInUser me) {
        return me.has(Role.MANAGEMENT) || (me.has(Role.TEAM_LEAD) && member(teamId, me));
    }

    public boolean readsHistory(long teamId, SignedInUser me) {
        return me.has(Role.MANAGEMENT) || member(teamId, me);
    }
}
