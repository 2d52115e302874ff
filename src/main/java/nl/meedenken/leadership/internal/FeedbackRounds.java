package nl.meedenken.leadership.internal;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.TeamSummary;
import nl.meedenken.platform.AuditEntry;
import nl.meedenken.platform.AuditLog;
import nl.meedenken.platform.Notifications;
import nl.meedenken.platform.Role;
import nl.meedenken.scan.CampaignId;
import nl.meedenken.scan.Scans;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Anonymous upward feedback: a short pulse of the scan among a leader's team about how they
 * lead. The leader is not asked, the scan's pages do not list the pulse, and its figures
 * exist only once it is closed and at least the scan's minimum group answered. The leader
 * reads them; management only where the leader shares them, or as the aggregate of a wave
 * of rounds over at least {@value #MIN_LEADERS} leaders who never shared theirs.
 *
 * <p>The rules are decided on history, not on the current state: a round once shared counts as
 * known to management for good (unsharing only takes it off management's pages), and a new
 * round about the same leader waits {@code meedenken.leadership.round-gap} (30 days unless
 * configured) after the previous one closed, so two rounds among nearly the same people cannot
 * be subtracted to give one member's answers.
 */
@Service
public class FeedbackRounds {

    /** Management sees an aggregate only over at least this many leaders whose results are private. */
    public static final int MIN_LEADERS = 5;
    static final int MAX_WEEKS_OPEN = 8;
    private static final ZoneId LOCAL = ZoneId.of("Europe/Amsterdam");

    /** The behaviour a round asks about, in this order on every round, so rounds compare. */
    public static final List<Scans.Statement> STATEMENTS = java.util.stream.IntStream.rangeClosed(1, 5)
            .mapToObj(n -> Scans.Statement.fromBundle("i18n.leadership", "leadership.pulse.statement." + n)).toList();

    public record Round(long id, long leaderId, String leaderName, long teamId, String teamName, CampaignId campaign,
                        Long waveId, String startedBy, Instant startedAt, boolean shared, boolean disclosed,
                        Scans.PulseResult result) {
    }

    /**
     * Whether a leader can be asked about now, and if not, why (a message key and its arguments).
     * When the previous round closed too recently, {@code possibleFrom} is the first day a new
     * round can open (the page formats it; the arguments then hold the gap in days).
     */
    public record Eligibility(PersonSummary leader, String teamName, int colleagues, String refusalKey,
                              Object[] refusalArguments, LocalDate possibleFrom) {
        public Eligibility(PersonSummary leader, String teamName, int colleagues, String refusalKey,
                           Object[] refusalArguments) {
            this(leader, teamName, colleagues, refusalKey, refusalArguments, null);
        }

        public boolean eligible() {
            return refusalKey == null;
        }
    }

    public record Wave(long id, String startedBy, Instant startedAt) {
    }

    public record WaveOutcome(long waveId, List<String> started, List<Eligibility> skipped) {
    }

    /** The behaviour of many leaders together: a mean per statement weighted by answers. */
    public record AggregateRow(int position, Scans.Statement text, double mean, double favourable) {
    }

    public record Aggregate(Wave wave, int rounds, int open, int shown, int privateShown, List<AggregateRow> rows) {
        public boolean visible() {
            return !rows.isEmpty();
        }
    }

    private final JdbcClient jdbc;
    private final Scans scans;
    private final People people;
    private final Notifications notifications;
    private final AuditLog audit;
    private final Clock clock;
    private final int gapDays;

    FeedbackRounds(JdbcClient jdbc, Scans scans, People people, Notifications notifications, AuditLog audit,
                   Clock clock, @Value("${meedenken.leadership.round-gap:30d}") Duration roundGap) {
        this.jdbc = jdbc;
        this.scans = scans;
        this.people = people;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        if (roundGap.isNegative()) {
            throw new IllegalArgumentException("meedenken.leadership.round-gap must not be negative");
        }
        // whole days, rounded up: a gap of 36 hours waits two days
        this.gapDays = (int) ((roundGap.toHours() + 23) / 24);
    }

    /** The minimum number of days between the close of one round about a leader and the start of the next. */
    public int gapDays() {
        return gapDays;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(LOCAL));
    }

    /** Whether a round about this leader can start: a leader with a team big enough and no round open. */
    @Transactional // may close rounds past their closing day
    public Eligibility eligibility(long leaderId) {
        PersonSummary leader = people.find(new PersonId(leaderId)).filter(PersonSummary::active)
                .orElseThrow(() -> new InvalidLeadership("leader", "leadership.error.notALeader"));
        if (!leader.has(Role.TEAM_LEAD) && !leader.has(Role.MANAGEMENT)) {
            return new Eligibility(leader, null, 0, "leadership.error.notALeader", new Object[0]);
        }
        if (leader.team() == null) {
            return new Eligibility(leader, null, 0, "leadership.error.noTeam", new Object[0]);
        }
        String teamName = people.teams().stream().filter(t -> t.id().equals(leader.team())).findFirst()
                .map(TeamSummary::name).orElse("");
        int colleagues = colleagues(leader).size();
        if (colleagues < Scans.MIN_GROUP_SIZE) {
            return new Eligibility(leader, teamName, colleagues, "leadership.error.teamTooSmall",
                    new Object[]{colleagues, Scans.MIN_GROUP_SIZE});
        }
        if (of(leaderId).stream().anyMatch(r -> r.result().open())) {
            return new Eligibility(leader, teamName, colleagues, "leadership.error.roundOpen", new Object[0]);
        }
        Optional<LocalDate> from = possibleFrom(leaderId);
        if (from.isPresent() && today().isBefore(from.get())) {
            // back-to-back rounds among (nearly) the same people give one member's answers by difference
            return new Eligibility(leader, teamName, colleagues, "leadership.error.tooSoon", new Object[]{gapDays},
                    from.get());
        }
        return new Eligibility(leader, teamName, colleagues, null, new Object[0]);
    }

    /**
     * The first day a new round about this leader may open: the gap after the latest close of
     * any earlier round about them (whichever team it asked). Empty when there was no round.
     * A round closed before its close was recorded counts from its planned closing day.
     */
    @Transactional(readOnly = true)
    public Optional<LocalDate> possibleFrom(long leaderId) {
        LocalDate latest = null;
        for (Stored stored : query(SELECT + " where leader_id = :p", Map.of("p", leaderId))) {
            LocalDate closed = stored.closedAt != null ? stored.closedAt.atZone(LOCAL).toLocalDate()
                    : scans.result(stored.campaign).map(Scans.PulseResult::closesOn).orElse(null);
            if (closed != null && (latest == null || closed.isAfter(latest))) {
                latest = closed;
            }
        }
        return Optional.ofNullable(latest).map(d -> d.plusDays(gapDays));
    }

    private List<PersonSummary> colleagues(PersonSummary leader) {
        return people.inTeam(leader.team()).stream()
                .filter(p -> p.active() && !p.id().equals(leader.id())).toList();
    }

    /**
     * Opens a round among the leader's team. When someone else starts it (management), that
     * is written to the audit log, since it is a decision about the leader.
     */
    @Transactional
    public long start(long leaderId, LocalDate closesOn, long actorId, String actorName, Long waveId) {
        Eligibility eligibility = eligibility(leaderId);
        if (!eligibility.eligible()) {
            throw new InvalidLeadership("leader", eligibility.refusalKey(), eligibility.refusalArguments());
        }
        LocalDate today = today();
        if (closesOn == null || !closesOn.isAfter(today) || closesOn.isAfter(today.plusWeeks(MAX_WEEKS_OPEN))) {
            throw new InvalidLeadership("closesOn", "leadership.error.closesOn", MAX_WEEKS_OPEN);
        }
        PersonSummary leader = eligibility.leader();
        CampaignId campaign = scans.startPulse(new Scans.PulseRequest(title(leader), List.of(), STATEMENTS,
                List.of(leader.team().value()), null, closesOn, "leadership:" + leaderId, actorName,
                List.of(leaderId), true, intro(leader)));
        long id = insert(leader, campaign, waveId, actorName, clock.instant());
        notifications.tell(colleagues(leader).stream().map(p -> p.id().value()).toList(), actorId,
                "leadership.notify.round", "/scan", leader.name());
        if (actorId != leaderId) {
            audit.record(AuditEntry.Type.FEEDBACK_ROUND_STARTED, actorName, leader.name(), null,
                    "round " + id + waveId(waveId));
        }
        return id;
    }

    private static String waveId(Long waveId) {
        return waveId == null ? "" : ", wave " + waveId;
    }

    /** Above the statements: whom they are about, and that nobody sees who answered what. */
    static Scans.Statement intro(PersonSummary leader) {
        return Scans.Statement.fromBundle("i18n.leadership", "leadership.pulse.intro", shortName(leader), Scans.MIN_GROUP_SIZE);
    }

    static String title(PersonSummary leader) {
        return shortName(leader) + " · feedback";
    }

    /** Names can be long; a pulse's title and intro have room for 120 characters of it. */
    private static String shortName(PersonSummary leader) {
        return leader.name().length() > 120 ? leader.name().substring(0, 120) + "…" : leader.name();
    }

    private long insert(PersonSummary leader, CampaignId campaign, Long waveId, String actorName, Instant at) {
        return jdbc.sql("""
                        insert into leadership_round (leader_id, team_id, campaign_id, wave_id, started_by, started_at)
                        values (:leader, :team, :campaign, :wave, :by, :at) returning id
                        """)
                .param("leader", leader.id().value()).param("team", leader.team().value())
                .param("campaign", campaign.value()).param("wave", waveId).param("by", actorName)
                .param("at", Timestamp.from(at)).query(Long.class).single();
    }

    /** Who a wave would ask about now, and who would be left out and why. */
    @Transactional // may close rounds past their closing day
    public List<Eligibility> wavePlan(List<PersonSummary> leaders) {
        return leaders.stream().map(l -> eligibility(l.id().value())).toList();
    }

    /** Starts a round for every leader who can be asked about; one audit entry per leader. */
    @Transactional
    public WaveOutcome startWave(List<PersonSummary> leaders, LocalDate closesOn, long actorId, String actorName) {
        List<Eligibility> plan = wavePlan(leaders);
        if (plan.stream().noneMatch(Eligibility::eligible)) {
            throw new InvalidLeadership("wave", "leadership.error.nobodyToAsk");
        }
        long waveId = jdbc.sql("insert into leadership_wave (started_by, started_at) values (:by, :at) returning id")
                .param("by", actorName).param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        List<String> started = new ArrayList<>();
        for (Eligibility e : plan.stream().filter(Eligibility::eligible).toList()) {
            start(e.leader().id().value(), closesOn, actorId, actorName, waveId);
            started.add(e.leader().name());
        }
        return new WaveOutcome(waveId, started, plan.stream().filter(e -> !e.eligible()).toList());
    }

    private static final String SELECT = """
            select id, leader_id, team_id, campaign_id, wave_id, started_by, started_at, shared, disclosed_at, closed_at
              from leadership_round
            """;

    /** The leader's rounds, newest first; rounds past their closing date are closed first. */
    @Transactional
    public List<Round> of(long leaderId) {
        return rounds(SELECT + " where leader_id = :p order by id desc", Map.of("p", leaderId));
    }

    @Transactional
    public Optional<Round> find(long id) {
        return rounds(SELECT + " where id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** Rounds whose leaders chose to show them to management, newest first. */
    @Transactional
    public List<Round> shared() {
        return rounds(SELECT + " where shared order by id desc", Map.of());
    }

    private List<Stored> query(String sql, Map<String, Object> params) {
        var query = jdbc.sql(sql);
        for (var p : params.entrySet()) {
            query = query.param(p.getKey(), p.getValue());
        }
        return query.query(FeedbackRounds::stored).list();
    }

    private List<Round> rounds(String sql, Map<String, Object> params) {
        Map<Long, String> teams = people.teams().stream()
                .collect(Collectors.toMap(t -> t.id().value(), TeamSummary::name));
        LocalDate today = today();
        List<Round> rounds = new ArrayList<>();
        for (Stored stored : query(sql, params)) {
            Scans.PulseResult result = scans.result(stored.campaign).orElseThrow();
            if (result.open() && result.closesOn().isBefore(today)) {
                scans.close(stored.campaign, "Meedenken");
                recordClosed(stored.id);
                result = scans.result(stored.campaign).orElseThrow();
            }
            String leaderName = people.find(new PersonId(stored.leaderId)).map(PersonSummary::name).orElse("");
            rounds.add(new Round(stored.id, stored.leaderId, leaderName, stored.teamId,
                    teams.getOrDefault(stored.teamId, ""), stored.campaign, stored.waveId, stored.startedBy,
                    stored.startedAt, stored.shared, stored.disclosedAt != null, result));
        }
        return rounds;
    }

    /** Only the leader closes a round; then its figures appear if enough people answered. */
    @Transactional
    public void close(long roundId, long personId, String actorName) {
        Round round = find(roundId).filter(r -> r.leaderId() == personId)
                .orElseThrow(() -> new InvalidLeadership("round", "leadership.error.notYourRound"));
        scans.close(round.campaign(), actorName);
        recordClosed(roundId);
    }

    /** The first close counts: the gap before the next round runs from here. */
    private void recordClosed(long roundId) {
        jdbc.sql("update leadership_round set closed_at = coalesce(closed_at, :at) where id = :id")
                .param("at", Timestamp.from(clock.instant())).param("id", roundId).update();
    }

    /**
     * Only the leader decides whether management may read the round's figures. Sharing once
     * discloses the round for good: unsharing takes it off management's pages, but management
     * may have read it, so every wave rule keeps counting it as known.
     */
    @Transactional
    public void share(long roundId, long personId, boolean shared, String actorName) {
        Round round = find(roundId).filter(r -> r.leaderId() == personId)
                .orElseThrow(() -> new InvalidLeadership("round", "leadership.error.notYourRound"));
        if (round.result().open()) {
            throw new InvalidLeadership("round", "leadership.error.shareOpen");
        }
        if (shared && round.waveId() != null && !round.disclosed()) {
            Aggregate aggregate = aggregate(round.waveId()).orElseThrow();
            if (aggregate.visible() && round.result().shown() && aggregate.privateShown() - 1 < MIN_LEADERS) {
                // the others' combined figures were shown; taking this round away would leave too few
                throw new InvalidLeadership("round", "leadership.error.shareWouldExpose", MIN_LEADERS);
            }
        }
        jdbc.sql("""
                        update leadership_round set shared = :shared,
                               disclosed_at = case when :shared then coalesce(disclosed_at, :at) else disclosed_at end
                         where id = :id""")
                .param("shared", shared).param("at", Timestamp.from(clock.instant())).param("id", roundId).update();
        audit.record(shared ? AuditEntry.Type.FEEDBACK_ROUND_SHARED : AuditEntry.Type.FEEDBACK_ROUND_UNSHARED,
                actorName, round.leaderName(), null, "round " + roundId);
    }

    /** Someone other than the leader (management) read a shared round: that goes into the audit log. */
    public void read(Round round, String readerName) {
        audit.record(AuditEntry.Type.FEEDBACK_ROUND_READ, readerName, round.leaderName(), null, "round " + round.id());
    }

    @Transactional(readOnly = true)
    public List<Wave> waves() {
        return jdbc.sql("select id, started_by, started_at from leadership_wave order by id desc")
                .query((rs, i) -> new Wave(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
    }

    /**
     * The wave's figures over all leaders together, given only when every round of it is
     * closed and at least {@value #MIN_LEADERS} of the rounds with figures were never shared:
     * taking away every round management could ever have read then still leaves a group of
     * leaders, never one. Whether a round is shared <em>now</em> does not matter.
     */
    @Transactional
    public Optional<Aggregate> aggregate(long waveId) {
        Optional<Wave> wave = waves().stream().filter(w -> w.id() == waveId).findFirst();
        if (wave.isEmpty()) {
            return Optional.empty();
        }
        List<Round> rounds = rounds(SELECT + " where wave_id = :w order by id", Map.of("w", waveId));
        int open = (int) rounds.stream().filter(r -> r.result().open()).count();
        List<Round> shown = rounds.stream().filter(r -> r.result().shown()).toList();
        // a round ever shared may have been read; a manager who is also asked about knows their own figures
        int privateShown = (int) shown.stream().filter(r -> !r.disclosed() && !isManagement(r.leaderId())).count();
        List<AggregateRow> rows = new ArrayList<>();
        if (open == 0 && privateShown >= MIN_LEADERS) {
            for (int i = 0; i < STATEMENTS.size(); i++) {
                double sum = 0;
                double favourable = 0;
                int answers = 0;
                for (Round round : shown) {
                    if (round.result().statements().size() > i) {
                        Scans.StatementResult s = round.result().statements().get(i);
                        sum += s.mean() * s.answers();
                        favourable += s.favourable() * s.answers();
                        answers += s.answers();
                    }
                }
                if (answers > 0) {
                    rows.add(new AggregateRow(i + 1, STATEMENTS.get(i), sum / answers, favourable / answers));
                }
            }
        }
        return Optional.of(new Aggregate(wave.get(), rounds.size(), open, shown.size(), privateShown, rows));
    }

    private boolean isManagement(long personId) {
        return people.find(new PersonId(personId)).map(p -> p.has(Role.MANAGEMENT)).orElse(false);
    }

    /** For the demo: a closed round with history, started by the leader. */
    @Transactional
    public long recordPast(PersonSummary leader, LocalDate opensOn, LocalDate closesOn, boolean shared,
                           List<Map<String, Integer>> sheets) {
        CampaignId campaign = scans.startPulse(new Scans.PulseRequest(title(leader), List.of(), STATEMENTS,
                List.of(leader.team().value()), opensOn, closesOn, "leadership:" + leader.id().value(), leader.name(),
                List.of(leader.id().value()), true, intro(leader)));
        for (Map<String, Integer> sheet : sheets) {
            scans.storeDemoSheet(campaign, leader.team().value(), nl.meedenken.scan.RoleGroup.DRIVER, sheet);
        }
        scans.close(campaign, leader.name());
        long id = insert(leader, campaign, null, leader.name(), opensOn.atStartOfDay(LOCAL).toInstant());
        Timestamp closedAt = Timestamp.from(closesOn.atStartOfDay(LOCAL).toInstant());
        jdbc.sql("""
                        update leadership_round set shared = :shared, closed_at = :closed,
                               disclosed_at = cast(:disclosed as timestamptz) where id = :id""")
                .param("shared", shared).param("closed", closedAt).param("disclosed", shared ? closedAt : null)
                .param("id", id).update();
        return id;
    }

    private record Stored(long id, long leaderId, long teamId, CampaignId campaign, Long waveId, String startedBy,
                          Instant startedAt, boolean shared, Instant disclosedAt, Instant closedAt) {
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        Long wave = rs.getObject("wave_id", Long.class);
        return new Stored(rs.getLong("id"), rs.getLong("leader_id"), rs.getLong("team_id"),
                new CampaignId(rs.getLong("campaign_id")), wave, rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(), rs.getBoolean("shared"), instant(rs, "disclosed_at"),
                instant(rs, "closed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
