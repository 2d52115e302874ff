package nl.meedenken.actions;

import java.util.Set;

/**
 * Which actions a list shows. Empty fields do not filter.
 *
 * @param ownerId     only this person's actions
 * @param teamIds     only actions of these teams
 * @param statuses    only these statuses; empty for all
 * @param overdueOnly only open actions past their due date
 */
public record ActionQuery(Long ownerId, Set<Long> teamIds, Set<ActionStatus> statuses, boolean overdueOnly) {

    public static ActionQuery ownedBy(long personId, Set<ActionStatus> statuses) {
        return new ActionQuery(personId, null, statuses, false);
    }

    public static ActionQuery ofTeams(Set<Long> teamIds, Set<ActionStatus> statuses) {
        return new ActionQuery(null, teamIds, statuses, false);
    }
}
