package nl.meedenken.scan.internal;

import nl.meedenken.scan.RoleGroup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random companies for attack tests: counts of answer sheets per department and kind of work. */
final class Organisations {

    record Organisation(Map<GroupKey.Cell, Integer> cells, List<Long> teams) {
    }

    private Organisations() {
    }

    static Organisation random(Random random, int departments) {
        return random(random, departments, 5);
    }

    /**
     * Each department mostly one kind of work (sometimes all of it), with a team lead of
     * one, now and then a few of another kind, and groups around k (k−1 … 2k) on purpose;
     * management of one to three somewhere; some who gave no department or no kind of work.
     */
    static Organisation random(Random random, int departments, int k) {
        Map<GroupKey.Cell, Integer> cells = new HashMap<>();
        List<Long> teams = new ArrayList<>();
        RoleGroup[] main = {RoleGroup.DRIVER, RoleGroup.WAREHOUSE, RoleGroup.OFFICE};
        for (long team = 1; team <= departments; team++) {
            teams.add(team);
            RoleGroup kind = main[random.nextInt(main.length)];
            put(cells, team, kind, around(random, k));
            if (random.nextDouble() < 0.8) {
                put(cells, team, RoleGroup.TEAM_LEAD, 1 + (random.nextDouble() < 0.2 ? 1 : 0));
            }
            if (random.nextDouble() < 0.4) {
                put(cells, team, main[random.nextInt(main.length)], 1 + random.nextInt(k + 1));
            }
            if (random.nextDouble() < 0.25) {
                put(cells, team, RoleGroup.UNDISCLOSED, 1 + random.nextInt(3));
            }
        }
        if (random.nextDouble() < 0.7) {
            put(cells, 1 + random.nextInt(departments), RoleGroup.MANAGEMENT, 1 + random.nextInt(3));
        }
        if (random.nextDouble() < 0.5) {
            put(cells, 0, main[random.nextInt(main.length)], 1 + random.nextInt(k + 2));
        }
        if (random.nextDouble() < 0.3) {
            put(cells, 0, RoleGroup.UNDISCLOSED, 1 + random.nextInt(2 * k));
        }
        return new Organisation(cells, teams);
    }

    /** Mostly near k, sometimes far above it. */
    private static int around(Random random, int k) {
        return switch (random.nextInt(4)) {
            case 0 -> k - 1 + random.nextInt(k + 2);
            case 1 -> 1 + random.nextInt(k);
            case 2 -> 2 * k + random.nextInt(4 * k);
            default -> k + random.nextInt(3);
        };
    }

    private static void put(Map<GroupKey.Cell, Integer> cells, long team, RoleGroup role, int count) {
        cells.merge(new GroupKey.Cell(team, role), count, Integer::sum);
    }
}
