package nl.meedenken.scan.internal;

import nl.meedenken.scan.RoleGroup;

import java.util.EnumSet;
import java.util.Set;

/**
 * A group of respondents: one department or all ({@code team == null}), and a set of role
 * groups or all ({@code roles == null}).
 */
public record GroupKey(Long team, Set<RoleGroup> roles) {

    public static final GroupKey EVERYONE = new GroupKey(null, null);

    public GroupKey {
        roles = roles == null ? null : Set.copyOf(roles);
    }

    /** The smallest unit that is counted: one department (0 = not given) and one role group. */
    public record Cell(long team, RoleGroup role) {
    }

    public static GroupKey of(Long team, RoleGroup role) {
        return new GroupKey(team, role == null ? null : EnumSet.of(role));
    }

    public boolean includes(long cellTeam, RoleGroup cellRole) {
        return (team == null || team == cellTeam) && (roles == null || roles.contains(cellRole));
    }

    /** Whether every respondent of {@code other} is also in this group, and the groups differ. */
    public boolean strictlyContains(GroupKey other) {
        boolean teamWider = team == null || team.equals(other.team);
        boolean rolesWider = roles == null || (other.roles != null && roles.containsAll(other.roles));
        return teamWider && rolesWider && !this.equals(other);
    }
}
