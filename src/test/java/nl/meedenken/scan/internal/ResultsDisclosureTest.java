package nl.meedenken.scan.internal;

import nl.meedenken.organisation.internal.Teams;
import nl.meedenken.scan.RoleGroup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The disclosure check seen from outside, through everything the results pages give: random
 * organisations answer a campaign, then every group every role can ask for is read (every
 * filter, the heatmaps, the gap, the map, the response per department, the trend, a team
 * lead's view, the CSV), and whatever carries a figure counts as published. An exact attacker
 * then adds and subtracts all of it.
 */
@SpringBootTest
class ResultsDisclosureTest {

    @Autowired
    Campaigns campaigns;
    @Autowired
    Answering answering;
    @Autowired
    Results results;
    @Autowired
    Report report;
    @Autowired
    Teams teams;
    @Autowired
    JdbcClient jdbc;

    private record Company(long campaign, List<Long> teams, Map<GroupKey.Cell, Integer> cells, int k) {
    }

    /** A closed campaign over new departments, answered by the cells of a random organisation. */
    private Company answered(Random random, int departments, int k, String title) {
        Organisations.Organisation organisation = Organisations.random(random, departments, k);
        List<Long> teamIds = new ArrayList<>();
        for (int i = 0; i < departments; i++) {
            teamIds.add(teams.create(title + " afdeling " + i + " " + System.nanoTime(), null));
        }
        // long ago, so that no page that looks for the newest campaign finds these
        long id = campaigns.create(new Campaigns.Draft(title + " " + System.nanoTime(), LocalDate.of(1999, 1, 4),
                LocalDate.of(1999, 1, 25), k, List.of(), teamIds), "test");
        campaigns.open(id, "test");
        Instrument instrument = instrumentOf(id);
        Map<GroupKey.Cell, Integer> cells = new HashMap<>();
        organisation.cells().forEach((cell, count) -> {
            long team = cell.team() == 0 ? 0 : teamIds.get((int) cell.team() - 1);
            cells.merge(new GroupKey.Cell(team, cell.role()), count, Integer::sum);
            for (int i = 0; i < count; i++) {
                Map<String, Integer> answers = new HashMap<>();
                instrument.items().forEach(item -> answers.put(item.code(), 1 + random.nextInt(5)));
                answering.store(id, team, cell.role(), "nl", answers,
                        Map.of("works_well", "antwoord " + random.nextInt(1000)));
            }
        });
        campaigns.close(id, "test");
        return new Company(id, teamIds, cells, k);
    }

    private Instrument instrumentOf(long campaignId) {
        return results.view(campaigns.find(campaignId).orElseThrow(), GroupKey.EVERYONE).instrument();
    }

    private static List<GroupKey> everyGroup(List<Long> teamIds) {
        List<GroupKey> all = new ArrayList<>();
        all.add(GroupKey.EVERYONE);
        for (Long team : teamIds) {
            all.add(new GroupKey(team, null));
            for (RoleGroup role : RoleGroup.values()) {
                all.add(GroupKey.of(team, role));
            }
        }
        for (RoleGroup role : RoleGroup.values()) {
            all.add(GroupKey.of(null, role));
        }
        all.add(new GroupKey(null, RoleGroup.SHOP_FLOOR));
        all.add(new GroupKey(null, RoleGroup.LEADERSHIP));
        return all;
    }

    /** Every group of which some page gives a figure, and every group whose open answers are listed. */
    private Set<GroupKey>[] published(Campaign campaign, List<Long> teamIds) {
        Set<GroupKey> figures = new LinkedHashSet<>();
        Set<GroupKey> comments = new LinkedHashSet<>();
        Map<Long, String> names = results.view(campaign, GroupKey.EVERYONE).teamNames();
        for (GroupKey asked : everyGroup(teamIds)) {
            for (Results.View view : List.of(results.view(campaign, asked),
                    Results.ownDepartmentOnly(results.view(campaign, asked)))) {
                if (view.dimensions().stream().anyMatch(Results.DimensionRow::shown) || view.responses() > 0) {
                    figures.add(view.group());
                }
                if (view.openAnswersShown()) {
                    comments.add(view.group());
                }
                for (Results.Heatmap heatmap : List.of(view.byDepartment(), view.byRole())) {
                    for (int c = 0; c < heatmap.columns().size(); c++) {
                        for (Double[] row : heatmap.values()) {
                            if (row[c] != null) {
                                figures.add(heatmap.columns().get(c).group());
                            }
                        }
                    }
                }
                for (Results.GapRow gap : view.gap()) {
                    if (gap.management() != null) {
                        figures.add(new GroupKey(view.group().team(), RoleGroup.LEADERSHIP));
                    }
                    if (gap.shopFloor() != null) {
                        figures.add(new GroupKey(view.group().team(), RoleGroup.SHOP_FLOOR));
                    }
                }
                for (Results.MapPoint point : view.map()) {
                    figures.add(point.company() ? GroupKey.EVERYONE : new GroupKey(teamIds.stream()
                            .filter(t -> names.get(t).equals(point.label())).findFirst().orElseThrow(), null));
                }
                for (Results.RateRow rate : view.rates()) {
                    if (rate.responses() != null) {
                        figures.add(new GroupKey(teamIds.stream()
                                .filter(t -> names.get(t).equals(rate.team())).findFirst().orElseThrow(), null));
                    }
                }
            }
        }
        @SuppressWarnings("unchecked")
        Set<GroupKey>[] both = new Set[]{figures, comments};
        return both;
    }

    private static List<GroupKey.Cell> cells(Map<GroupKey.Cell, Integer> cells) {
        return cells.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
    }

    private static int size(Map<GroupKey.Cell, Integer> cells, GroupKey group) {
        return cells.entrySet().stream().filter(e -> group.includes(e.getKey().team(), e.getKey().role()))
                .mapToInt(Map.Entry::getValue).sum();
    }

    @Test
    void nothingAnyPageGivesAddsUpToFewerThanKPeople() {
        Random random = new Random(18);
        for (int round = 0; round < 6; round++) {
            int k = 3 + random.nextInt(4);
            Company company = answered(random, 2 + random.nextInt(3), k, "Aanval " + round);
            Campaign campaign = campaigns.find(company.campaign()).orElseThrow();
            Set<GroupKey>[] seen = published(campaign, company.teams());
            List<GroupKey> figures = List.copyOf(seen[0]);
            for (GroupKey group : figures) {
                assertThat(size(company.cells(), group)).as("%s is published", group).isGreaterThanOrEqualTo(k);
            }
            assertThat(Attacker.smallestReachable(figures, g -> size(company.cells(), g), cells(company.cells()), k))
                    .as("round %d, k=%d, %s, published %s", round, k, company.cells(), figures).isZero();
            assertThat(Attacker.smallestCommentPiece(List.copyOf(seen[1]), g -> size(company.cells(), g),
                    cells(company.cells()), 2 * k)).as("round %d open answers %s", round, seen[1]).isZero();
            // the CSV lists no group's figures that the pages hide
            String csv = report.csv(campaign, Locale.forLanguageTag("nl"));
            for (Long team : company.teams()) {
                GroupKey department = new GroupKey(team, null);
                String name = results.view(campaign, department).teamNames().get(team);
                boolean inCsv = csv.lines().anyMatch(l -> l.startsWith("\"" + name + "\";\"dimension\""));
                assertThat(inCsv).as("%s in the CSV", name).isEqualTo(figures.contains(department));
            }
        }
    }

    @Test
    void aPreviousCampaignKeepsWhatItHidItselfInTheTrendAndLaterViews() {
        // last year: department A is nearly all drivers, so A or the drivers must be hidden
        long a = teams.create("Trend A " + System.nanoTime(), null);
        long b = teams.create("Trend B " + System.nanoTime(), null);
        long before = campaign(LocalDate.of(2000, 1, 3), List.of(a, b), Map.of(new GroupKey.Cell(a, RoleGroup.DRIVER), 9,
                new GroupKey.Cell(a, RoleGroup.OFFICE), 1, new GroupKey.Cell(b, RoleGroup.WAREHOUSE), 8));
        Campaign previous = campaigns.find(before).orElseThrow();
        Results.View then = results.view(previous, new GroupKey(a, null));
        Results.View thenDrivers = results.view(previous, GroupKey.of(null, RoleGroup.DRIVER));
        assertThat(then.groupVisible() && thenDrivers.groupVisible()).isFalse();
        GroupKey hiddenThen = then.groupVisible() ? GroupKey.of(null, RoleGroup.DRIVER) : new GroupKey(a, null);

        // the organisation changes: a new department joins; the stored decision of last year does not move
        teams.create("Trend C " + System.nanoTime(), null);
        assertThat(results.view(previous, hiddenThen).groupVisible()).isFalse();
        assertThat(jdbc.sql("select count(*) from scan_publication where campaign_id = :c").param("c", before)
                .query(Long.class).single()).isPositive();

        // this year every group is big; the trend still shows nothing of last year's hidden group
        long now = campaign(LocalDate.of(2000, 6, 5), List.of(a, b), Map.of(new GroupKey.Cell(a, RoleGroup.DRIVER), 20,
                new GroupKey.Cell(a, RoleGroup.OFFICE), 10, new GroupKey.Cell(b, RoleGroup.WAREHOUSE), 20,
                new GroupKey.Cell(b, RoleGroup.DRIVER), 10));
        Results.View trend = results.view(campaigns.find(now).orElseThrow(), hiddenThen);
        assertThat(trend.groupVisible()).isTrue();
        assertThat(trend.previous().id()).isEqualTo(before);
        assertThat(trend.trend()).isNotEmpty().allMatch(t -> t.previous() == null && t.current() != null);
        assertThat(trend.reasons().previous()).isEqualTo(Anonymity.Reason.PROTECTS_OTHERS);
    }

    /** A closed campaign of long ago, so that it is the other's previous one and no page's newest. */
    private long campaign(LocalDate opens, List<Long> teamIds, Map<GroupKey.Cell, Integer> cells) {
        long id = campaigns.create(new Campaigns.Draft("Trend " + System.nanoTime(), opens, opens.plusWeeks(3), 5,
                List.of(), teamIds), "test");
        campaigns.open(id, "test");
        Instrument instrument = instrumentOf(id);
        cells.forEach((cell, count) -> {
            for (int i = 0; i < count; i++) {
                Map<String, Integer> answers = new HashMap<>();
                instrument.items().forEach(item -> answers.put(item.code(), 3));
                answering.store(id, cell.team(), cell.role(), "nl", answers, Map.of());
            }
        });
        campaigns.close(id, "test");
        return id;
    }
}
