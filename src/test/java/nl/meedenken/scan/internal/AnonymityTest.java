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

    @Test
    void aDepartmentThatIsNearlyAllOneKindOfWorkDoesNotGiveAwayItsOneOtherPerson() {
        // department A: 9 drivers and 1 office worker; all drivers of the company are in A
        var anonymity = new Anonymity(cells(A, RoleGroup.DRIVER, 9, A, RoleGroup.OFFICE, 1, B, RoleGroup.OFFICE, 6,
                B, RoleGroup.WAREHOUSE, 7), List.of(A, B), 5);
        boolean department = anonymity.visible(new GroupKey(A, null));
        boolean drivers = anonymity.visible(GroupKey.of(null, RoleGroup.DRIVER));
        assertThat(department && drivers).as("A minus the drivers is A's one office worker").isFalse();
        assertThat(Attacker.smallestReachable(anonymity, cellList(anonymity), 5)).isZero();
    }

    @Test
    void aDifferenceOfTwoPeopleIsNotShownEither() {
        // Zwolle: 1 driver and 10 warehouse workers; Venlo: 10 drivers and 1 warehouse worker.
        // Zwolle minus the warehouse is that one driver minus Venlo's one warehouse worker.
        long zwolle = 11, venlo = 12;
        var anonymity = new Anonymity(cells(zwolle, RoleGroup.DRIVER, 1, zwolle, RoleGroup.WAREHOUSE, 10,
                venlo, RoleGroup.DRIVER, 10, venlo, RoleGroup.WAREHOUSE, 1), List.of(zwolle, venlo), 5);
        boolean both = anonymity.visible(new GroupKey(zwolle, null))
                && anonymity.visible(GroupKey.of(null, RoleGroup.WAREHOUSE));
        assertThat(both).as("Zwolle and the warehouse side by side").isFalse();
        assertThat(Attacker.smallestReachable(anonymity, cellList(anonymity), 5)).isZero();
        assertThat(anonymity.visible(GroupKey.EVERYONE)).as("the company as a whole stays").isTrue();
    }

    /** The worked example of docs/anonymity.md, outcome as the document states it. */
    @Test
    void theWorkedExampleOfTheDocumentation() {
        long chauffeursZwolle = 1, chauffeursVenlo = 2, magazijnZwolle = 3, magazijnVenlo = 4, directie = 5;
        var anonymity = new Anonymity(cells(chauffeursZwolle, RoleGroup.DRIVER, 9, chauffeursZwolle, RoleGroup.TEAM_LEAD, 1,
                chauffeursVenlo, RoleGroup.DRIVER, 7, chauffeursVenlo, RoleGroup.TEAM_LEAD, 1,
                magazijnZwolle, RoleGroup.WAREHOUSE, 5, magazijnZwolle, RoleGroup.TEAM_LEAD, 1,
                magazijnVenlo, RoleGroup.WAREHOUSE, 6, magazijnVenlo, RoleGroup.TEAM_LEAD, 1,
                directie, RoleGroup.MANAGEMENT, 2),
                List.of(chauffeursZwolle, chauffeursVenlo, magazijnZwolle, magazijnVenlo, directie), 5);
        Map<String, Anonymity.Reason> reasons = new java.util.TreeMap<>();
        anonymity.decisions().forEach((g, d) -> reasons.put(Anonymity.canonical(g), d.figures()));
        assertThat(reasons).containsEntry("*/*", Anonymity.Reason.SHOWN)
                .containsEntry("*/DRIVER", Anonymity.Reason.SHOWN)
                .containsEntry("*/WAREHOUSE", Anonymity.Reason.SHOWN)
                .containsEntry(Anonymity.canonical(new GroupKey(null, RoleGroup.SHOP_FLOOR)), Anonymity.Reason.SHOWN)
                .containsEntry(Anonymity.canonical(new GroupKey(null, RoleGroup.LEADERSHIP)), Anonymity.Reason.SHOWN)
                .containsEntry("1/*", Anonymity.Reason.SHOWN)
                .containsEntry("4/*", Anonymity.Reason.SHOWN)
                .containsEntry("2/*", Anonymity.Reason.PROTECTS_OTHERS)
                .containsEntry("3/*", Anonymity.Reason.PROTECTS_OTHERS)
                .containsEntry("5/*", Anonymity.Reason.TOO_FEW)
                .containsEntry("*/TEAM_LEAD", Anonymity.Reason.TOO_FEW)
                .containsEntry("*/MANAGEMENT", Anonymity.Reason.TOO_FEW);
        assertThat(Attacker.smallestReachable(anonymity, cellList(anonymity), 5)).isZero();
    }

    @Test
    void saysWhyAGroupIsHidden() {
        var anonymity = new Anonymity(cells(A, RoleGroup.DRIVER, 6, B, RoleGroup.DRIVER, 7, C, RoleGroup.DRIVER, 2),
                List.of(A, B, C), 5);
        assertThat(anonymity.reason(new GroupKey(C, null))).isEqualTo(Anonymity.Reason.TOO_FEW);
        assertThat(anonymity.reason(new GroupKey(A, null))).isEqualTo(Anonymity.Reason.PROTECTS_OTHERS);
        assertThat(anonymity.reason(new GroupKey(B, null))).isEqualTo(Anonymity.Reason.SHOWN);
        assertThat(anonymity.reason(GroupKey.of(A, RoleGroup.DRIVER))).isEqualTo(Anonymity.Reason.NOT_OFFERED);
    }

    @Test
    void theSameDataAlwaysHidesTheSameGroups() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            Map<GroupKey.Cell, Integer> cells = Organisations.random(random, 5).cells();
            List<Long> teams = List.of(1L, 2L, 3L, 4L, 5L);
            Map<GroupKey, Anonymity.Decision> first = new Anonymity(cells, teams, 5).decisions();
            List<Map.Entry<GroupKey.Cell, Integer>> entries = new ArrayList<>(cells.entrySet());
            java.util.Collections.shuffle(entries, random);
            Map<GroupKey.Cell, Integer> reordered = new java.util.LinkedHashMap<>();
            entries.forEach(e -> reordered.put(e.getKey(), e.getValue()));
            List<Long> shuffledTeams = new ArrayList<>(teams);
            java.util.Collections.shuffle(shuffledTeams, random);
            assertThat(new Anonymity(reordered, shuffledTeams, 5).decisions()).isEqualTo(first);
        }
    }

    @Test
    void storedDecisionsReadBackTheSame() {
        var anonymity = new Anonymity(cells(A, RoleGroup.DRIVER, 6, B, RoleGroup.DRIVER, 7, C, RoleGroup.OFFICE, 9),
                List.of(A, B, C), 5);
        anonymity.decisions().keySet().forEach(g -> assertThat(Anonymity.parse(Anonymity.canonical(g))).isEqualTo(g));
    }

    /**
     * Random organisations (departments that are nearly one kind of work, groups of k−1 to 2k,
     * the "not given" department, several leaders' cells of one or two people) against an
     * attacker who may add and subtract every shown figure in any amounts: no set of cells
     * with 1 to k−1 people may be reachable, and every piece that the shown lists of open
     * answers cut the respondents into holds 0 or at least 2k people.
     */
    @Test
    void noLinearCombinationOfShownFiguresIsAboutFewerThanKPeople() {
        Random random = new Random(20261207);
        for (int round = 0; round < 400; round++) {
            int k = 3 + random.nextInt(6);
            int departments = 1 + random.nextInt(4);
            Organisations.Organisation organisation = Organisations.random(random, departments, k);
            Anonymity anonymity = new Anonymity(organisation.cells(), organisation.teams(), k);
            List<GroupKey.Cell> cells = cellList(anonymity);
            assertThat(Attacker.smallestReachable(anonymity, cells, k))
                    .as("round %d, k=%d, %s, %s", round, k, organisation.cells(), anonymity).isZero();
            assertThat(Attacker.smallestCommentPiece(anonymity, cells, 2 * k))
                    .as("round %d, k=%d, %s, %s", round, k, organisation.cells(), anonymity).isZero();
        }
    }

    @Test
    void hidesNoMoreThanNeededInAnOrdinaryCompany() {
        // two departments of drivers and warehouse staff, each with a team lead, and an office
        var anonymity = new Anonymity(cells(A, RoleGroup.DRIVER, 14, A, RoleGroup.TEAM_LEAD, 1, B, RoleGroup.WAREHOUSE, 11,
                B, RoleGroup.TEAM_LEAD, 1, C, RoleGroup.OFFICE, 6, C, RoleGroup.MANAGEMENT, 3), List.of(A, B, C), 5);
        assertThat(anonymity.visible(GroupKey.EVERYONE)).isTrue();
        assertThat(anonymity.visible(GroupKey.of(null, RoleGroup.DRIVER))).isTrue();
        assertThat(anonymity.visible(GroupKey.of(null, RoleGroup.WAREHOUSE))).isTrue();
        assertThat(anonymity.visible(new GroupKey(null, RoleGroup.LEADERSHIP))).isTrue();
        assertThat(anonymity.visible(GroupKey.of(null, RoleGroup.OFFICE))).isTrue();
        assertThat(anonymity.reason(new GroupKey(A, null))).as("A minus its drivers is its team lead")
                .isEqualTo(Anonymity.Reason.PROTECTS_OTHERS);
        assertThat(Attacker.smallestReachable(anonymity, cellList(anonymity), 5)).isZero();
    }

    private static List<GroupKey.Cell> cellList(Anonymity anonymity) {
        List<GroupKey.Cell> all = new ArrayList<>();
        for (long team = 0; team <= 6; team++) {
            for (RoleGroup role : RoleGroup.values()) {
                GroupKey.Cell cell = new GroupKey.Cell(team, role);
                if (anonymity.size(GroupKey.of(team, role)) > 0) {
                    all.add(cell);
                }
            }
        }
        return all;
    }
}
