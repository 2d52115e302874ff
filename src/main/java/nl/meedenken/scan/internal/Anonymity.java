package nl.meedenken.scan.internal;

import nl.meedenken.scan.RoleGroup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which groups of respondents may be shown, so that no figure is ever about fewer
 * than k people, not even by subtracting one figure from another.
 *
 * <ol>
 *   <li>A group with fewer than k respondents is hidden.</li>
 *   <li>When one shown group lies inside another shown group, the difference between them
 *       must be zero or at least k; otherwise the smaller group is hidden too.</li>
 *   <li>When a group is shown next to its parts (departments of the company, role groups
 *       of a department, management and shop floor), the people not covered by the shown
 *       parts must be zero or at least k; otherwise the next-smallest part is hidden too.</li>
 * </ol>
 * The rules are applied again and again until nothing changes, because hiding one group
 * can expose another.
 */
public final class Anonymity {

    private final Map<GroupKey.Cell, Integer> cells;
    private final int k;
    private final Set<GroupKey> universe;
    private final Set<GroupKey> visible;

    /**
     * @param cells   number of answer sheets per department (0 = not given) and role group
     * @param teams   departments that can be shown
     * @param k       minimum group size
     */
    public Anonymity(Map<GroupKey.Cell, Integer> cells, Collection<Long> teams, int k) {
        this.cells = Map.copyOf(cells);
        this.k = k;
        this.universe = universe(teams);
        this.visible = decide();
    }

    public int size(GroupKey group) {
        int n = 0;
        for (var entry : cells.entrySet()) {
            if (group.includes(entry.getKey().team(), entry.getKey().role())) {
                n += entry.getValue();
            }
        }
        return n;
    }

    public boolean visible(GroupKey group) {
        return visible.contains(group);
    }

    public int k() {
        return k;
    }

    /**
     * Every group a page can show: the whole company, one department, or one kind of work
     * (or shop floor, or leaders). Never a department and a kind of work crossed: with
     * crossed groups, adding and subtracting three or four shown figures can single out a
     * handful of people, which no simple rule prevents. Shown as two separate hierarchies
     * over the same people, the rules below are enough.
     */
    private static Set<GroupKey> universe(Collection<Long> teams) {
        Set<GroupKey> all = new LinkedHashSet<>();
        all.add(GroupKey.EVERYONE);
        for (Long team : teams) {
            all.add(new GroupKey(team, null));
        }
        all.add(new GroupKey(null, RoleGroup.SHOP_FLOOR));
        all.add(new GroupKey(null, RoleGroup.LEADERSHIP));
        for (RoleGroup role : RoleGroup.values()) {
            all.add(GroupKey.of(null, role));
        }
        return all;
    }

    /** Whether a page may ask for this group at all (see {@link #universe}). */
    public boolean offered(GroupKey group) {
        return universe.contains(group);
    }

    private Set<GroupKey> decide() {
        Set<GroupKey> shown = new HashSet<>();
        for (GroupKey group : universe) {
            if (size(group) >= k) {
                shown.add(group);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = hideNestedDifferences(shown) | hideSmallRemainders(shown);
        }
        return shown;
    }

    private boolean hideNestedDifferences(Set<GroupKey> shown) {
        boolean changed = false;
        for (GroupKey outer : List.copyOf(shown)) {
            for (GroupKey inner : List.copyOf(shown)) {
                if (shown.contains(outer) && shown.contains(inner) && outer.strictlyContains(inner)) {
                    int difference = size(outer) - size(inner);
                    if (difference > 0 && difference < k) {
                        shown.remove(inner);
                        changed = true;
                    }
                }
            }
        }
        return changed;
    }

    private boolean hideSmallRemainders(Set<GroupKey> shown) {
        boolean changed = hideSmallRoleRemainders(shown);
        for (List<GroupKey> partition : partitions()) {
            GroupKey parent = partition.get(0);
            if (!shown.contains(parent)) {
                continue;
            }
            while (true) {
                List<GroupKey> parts = partition.subList(1, partition.size()).stream().filter(shown::contains).toList();
                int remainder = size(parent) - parts.stream().mapToInt(this::size).sum();
                if (parts.isEmpty() || remainder == 0 || remainder >= k) {
                    break;
                }
                shown.remove(parts.stream().min(Comparator.comparingInt(this::size)).orElseThrow());
                changed = true;
            }
        }
        return changed;
    }

    /**
     * Within one department (or the whole company), any shown groups of different kinds of
     * work that do not overlap can be subtracted from a shown group that holds them all:
     * leaders, shop floor and "prefer not to say" from the department leave its office
     * staff. Every such combination must leave nobody or at least k.
     */
    private boolean hideSmallRoleRemainders(Set<GroupKey> shown) {
        boolean changed = false;
        List<Long> departments = new ArrayList<>();
        departments.add(null);
        universe.stream().map(GroupKey::team).filter(t -> t != null).distinct().forEach(departments::add);
        List<Set<RoleGroup>> parts = new ArrayList<>();
        parts.add(RoleGroup.SHOP_FLOOR);
        parts.add(RoleGroup.LEADERSHIP);
        for (RoleGroup role : RoleGroup.values()) {
            parts.add(EnumSet.of(role));
        }
        for (Long team : departments) {
            for (GroupKey parent : List.of(new GroupKey(team, null), new GroupKey(team, RoleGroup.SHOP_FLOOR),
                    new GroupKey(team, RoleGroup.LEADERSHIP))) {
                boolean again = true;
                while (again && shown.contains(parent)) {
                    again = false;
                    List<GroupKey> inside = parts.stream().map(r -> new GroupKey(team, r))
                            .filter(g -> shown.contains(g) && parent.strictlyContains(g)).toList();
                    for (int mask = 1; mask < (1 << inside.size()) && !again; mask++) {
                        List<GroupKey> chosen = new ArrayList<>();
                        for (int i = 0; i < inside.size(); i++) {
                            if ((mask & (1 << i)) != 0) {
                                chosen.add(inside.get(i));
                            }
                        }
                        if (!disjoint(chosen)) {
                            continue;
                        }
                        int rest = size(parent) - chosen.stream().mapToInt(this::size).sum();
                        if (rest > 0 && rest < k) {
                            shown.remove(chosen.stream().min(Comparator.comparingInt(this::size)).orElseThrow());
                            changed = true;
                            again = true;
                        }
                    }
                }
            }
        }
        return changed;
    }

    private static boolean disjoint(List<GroupKey> groups) {
        Set<RoleGroup> seen = EnumSet.noneOf(RoleGroup.class);
        for (GroupKey g : groups) {
            for (RoleGroup r : g.roles()) {
                if (!seen.add(r)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Each list: a parent first, then parts that do not overlap. */
    private List<List<GroupKey>> partitions() {
        List<Long> teams = universe.stream().map(GroupKey::team).filter(t -> t != null).distinct().toList();
        List<Set<RoleGroup>> roleSets = new ArrayList<>();
        roleSets.add(null);
        roleSets.add(RoleGroup.SHOP_FLOOR);
        roleSets.add(RoleGroup.LEADERSHIP);
        for (RoleGroup role : RoleGroup.values()) {
            roleSets.add(EnumSet.of(role));
        }
        List<List<GroupKey>> result = new ArrayList<>();
        for (Set<RoleGroup> roles : roleSets) {
            List<GroupKey> byDepartment = new ArrayList<>();
            byDepartment.add(new GroupKey(null, roles));
            teams.forEach(t -> byDepartment.add(new GroupKey(t, roles)));
            result.add(byDepartment);
        }
        List<Long> departments = new ArrayList<>();
        departments.add(null);
        departments.addAll(teams);
        for (Long team : departments) {
            List<GroupKey> byRole = new ArrayList<>();
            byRole.add(new GroupKey(team, null));
            for (RoleGroup role : RoleGroup.values()) {
                byRole.add(GroupKey.of(team, role));
            }
            result.add(byRole);
            result.add(List.of(new GroupKey(team, null), new GroupKey(team, RoleGroup.LEADERSHIP),
                    new GroupKey(team, RoleGroup.SHOP_FLOOR)));
            result.add(List.of(new GroupKey(team, RoleGroup.LEADERSHIP), GroupKey.of(team, RoleGroup.MANAGEMENT),
                    GroupKey.of(team, RoleGroup.TEAM_LEAD)));
            List<GroupKey> shopFloor = new ArrayList<>();
            shopFloor.add(new GroupKey(team, RoleGroup.SHOP_FLOOR));
            shopFloor.add(GroupKey.of(team, RoleGroup.DRIVER));
            shopFloor.add(GroupKey.of(team, RoleGroup.WAREHOUSE));
            result.add(shopFloor);
        }
        return result;
    }
}
