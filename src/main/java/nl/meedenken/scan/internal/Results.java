package nl.meedenken.scan.internal;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.TeamSummary;
import nl.meedenken.scan.RoleGroup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Computes what a results page, the report and the CSV export show for one group of
 * respondents. Reads only the running totals, never single answer sheets, and asks
 * {@link Anonymity} before every figure.
 */
@Service
public class Results {

    public static final String CUSTOM = "custom";

    public record DimensionRow(String code, Instrument.Group group, Text name, Score score) {
        public boolean shown() {
            return score != null;
        }
    }

    public record ItemRow(String code, String dimension, Text text, boolean reverse, Score score) {
    }

    public record Column(String label, GroupKey group, boolean visible, Anonymity.Reason reason) {
        public Column(String label, GroupKey group) {
            this(label, group, false, Anonymity.Reason.NOT_OFFERED);
        }

        /** True only where the group is hidden because too few answered; other hidden groups say why differently. */
        public boolean tooFew() {
            return reason == Anonymity.Reason.TOO_FEW;
        }
    }

    public record Heatmap(List<Column> columns, List<DimensionRow> rows, Double[][] values) {
        public boolean isEmpty() {
            return columns.stream().noneMatch(Column::visible);
        }
    }

    public record GapRow(Text name, Double management, Double shopFloor) {
        public Double gap() {
            return management == null || shopFloor == null ? null : management - shopFloor;
        }
    }

    public record MapPoint(String label, double x, double y, boolean company) {
    }

    public record TrendRow(Text name, Double previous, Double current) {
        /** The change between the two figures as they are shown (one decimal each), so the page never contradicts itself. */
        public Double change() {
            return nl.meedenken.platform.Rounding.change(previous, current);
        }
    }

    public record RateRow(String team, Integer responses, int headcount, Anonymity.Reason reason) {
        public Integer percentage() {
            return responses == null || headcount == 0 ? null : (int) Math.round(100.0 * responses / headcount);
        }
    }

    public record AdviceBlock(Instrument.Dimension dimension, Score score) {
    }

    /** A group a campaign publishes but hides, by name (a department) or message key, with why. */
    public record HiddenGroup(String name, String nameKey, Anonymity.Reason reason) {
        public boolean tooFew() {
            return reason == Anonymity.Reason.TOO_FEW;
        }
    }

    /**
     * Why figures next to the chosen group are missing: leaders and shop floor in the gap, the
     * chosen group in the previous campaign, and every hidden group of the campaign.
     */
    public record Reasons(Anonymity.Reason leaders, Anonymity.Reason shopFloor, Anonymity.Reason previous,
                          List<HiddenGroup> hidden) {
        public static final Reasons NONE = new Reasons(Anonymity.Reason.NOT_OFFERED, Anonymity.Reason.NOT_OFFERED,
                Anonymity.Reason.NOT_OFFERED, List.of());
    }

    /** Everything a results page shows; figures that may not be shown are null or left out. */
    public record View(Campaign campaign, Instrument instrument, GroupKey group, int k, boolean groupVisible,
                       Anonymity.Reason reason, int responses, List<DimensionRow> dimensions, List<ItemRow> items, Heatmap byDepartment,
                       Heatmap byRole, List<GapRow> gap, List<MapPoint> map, Campaign previous, List<TrendRow> trend,
                       Map<String, List<String>> openAnswers, boolean openAnswersShown, List<RateRow> rates,
                       List<AdviceBlock> advice, Map<Long, String> teamNames, Reasons reasons) {

        public Optional<DimensionRow> dimension(String code) {
            return dimensions.stream().filter(d -> d.code().equals(code)).findFirst();
        }

        public List<ItemRow> itemsOf(String dimension) {
            return items.stream().filter(i -> i.dimension().equals(dimension)).toList();
        }

        /** Whether the group is hidden because fewer than k answered (not for any other reason). */
        public boolean tooFew() {
            return reason == Anonymity.Reason.TOO_FEW;
        }

        public List<DimensionRow> inGroup(Instrument.Group g) {
            return dimensions.stream().filter(d -> d.group() == g).toList();
        }
    }

    private final JdbcClient jdbc;
    private final Instruments instruments;
    private final Campaigns campaigns;
    private final People people;
    private final Publications publications;

    Results(JdbcClient jdbc, Instruments instruments, Campaigns campaigns, People people, Publications publications) {
        this.publications = publications;
        this.jdbc = jdbc;
        this.instruments = instruments;
        this.campaigns = campaigns;
        this.people = people;
    }

    /** The totals of a campaign, read in two small queries. */
    @Transactional(readOnly = true)
    public Tallies tallies(long campaignId) {
        Tallies tallies = new Tallies();
        jdbc.sql("select item_code, team_id, role_group, value, answers from scan_tally where campaign_id = :id")
                .param("id", campaignId)
                .query(rs -> {
                    tallies.add(rs.getString(1), Tallies.cell(rs.getLong(2), rs.getString(3)), rs.getInt(4), rs.getInt(5));
                });
        jdbc.sql("select team_id, role_group, responses from scan_group_count where campaign_id = :id")
                .param("id", campaignId)
                .query(rs -> {
                    tallies.sheets(Tallies.cell(rs.getLong(1), rs.getString(2)), rs.getInt(3));
                });
        return tallies;
    }

    /** The departments a campaign can show, by id: those it asked. */
    private Map<Long, String> teamNames(Campaign campaign) {
        Map<Long, String> teamNames = new LinkedHashMap<>();
        for (TeamSummary team : people.teams()) {
            if (campaign.targetTeams().isEmpty() || campaign.targetTeams().contains(team.id().value())) {
                if (campaign.targetSites().isEmpty()
                        || (team.site() != null && campaign.targetSites().contains(team.site().value()))) {
                    teamNames.put(team.id().value(), team.name());
                }
            }
        }
        return teamNames;
    }

    /** A pulse's own statements and asked dimensions for everyone who answered, if that group may be shown. */
    public record PulseScores(int responses, int k, boolean shown, List<ItemRow> statements, List<DimensionRow> dimensions) {
    }

    @Transactional(readOnly = true)
    public PulseScores pulseScores(Campaign campaign) {
        Tallies tallies = tallies(campaign.id());
        Anonymity anonymity = publications.of(campaign, tallies, teamNames(campaign).keySet());
        int responses = anonymity.size(GroupKey.EVERYONE);
        boolean shown = campaign.status() == Campaign.Status.CLOSED && anonymity.visible(GroupKey.EVERYONE);
        if (!shown) {
            return new PulseScores(responses, campaign.minGroupSize(), false, List.of(), List.of());
        }
        Instrument instrument = instruments.get(campaign.instrumentId());
        List<ItemRow> statements = items(instrument, campaign, tallies, GroupKey.EVERYONE).stream()
                .filter(i -> i.dimension().equals(CUSTOM)).toList();
        return new PulseScores(responses, campaign.minGroupSize(), true, statements,
                dimensions(instrument, campaign, tallies, anonymity, GroupKey.EVERYONE));
    }

    /**
     * Mean per department for some dimensions of a closed campaign; a department that may not
     * be shown under the anonymity rules is left out.
     */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, Double>> perDepartment(Campaign campaign, List<String> dimensionCodes) {
        Instrument instrument = instruments.get(campaign.instrumentId());
        Map<Long, String> teamNames = teamNames(campaign);
        Tallies tallies = tallies(campaign.id());
        Anonymity anonymity = publications.of(campaign, tallies, teamNames.keySet());
        Map<Long, Map<String, Double>> result = new LinkedHashMap<>();
        for (Long team : teamNames.keySet()) {
            GroupKey group = new GroupKey(team, null);
            if (!anonymity.visible(group)) {
                continue;
            }
            Map<String, Double> means = new LinkedHashMap<>();
            for (String code : dimensionCodes) {
                instrument.dimension(code).filter(d -> campaign.asks(d.code()))
                        .map(d -> mean(d, tallies, anonymity, group)).ifPresent(m -> means.put(code, m));
            }
            result.put(team, means);
        }
        return result;
    }

    @Transactional(readOnly = true)
    public View view(Campaign campaign, GroupKey group) {
        Instrument instrument = instruments.get(campaign.instrumentId());
        Map<Long, String> teamNames = teamNames(campaign);
        Tallies tallies = tallies(campaign.id());
        Anonymity anonymity = publications.of(campaign, tallies, teamNames.keySet());
        // departments made after the campaign decided what it publishes had nobody answering: leave them out
        teamNames.keySet().removeIf(team -> !anonymity.offered(new GroupKey(team, null)));
        boolean visible = anonymity.visible(group);
        List<DimensionRow> dimensions = dimensions(instrument, campaign, tallies, anonymity, group);
        List<ItemRow> items = visible ? items(instrument, campaign, tallies, group) : List.of();

        Heatmap byDepartment = heatmap(instrument, campaign, tallies, anonymity,
                teamNames.entrySet().stream().map(e -> new Column(e.getValue(), new GroupKey(e.getKey(), group.roles())))
                        .toList());
        List<Column> roleColumns = new ArrayList<>();
        for (RoleGroup role : RoleGroup.values()) {
            roleColumns.add(new Column(role.labelKey(), GroupKey.of(group.team(), role)));
        }
        Heatmap byRole = heatmap(instrument, campaign, tallies, anonymity, roleColumns);

        GroupKey management = new GroupKey(group.team(), RoleGroup.LEADERSHIP);
        GroupKey shopFloor = new GroupKey(group.team(), RoleGroup.SHOP_FLOOR);
        List<GapRow> gap = new ArrayList<>();
        for (Instrument.Dimension d : group.equals(GroupKey.EVERYONE) ? asked(instrument, campaign)
                : List.<Instrument.Dimension>of()) {
            gap.add(new GapRow(d.name(), mean(d, tallies, anonymity, management), mean(d, tallies, anonymity, shopFloor)));
        }

        List<MapPoint> map = new ArrayList<>();
        Optional<Instrument.Dimension> steering = instrument.dimension("steering").filter(d -> campaign.asks(d.code()));
        Optional<Instrument.Dimension> leadership = instrument.dimension("leadership").filter(d -> campaign.asks(d.code()));
        if (steering.isPresent() && leadership.isPresent()) {
            addPoint(map, "", GroupKey.EVERYONE, steering.get(), leadership.get(), tallies, anonymity, true);
            teamNames.forEach((id, name) -> addPoint(map, name, new GroupKey(id, null), steering.get(),
                    leadership.get(), tallies, anonymity, false));
        }

        Campaign previous = campaign.kind() == Campaign.Kind.FULL ? campaigns.previous(campaign).orElse(null) : null;
        List<TrendRow> trend = new ArrayList<>();
        Anonymity.Reason[] beforeReason = {Anonymity.Reason.NOT_OFFERED};
        if (previous != null) {
            // the previous campaign's own published set: a group it hid stays hidden in the trend
            Tallies before = tallies(previous.id());
            Anonymity beforeAnonymity = publications.of(previous, before, teamNames(previous).keySet());
            beforeReason[0] = beforeAnonymity.reason(group);
            for (Instrument.Dimension d : asked(instrument, campaign)) {
                trend.add(new TrendRow(d.name(), mean(d, before, beforeAnonymity, group),
                        mean(d, tallies, anonymity, group)));
            }
        }

        int n = anonymity.size(group);
        // open answers: every piece that lists can be cut into (also by intersecting them) holds 2k people
        boolean openShown = visible && anonymity.commentsVisible(group);
        Map<String, List<String>> open = openShown ? openAnswers(campaign, group) : Map.of();

        List<RateRow> rates = new ArrayList<>();
        if (group.equals(GroupKey.EVERYONE) || group.roles() == null) {
            teamNames.forEach((id, name) -> {
                if (group.team() == null || group.team().equals(id)) {
                    GroupKey team = new GroupKey(id, null);
                    int headcount = (int) people.inTeam(new nl.meedenken.organisation.TeamId(id)).stream()
                            .filter(PersonSummary::active).count();
                    rates.add(new RateRow(name, anonymity.visible(team) ? anonymity.size(team) : null, headcount,
                            anonymity.reason(team)));
                }
            });
        }

        List<AdviceBlock> advice = visible ? advice(instrument, dimensions) : List.of();
        Reasons reasons = new Reasons(anonymity.reason(management), anonymity.reason(shopFloor),
                previous == null ? Anonymity.Reason.NOT_OFFERED : beforeReason[0], hidden(anonymity, teamNames));
        return new View(campaign, instrument, group, campaign.minGroupSize(), visible, anonymity.reason(group),
                visible ? n : 0, dimensions,
                items, byDepartment, byRole, gap, map, previous, trend, open, openShown, rates, advice, teamNames,
                reasons);
    }

    /** Every group of the campaign that is hidden, named as the filters name it. */
    private static List<HiddenGroup> hidden(Anonymity anonymity, Map<Long, String> teamNames) {
        List<HiddenGroup> hidden = new ArrayList<>();
        for (var entry : anonymity.decisions().entrySet()) {
            GroupKey g = entry.getKey();
            Anonymity.Reason reason = entry.getValue().figures();
            if (reason == Anonymity.Reason.SHOWN || reason == Anonymity.Reason.NOT_OFFERED) {
                continue;
            }
            if (g.equals(GroupKey.EVERYONE)) {
                hidden.add(new HiddenGroup(null, "scan.results.company", reason));
            } else if (g.team() != null) {
                hidden.add(new HiddenGroup(teamNames.getOrDefault(g.team(), "?"), null, reason));
            } else if (g.roles().equals(RoleGroup.SHOP_FLOOR)) {
                hidden.add(new HiddenGroup(null, "scan.results.shopFloor", reason));
            } else if (g.roles().equals(RoleGroup.LEADERSHIP)) {
                hidden.add(new HiddenGroup(null, "scan.results.leadership", reason));
            } else {
                hidden.add(new HiddenGroup(null, g.roles().iterator().next().labelKey(), reason));
            }
        }
        return hidden;
    }

    private static List<Instrument.Dimension> asked(Instrument instrument, Campaign campaign) {
        return instrument.dimensions().stream().filter(d -> campaign.asks(d.code())).toList();
    }

    private List<DimensionRow> dimensions(Instrument instrument, Campaign campaign, Tallies tallies,
                                          Anonymity anonymity, GroupKey group) {
        boolean visible = anonymity.visible(group);
        List<DimensionRow> rows = new ArrayList<>();
        for (Instrument.Dimension d : asked(instrument, campaign)) {
            rows.add(new DimensionRow(d.code(), d.group(), d.name(), visible ? score(d, tallies, group) : null));
        }
        return rows;
    }

    private List<ItemRow> items(Instrument instrument, Campaign campaign, Tallies tallies, GroupKey group) {
        List<ItemRow> rows = new ArrayList<>();
        for (Instrument.Dimension d : asked(instrument, campaign)) {
            for (Instrument.Item item : d.items()) {
                int[] given = tallies.distribution(item.code(), group);
                rows.add(new ItemRow(item.code(), d.code(), item.text(), item.reverse(),
                        Score.of(item.reverse() ? Score.reversed(given) : given)));
            }
        }
        List<Campaigns.CustomStatement> custom = campaigns.customStatements(campaign.id());
        for (int i = 0; i < custom.size(); i++) {
            String code = "custom_" + (i + 1);
            rows.add(new ItemRow(code, CUSTOM, custom.get(i).text(), false,
                    Score.of(tallies.distribution(code, group))));
        }
        return rows;
    }

    static Score score(Instrument.Dimension dimension, Tallies tallies, GroupKey group) {
        int[] total = new int[5];
        for (Instrument.Item item : dimension.items()) {
            int[] given = tallies.distribution(item.code(), group);
            total = Score.plus(total, item.reverse() ? Score.reversed(given) : given);
        }
        return Score.of(total);
    }

    private static Double mean(Instrument.Dimension d, Tallies tallies, Anonymity anonymity, GroupKey group) {
        if (!anonymity.visible(group)) {
            return null;
        }
        Score score = score(d, tallies, group);
        return score.answers() == 0 ? null : score.mean();
    }

    private Heatmap heatmap(Instrument instrument, Campaign campaign, Tallies tallies, Anonymity anonymity,
                            List<Column> candidates) {
        List<Column> columns = candidates.stream()
                .map(c -> new Column(c.label(), c.group(), anonymity.visible(c.group()), anonymity.reason(c.group())))
                .toList();
        List<Instrument.Dimension> dims = asked(instrument, campaign);
        Double[][] values = new Double[dims.size()][columns.size()];
        List<DimensionRow> rows = new ArrayList<>();
        for (int r = 0; r < dims.size(); r++) {
            rows.add(new DimensionRow(dims.get(r).code(), dims.get(r).group(), dims.get(r).name(), null));
            for (int c = 0; c < columns.size(); c++) {
                values[r][c] = mean(dims.get(r), tallies, anonymity, columns.get(c).group());
            }
        }
        return new Heatmap(columns, rows, values);
    }

    private static void addPoint(List<MapPoint> map, String label, GroupKey group, Instrument.Dimension x,
                                 Instrument.Dimension y, Tallies tallies, Anonymity anonymity, boolean company) {
        Double sx = mean(x, tallies, anonymity, group);
        Double sy = mean(y, tallies, anonymity, group);
        if (sx != null && sy != null) {
            map.add(new MapPoint(label, sx, sy, company));
        }
    }

    /** Open answers of the group, per question, in random order and without any date. */
    private Map<String, List<String>> openAnswers(Campaign campaign, GroupKey group) {
        Map<String, List<String>> byQuestion = new LinkedHashMap<>();
        jdbc.sql("select question, team_id, role_group, text from scan_open_answer where campaign_id = :id")
                .param("id", campaign.id())
                .query(rs -> {
                    if (group.includes(rs.getLong(2), RoleGroup.valueOf(rs.getString(3)))) {
                        byQuestion.computeIfAbsent(rs.getString(1), q -> new ArrayList<>()).add(rs.getString(4));
                    }
                });
        Random random = new Random();
        byQuestion.values().forEach(list -> Collections.shuffle(list, random));
        return byQuestion;
    }

    /** The three weakest dimensions, plus the weakest practice if none of those is one. */
    private static List<AdviceBlock> advice(Instrument instrument, List<DimensionRow> rows) {
        List<DimensionRow> scored = rows.stream().filter(r -> r.score() != null && r.score().answers() > 0)
                .sorted(Comparator.comparingDouble(r -> r.score().mean())).toList();
        List<DimensionRow> chosen = new ArrayList<>(scored.stream().limit(3).toList());
        if (chosen.stream().noneMatch(r -> r.group() == Instrument.Group.PRACTICES)) {
            scored.stream().filter(r -> r.group() == Instrument.Group.PRACTICES).findFirst().ifPresent(chosen::add);
        }
        return chosen.stream().map(r -> new AdviceBlock(instrument.dimension(r.code()).orElseThrow(), r.score()))
                .toList();
    }

    /**
     * The view for someone who may see only their own department: every section about other
     * groups is left out entirely, so it reaches neither the page nor its chart data.
     */
    public static View ownDepartmentOnly(View view) {
        Heatmap none = new Heatmap(List.of(), List.of(), new Double[0][0]);
        return new View(view.campaign(), view.instrument(), view.group(), view.k(), view.groupVisible(),
                view.reason(), view.responses(), view.dimensions(), view.items(), none, none, List.of(), List.of(), view.previous(),
                view.trend(), view.openAnswers(), view.openAnswersShown(),
                view.rates().stream().filter(r -> view.group().team() != null
                        && r.team().equals(view.teamNames().get(view.group().team()))).toList(),
                view.advice(), Map.of(), new Reasons(Anonymity.Reason.NOT_OFFERED, Anonymity.Reason.NOT_OFFERED,
                        view.reasons().previous(), view.reasons().hidden().stream()
                        .filter(h -> h.name() != null && h.name().equals(view.teamNames().get(view.group().team())))
                        .toList()));
    }

    /** Whether this combination of department and role group is one a page can ask for. */
    public static GroupKey group(Long team, RoleGroup role) {
        return role == null ? new GroupKey(team, null) : new GroupKey(team, EnumSet.of(role));
    }
}
