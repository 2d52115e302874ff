package nl.meedenken.scan.internal;

import nl.meedenken.scan.RoleGroup;

import java.util.HashMap;
import java.util.Map;

/**
 * The running totals of one campaign in memory: per statement and cell (department and
 * role group) how many people gave each value. Small whatever the number of answers:
 * statements × departments × role groups × 5.
 */
public final class Tallies {

    private final Map<String, Map<GroupKey.Cell, int[]>> byItem = new HashMap<>();
    private final Map<GroupKey.Cell, Integer> sheets = new HashMap<>();

    void add(String item, GroupKey.Cell cell, int value, int answers) {
        byItem.computeIfAbsent(item, i -> new HashMap<>()).computeIfAbsent(cell, c -> new int[5])[value - 1] += answers;
    }

    void sheets(GroupKey.Cell cell, int count) {
        sheets.merge(cell, count, Integer::sum);
    }

    public Map<GroupKey.Cell, Integer> sheets() {
        return sheets;
    }

    /** How many people in the group gave each value 1..5 to the statement (as given, not reversed). */
    public int[] distribution(String item, GroupKey group) {
        int[] total = new int[5];
        Map<GroupKey.Cell, int[]> cells = byItem.getOrDefault(item, Map.of());
        for (var entry : cells.entrySet()) {
            if (group.includes(entry.getKey().team(), entry.getKey().role())) {
                for (int v = 0; v < 5; v++) {
                    total[v] += entry.getValue()[v];
                }
            }
        }
        return total;
    }

    static GroupKey.Cell cell(long team, String role) {
        return new GroupKey.Cell(team, RoleGroup.valueOf(role));
    }
}
