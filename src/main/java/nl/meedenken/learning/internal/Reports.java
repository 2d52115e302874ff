package nl.meedenken.learning.internal;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.SiteSummary;
import nl.meedenken.platform.FormValues;
import nl.meedenken.platform.Page;
import nl.meedenken.platform.Notifications;
import nl.meedenken.platform.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reports of mistakes and near misses. A named report remembers who and when; an anonymous
 * one remembers only the month and a hash of the follow-up code that the reporter takes home.
 */
@Service
public class Reports {

    public static final int PAGE_SIZE = 20;
    /** Letters and digits that are hard to mix up when read from a note. */
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final ZoneId LOCAL = ZoneId.of("Europe/Amsterdam");
    private static final String COLUMNS = """
            id, category, what_happened, location, prevention, site_id, reporter_id, reported_at, reported_in,
            may_publish, state, learned, change, thanks, answered_by, answered_at""";

    private final JdbcClient jdbc;
    private final People people;
    private final Clock clock;
    private final Notifications notifications;
    private final SecureRandom random = new SecureRandom();

    Reports(JdbcClient jdbc, People people, Clock clock, Notifications notifications) {
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.people = people;
        this.clock = clock;
    }

    /** What a reporter writes. */
    public record NewReport(Category category, String whatHappened, String location, String prevention, Long siteId,
                            boolean mayPublish, String submissionKey) {
    }

    /**
     * The outcome of reporting: the report and, for an anonymous report, the code shown once.
     * {@code repeated} says the same form was sent before; nothing new was stored.
     */
    public record Reported(long id, String followUpCode, boolean repeated) {
    }

    /** Stores a report with the reporter's name and the time. */
    @Transactional
    public Reported reportNamed(NewReport report, long reporterId) {
        return store(report, reporterId, clock.instant(), null, YearMonth.now(clock.withZone(LOCAL)));
    }

    /**
     * Stores a report that nobody can trace back: no person, no time of day, no address; the
     * follow-up code itself is not kept, only its hash.
     */
    @Transactional
    public Reported reportAnonymously(NewReport report) {
        return reportAnonymously(report, newCode(), YearMonth.now(clock.withZone(LOCAL)));
    }

    /** For the demo: an anonymous report of an earlier month with a code chosen beforehand. */
    @Transactional
    public Reported reportAnonymously(NewReport report, String code, YearMonth month) {
        return store(report, null, null, code, month);
    }

    /** For the demo: a named report at an earlier moment. */
    @Transactional
    public Reported reportNamed(NewReport report, long reporterId, Instant at) {
        return store(report, reporterId, at, null, YearMonth.from(at.atZone(LOCAL)));
    }

    private Reported store(NewReport report, Long reporterId, Instant at, String code, YearMonth month) {
        if (report.category() == null) {
            throw new InvalidReport("category", "learning.error.category");
        }
        String what = text(report.whatHappened(), "whatHappened", 4000, true);
        String where = text(report.location(), "location", 300, false);
        String prevention = text(report.prevention(), "prevention", 4000, false);
        if (report.siteId() != null && people.sites().stream().noneMatch(s -> s.id().value() == report.siteId())) {
            throw new InvalidReport("siteId", "learning.error.site");
        }
        String key = report.submissionKey() == null || report.submissionKey().isBlank() ? null
                : report.submissionKey().strip();
        if (key != null && (key.length() > 36 || !key.matches("[A-Za-z0-9-]+"))) {
            key = null;
        }
        if (key != null) {
            Optional<Long> earlier = jdbc.sql("select id from mistake_report where submission_key = :k")
                    .param("k", key).query(Long.class).optional();
            if (earlier.isPresent()) {
                return new Reported(earlier.get(), null, true);
            }
        }
        long id = newId();
        jdbc.sql("""
                        insert into mistake_report (id, category, what_happened, location, prevention, site_id, reporter_id,
                                                    reported_at, reported_in, follow_up_hash, may_publish, submission_key)
                        values (:id, :category, :what, :where, :prevention, :site, :reporter, :at, :month, :hash, :publish,
                                :key)""")
                .param("id", id).param("category", report.category().name()).param("what", what)
                .param("where", where).param("prevention", prevention).param("site", report.siteId())
                .param("reporter", reporterId).param("at", at == null ? null : Timestamp.from(at))
                .param("month", month.atDay(1)).param("hash", code == null ? null : hash(code))
                .param("publish", report.mayPublish()).param("key", key)
                .update();
        return new Reported(id, code, false);
    }

    /** The report behind a follow-up code, if the code is right. */
    @Transactional(readOnly = true)
    public Optional<Report> byCode(String code) {
        if (code == null || normalise(code).length() != 12) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from mistake_report where follow_up_hash = :h").param("h", hash(code))
                .query(Reports::report).optional();
    }

    /**
     * A team lead's answer: what we learned and what we change, and a word of thanks. The reporter of a named
     * report is told; an anonymous report has nobody to tell (its reporter reads the answer with the code).
     */
    @Transactional
    public void answer(long id, String learned, String change, String thanks, String by) {
        answer(id, learned, change, thanks, by, clock.instant());
        find(id).map(Report::reporterId).ifPresent(reporter -> notifications.tell(List.of(reporter),
                SignedInUser.currentPersonId().orElse(null), "learning.notify.answered", "/learning/mine/" + id));
    }

    @Transactional
    public void answer(long id, String learned, String change, String thanks, String by, Instant at) {
        find(id).orElseThrow(() -> new InvalidReport("id", "learning.error.unknown"));
        String l = text(learned, "learned", 4000, true);
        String c = text(change, "change", 4000, true);
        String t = text(thanks, "thanks", 1000, true);
        jdbc.sql("""
                        update mistake_report set state = 'ANSWERED', learned = :l, change = :c, thanks = :t,
                               answered_by = :by, answered_at = :at where id = :id""")
                .param("l", l).param("c", c).param("t", t).param("by", by).param("at", Timestamp.from(at))
                .param("id", id).update();
    }

    @Transactional(readOnly = true)
    public Optional<Report> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from mistake_report where id = :id").param("id", id)
                .query(Reports::report).optional();
    }

    @Transactional(readOnly = true)
    public List<Report> of(long reporterId) {
        return jdbc.sql("select " + COLUMNS + " from mistake_report where reporter_id = :p order by reported_at desc")
                .param("p", reporterId).query(Reports::report).list();
    }

    /** Reports for team leads, unanswered ones first, newest month first. */
    @Transactional(readOnly = true)
    public Page<Report> list(String state, Category category, Long siteId, int page) {
        List<String> where = new ArrayList<>(List.of("true"));
        Map<String, Object> params = new HashMap<>();
        if ("NEW".equals(state) || "ANSWERED".equals(state)) {
            where.add("state = :state");
            params.put("state", state);
        }
        if (category != null) {
            where.add("category = :category");
            params.put("category", category.name());
        }
        if (siteId != null) {
            where.add("site_id = :site");
            params.put("site", siteId);
        }
        String condition = String.join(" and ", where);
        long total = jdbc.sql("select count(*) from mistake_report where " + condition).params(params)
                .query(Long.class).single();
        int number = Page.clamp(page, total, PAGE_SIZE);
        params.put("limit", PAGE_SIZE);
        params.put("offset", number * PAGE_SIZE);
        List<Report> items = jdbc.sql("select " + COLUMNS + " from mistake_report where " + condition
                        + " order by case when state = 'NEW' then 0 else 1 end, reported_in desc, id limit :limit offset :offset")
                .params(params).query(Reports::report).list();
        return new Page<>(items, number, PAGE_SIZE, total);
    }

    /** Reports per site per month for the last twelve months, oldest month first. */
    @Transactional(readOnly = true)
    public MonthlyCounts monthly() {
        YearMonth last = YearMonth.now(clock.withZone(LOCAL));
        YearMonth first = last.minusMonths(11);
        Map<YearMonth, Map<Long, Integer>> counts = new LinkedHashMap<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            counts.put(m, new HashMap<>());
        }
        jdbc.sql("""
                        select reported_in, coalesce(site_id, 0), count(*) from mistake_report
                        where reported_in >= :from group by 1, 2""")
                .param("from", first.atDay(1))
                .query(rs -> {
                    YearMonth month = YearMonth.from(rs.getObject(1, LocalDate.class));
                    counts.computeIfAbsent(month, m -> new HashMap<>()).put(rs.getLong(2), rs.getInt(3));
                });
        List<SiteSummary> sites = people.sites();
        return new MonthlyCounts(counts, sites);
    }

    /** Counts per month and site; site 0 holds reports without a site. */
    public record MonthlyCounts(Map<YearMonth, Map<Long, Integer>> counts, List<SiteSummary> sites) {

        public int total(YearMonth month) {
            return counts.getOrDefault(month, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
        }

        public int at(YearMonth month, long site) {
            return counts.getOrDefault(month, Map.of()).getOrDefault(site, 0);
        }

        public int highest() {
            return counts.keySet().stream().mapToInt(this::total).max().orElse(0);
        }

        public boolean withoutSite() {
            return counts.values().stream().anyMatch(m -> m.containsKey(0L));
        }

        public int all() {
            return counts.keySet().stream().mapToInt(this::total).sum();
        }
    }

    // ---- codes and ids

    public String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    static String normalise(String code) {
        return code.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    static String hash(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("meedenken-follow-up:" + normalise(code)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A random positive id below 2^53, so ids carry no order and stay exact in JavaScript. */
    private long newId() {
        while (true) {
            long id = random.nextLong() & ((1L << 53) - 1);
            if (id > 0 && jdbc.sql("select count(*) from mistake_report where id = :id").param("id", id)
                    .query(Integer.class).single() == 0) {
                return id;
            }
        }
    }

    static String text(String raw, String field, int max, boolean required) {
        return FormValues.text(raw, field, max, required, InvalidReport::new);
    }

    private static Report report(ResultSet rs, int i) throws SQLException {
        Timestamp at = rs.getTimestamp("reported_at");
        Timestamp answeredAt = rs.getTimestamp("answered_at");
        return new Report(rs.getLong("id"), Category.valueOf(rs.getString("category")), rs.getString("what_happened"),
                rs.getString("location"), rs.getString("prevention"), rs.getObject("site_id", Long.class),
                rs.getObject("reporter_id", Long.class), at == null ? null : at.toInstant(),
                rs.getObject("reported_in", LocalDate.class), rs.getBoolean("may_publish"),
                "ANSWERED".equals(rs.getString("state")), rs.getString("learned"), rs.getString("change"),
                rs.getString("thanks"), rs.getString("answered_by"), answeredAt == null ? null : answeredAt.toInstant());
    }
}
