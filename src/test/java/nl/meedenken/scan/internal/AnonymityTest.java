package nl.meedenken.scan.internal;

import nl.meedenken.scan.RoleGroup;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AnonymityTest {

    private static final long A = 1, B = 2, C = 3;

    private static Map<GroupKey.Cell, Integer> cells(Object... teamRoleCount) {
        Map<GroupKey.Cell, Integer> cells = new HashMap<>();
        for (int i = 0; i < teamRoleCount.length; i += 3) {
            cells.merge(new GroupKey.Cell((Long) teamRoleCount[i], (RoleGroup) teamRoleCount[i + 1]),
                    (Integer) teamRoleCount[i + 2], Integer::sum);
        }
        return cells;
    }

    @Test
    void aGroupBelowKIsHidden() {
        var anonymity = new Anonymity(cells(A, RoleGroup.DRIVER, 4), List.of(A), 5);
        assertThat(anonymity.visible(GroupKey.EVERYONE)).isFalse();
        assertThat(anonymity.visible(new GroupKey(A, null))).isFalse();
    }

    @Test
    void aDepartmentThatIsAlmostEveryoneIsHiddenBecauseTheRestWouldShowBySubtraction() {
        var anonymity = new Anonymity(cells(A, RoleGroup.DRIVER, 10, B, RoleGroup.DRIVER, 2), List.of(A, B), 5);
        assertThat(anonymity.visible(GroupKey.EVERYONE)).isTrue();
        assertThat(anonymity.visible(new GroupKey(A, null))).as("12 - 10 = 2 people would show").isFalse();
    }

    @Test
    void hidingOneSmallDepartmentHidesTheNextSmallestToo() {
        var anonymity = new Anonymity(cells(A, RoleGroup.DRIVER, 6, B, RoleGroup.DRIVER, 7, C, RoleGroup.DRIVER, 2),
                List.of(A, B, C), 5);
        assertThat(anonymity.visible(new GroupKey(C, null))).isFalse();
        assertThat(anonymity.visible(new GroupKey(A, null))).as("next smallest").isFalse();
        assertThat(anonymity.visible(new GroupKey(B, null))).isTrue();
    }

    @Test
    void aDepartmentAndAKindOfWorkAreNeverShownCrossed() {
        var anonymity = new Anonymity(cells(A, RoleGroup.DRIVER, 40, B, RoleGroup.DRIVER, 40), List.of(A, B), 5);
        assertThat(anonymity.visible(new GroupKey(A, null))).isTrue();
        assertThat(anonymity.visible(GroupKey.of(null, RoleGroup.DRIVER))).isTrue();
        assertThat(anonymity.visible(GroupKey.of(A, RoleGroup.DRIVER))).as("crossed").isFalse();
    }

    @Test
    void combiningDepartmentAndRoleCannotSingleOutTheFewOthers() {
        // department A: 6 drivers and 2 office staff; the company has 12 drivers
        var anonymity = new Anonymity(cells(A, RoleGroup.DRIVER, 6, A, RoleGroup.OFFICE, 2, B, RoleGroup.DRIVER, 6,
                B, RoleGroup.OFFICE, 6), List.of(A, B), 5);
        boolean department = anonymity.visible(new GroupKey(A, null));
        boolean driversInDepartment = anonymity.visible(GroupKey.of(A, RoleGroup.DRIVER));
        assertThat(department && driversInDepartment).as("A and A's drivers together reveal A's 2 office staff")
                .isFalse();
    }

    @Test
    void leadersAndShopFloorSideBySideDoNotRevealTheFewOthers() {
        var anonymity = new Anonymity(cells(A, RoleGroup.DRIVER, 7, A, RoleGroup.TEAM_LEAD, 5, A, RoleGroup.OFFICE, 1),
                List.of(A), 5);
        boolean all = anonymity.visible(GroupKey.EVERYONE);
        boolean leaders = anonymity.visible(new GroupKey(null, RoleGroup.LEADERSHIP));
        boolean shopFloor = anonymity.visible(new GroupKey(null, RoleGroup.SHOP_FLOOR));
        assertThat(all && leaders && shopFloor).isFalse();
    }

    @Test
    void mixedKindsOfWorkCannotBeSubtractedToFindTheFewOthers() {
        // leaders 12, shop floor 5, undisclosed 8 and 2 office staff: 27 - 12 - 5 - 8 = 2
        var anonymity = new Anonymity(cells(A, RoleGroup.TEAM_LEAD, 12, A, RoleGroup.DRIVER, 5,
                A, RoleGroup.UNDISCLOSED, 8, A, RoleGroup.OFFICE, 2), List.of(A), 5);
        int shown = 0;
        for (GroupKey g : List.of(new GroupKey(null, RoleGroup.LEADERSHIP), new GroupKey(null, RoleGroup.SHOP_FLOOR),
                GroupKey.of(null, RoleGroup.UNDISCLOSED))) {
            if (anonymity.visible(g)) {
                shown += anonymity.size(g);
            }
        }
        int rest = anonymity.size(GroupKey.EVERYONE) - shown;
        assertThat(rest == 0 || rest >= 5).isTrue();
    }

    /**
     * Random companies and the strongest attacker we know: take any two shown groups where
     * one lies inside the other, or a shown group and all its shown parts, and subtract.
     * Whatever is left must be nobody or at least k people.
     */
    @RepeatedTest(300)
    void noCombinationOfShownFiguresIsAboutFewerThanKPeople() {
        Random random = new Random();
        int k = 3 + random.nextInt(4);
        List<Long> teams = List.of(A, B, C, 4L);
        Map<GroupKey.Cell, Integer> cells = new HashMap<>();
        for (long team : List.of(0L, A, B, C, 4L)) {
            for (RoleGroup role : RoleGroup.values()) {
                if (random.nextDouble() < 0.6) {
                    cells.put(new GroupKey.Cell(team, role), random.nextInt(9));
                }
            }
        }
        Anonymity anonymity = new Anonymity(cells, teams, k);
        List<GroupKey> shown = new ArrayList<>();
        List<Long> departments = new ArrayList<>();
        departments.add(null);
        departments.addAll(teams);
        List<Set<RoleGroup>> roleSets = new ArrayList<>();
        roleSets.add(null);
        roleSets.add(RoleGroup.SHOP_FLOOR);
        roleSets.add(RoleGroup.LEADERSHIP);
        for (RoleGroup r : RoleGroup.values()) {
            roleSets.add(EnumSet.of(r));
        }
        for (Long d : departments) {
            for (Set<RoleGroup> r : roleSets) {
                GroupKey g = new GroupKey(d, r);
                if (anonymity.visible(g)) {
                    assertThat(anonymity.size(g)).isGreaterThanOrEqualTo(k);
                    shown.add(g);
                }
            }
        }
        for (GroupKey outer : shown) {
            for (GroupKey inner : shown) {
                if (outer.strictlyContains(inner)) {
                    int difference = anonymity.size(outer) - anonymity.size(inner);
                    assertThat(difference == 0 || difference >= k)
                            .as("%s minus %s leaves %d people (k=%d)", outer, inner, difference, k).isTrue();
                }
            }
        }
        for (Set<RoleGroup> r : roleSets) {
            GroupKey parent = new GroupKey(null, r);
            if (anonymity.visible(parent)) {
                int rest = anonymity.size(parent) - teams.stream().map(t -> new GroupKey(t, r))
                        .filter(anonymity::visible).mapToInt(anonymity::size).sum();
                assertThat(rest == 0 || rest >= k).as("departments of %s leave %d (k=%d)", r, rest, k).isTrue();
            }
        }
        for (Long d : departments) {
            GroupKey parent = new GroupKey(d, null);
            if (anonymity.visible(parent)) {
                int rest = anonymity.size(parent) - java.util.Arrays.stream(RoleGroup.values())
                        .map(role -> GroupKey.of(d, role)).filter(anonymity::visible).mapToInt(anonymity::size).sum();
                assertThat(rest == 0 || rest >= k).as("roles of %s leave %d (k=%d)", d, rest, k).isTrue();
                int gapRest = anonymity.size(parent)
                        - (anonymity.visible(new GroupKey(d, RoleGroup.LEADERSHIP)) ? anonymity.size(new GroupKey(d, RoleGroup.LEADERSHIP)) : 0)
                        - (anonymity.visible(new GroupKey(d, RoleGroup.SHOP_FLOOR)) ? anonymity.size(new GroupKey(d, RoleGroup.SHOP_FLOOR)) : 0);
                assertThat(gapRest == 0 || gapRest >= k).as("gap of %s leaves %d (k=%d)", d, gapRest, k).isTrue();
            }
        }
    }

    /**
     * The attacker adds and subtracts up to three shown figures. If the result counts a
     * real set of people (every cell in or out, no cell twice or negative) of 1 to k-1
     * people, something was revealed.
     */
    @RepeatedTest(150)
    void addingAndSubtractingUpToThreeShownFiguresRevealsNobody() {
        Random random = new Random();
        int k = 3 + random.nextInt(3);
        List<Long> teams = List.of(A, B, C);
        List<GroupKey.Cell> allCells = new ArrayList<>();
        Map<GroupKey.Cell, Integer> cells = new HashMap<>();
        for (long team : List.of(0L, A, B, C)) {
            for (RoleGroup role : RoleGroup.values()) {
                GroupKey.Cell cell = new GroupKey.Cell(team, role);
                allCells.add(cell);
                if (random.nextDouble() < 0.7) {
                    cells.put(cell, random.nextInt(8));
                }
            }
        }
        Anonymity anonymity = new Anonymity(cells, teams, k);
        List<int[]> shown = new ArrayList<>();
        List<Long> departments = new ArrayList<>();
        departments.add(null);
        departments.addAll(teams);
        List<Set<RoleGroup>> roleSets = new ArrayList<>();
        roleSets.add(null);
        roleSets.add(RoleGroup.SHOP_FLOOR);
        roleSets.add(RoleGroup.LEADERSHIP);
        for (RoleGroup r : RoleGroup.values()) {
            roleSets.add(EnumSet.of(r));
        }
        for (Long d : departments) {
            for (Set<RoleGroup> r : roleSets) {
                GroupKey g = new GroupKey(d, r);
                if (anonymity.visible(g)) {
                    int[] vector = new int[allCells.size()];
                    for (int i = 0; i < allCells.size(); i++) {
                        vector[i] = g.includes(allCells.get(i).team(), allCells.get(i).role()) ? 1 : 0;
                    }
                    shown.add(vector);
                }
            }
        }
        int n = shown.size();
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                for (int c = b; c < n; c++) {
                    for (int signs = 0; signs < 8; signs++) {
                        int[] sum = new int[allCells.size()];
                        int used = 0;
                        for (int which = 0; which < 3; which++) {
                            int index = which == 0 ? a : which == 1 ? b : c;
                            if (which > 0 && (index == a || (which == 2 && index == b))) {
                                continue; // fewer than three distinct figures: covered by smaller combinations
                            }
                            int sign = (signs & (1 << which)) != 0 ? -1 : 1;
                            for (int i = 0; i < sum.length; i++) {
                                sum[i] += sign * shown.get(index)[i];
                            }
                            used++;
                        }
                        boolean aSet = true;
                        int people = 0;
                        for (int i = 0; i < sum.length && aSet; i++) {
                            if (sum[i] < 0 || sum[i] > 1) {
                                aSet = false;
                            } else if (sum[i] == 1) {
                                people += cells.getOrDefault(allCells.get(i), 0);
                            }
                        }
                        if (aSet && used > 0) {
                            assertThat(people == 0 || people >= k)
                                    .as("a combination of %d shown figures counts %d people (k=%d)", used, people, k)
                                    .isTrue();
                        }
                    }
                }
            }
        }
    }
}
