package nl.meedenken.driving.internal;

import nl.meedenken.platform.AuditEntry;
import nl.meedenken.platform.AuditLog;
import nl.meedenken.platform.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the stored intervals as totals per driver, day or week (at the thresholds set in
 * {@link DrivingSettings}), and keeps the vehicles, the driver cards and the record of imports.
 */
@Service
public class DrivingRecords {

    public static final ZoneId LOCAL = ZoneId.of("Europe/Amsterdam");
    public static final int PAGE_SIZE = 25;

    public record Card(String card, Long personId, Instant firstSeenAt, String mappedBy, Instant mappedAt) {
    }

    public record Vehicle(String vin, String name, String brand, String model, Instant lastStatusAt, Instant positionAt,
                          Double latitude, Double longitude) {
    }

    public record Import(long id, String source, Instant startedAt, Instant finishedAt, String startedBy, int accepted,
                         int duplicates, int unknown, int backwards, int malformed, int implausible, String failure) {
        public int refused() {
            return duplicates + unknown + backwards + malformed + implausible;
        }
    }

    private static final String SUMS = """
            sum(i.distance_m) distance, sum(i.fuel_ml) fuel, sum(i.moving_s) moving, sum(i.idle_s) idle,
            sum(i.idle_fuel_ml) idle_fuel, sum(i.cruise_m) cruise, sum(i.coast_m) coast, sum(i.speed_total_m) speed_total,
            sum(i.brake_s[:brake]) brake, sum(i.accel_s[:accel]) accel, sum(i.speed_m[:speed]) overspeed
            """;

    private final JdbcClient jdbc;
    private final DrivingSettings settings;
    private final AuditLog audit;
    private final Clock clock;

    DrivingRecords(JdbcClient jdbc, DrivingSettings settings, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(LOCAL));
    }

    public static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Totals per week (keyed by its Monday) for {@code count} weeks ending with the week of {@code lastWeek}. */
    public Map<LocalDate, Totals> weeks(long personId, LocalDate lastWeek, int count) {
        return weeks(personId, lastWeek, count, Instant.EPOCH);
    }

    /** As {@link #weeks(long, LocalDate, int)}, counting only intervals that ended at or after {@code since}. */
    public Map<LocalDate, Totals> weeks(long personId, LocalDate lastWeek, int count, Instant since) {
        LocalDate first = weekOf(lastWeek).minusWeeks(count - 1L);
        Map<LocalDate, Totals> weeks = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            weeks.put(first.plusWeeks(i), Totals.NONE);
        }
        jdbc.sql("select (date_trunc('week', i.ended_at at time zone 'Europe/Amsterdam'))::date period, " + SUMS + """
                        from driving_interval i join driving_card c on c.card = i.card
                        where c.person_id = :person and i.ended_at >= :from and i.ended_at < :to and i.ended_at >= :since
                        group by 1
                        """)
                .params(thresholds()).param("person", personId).param("from", start(first))
                .param("to", start(first.plusWeeks(count))).param("since", Timestamp.from(since)).query(rs -> {
                    weeks.put(rs.getObject("period", LocalDate.class), totals(rs));
                });
        return weeks;
    }

    /** Totals per day with driving, from {@code from} up to and including {@code to}. */
    public Map<LocalDate, Totals> days(long personId, LocalDate from, LocalDate to, Instant since) {
        Map<LocalDate, Totals> days = new LinkedHashMap<>();
        jdbc.sql("select (i.ended_at at time zone 'Europe/Amsterdam')::date period, " + SUMS + """
                        from driving_interval i join driving_card c on c.card = i.card
                        where c.person_id = :person and i.ended_at >= :from and i.ended_at < :to and i.ended_at >= :since
                        group by 1 order by 1
                        """)
                .params(thresholds()).param("person", personId).param("from", start(from)).param("to", start(to.plusDays(1)))
                .param("since", Timestamp.from(since))
                .query(rs -> {
                    days.put(rs.getObject("period", LocalDate.class), totals(rs));
                });
        return days;
    }

    /** Totals per person over the days from {@code from} up to and including {@code to}. */
    public Map<Long, Totals> people(Collection<Long> personIds, LocalDate from, LocalDate to, Instant since) {
        Map<Long, Totals> people = new LinkedHashMap<>();
        if (personIds.isEmpty()) {
            return people;
        }
        jdbc.sql("select c.person_id person, " + SUMS + """
                        from driving_interval i join driving_card c on c.card = i.card
                        where c.person_id in (:people) and i.ended_at >= :from and i.ended_at < :to and i.ended_at >= :since
                        group by 1
                        """)
                .params(thresholds()).param("people", personIds).param("from", start(from))
                .param("to", start(to.plusDays(1))).param("since", Timestamp.from(since)).query(rs -> {
                    people.put(rs.getLong("person"), totals(rs));
                });
        return people;
    }

    private Map<String, Object> thresholds() {
        // PostgreSQL arrays count from 1
        return Map.of("brake", Counters.harshIndex(settings.harshBraking()) + 1,
                "accel", Counters.harshIndex(settings.harshAcceleration()) + 1,
                "speed", Counters.speedIndex(settings.speedLimit()) + 1);
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(LOCAL).toInstant());
    }

    private static Totals totals(ResultSet rs) throws SQLException {
        return new Totals(rs.getLong("distance"), rs.getLong("fuel"), rs.getLong("moving"), rs.getLong("idle"),
                rs.getLong("idle_fuel"), rs.getLong("cruise"), rs.getLong("coast"), rs.getLong("speed_total"),
                rs.getLong("brake"), rs.getLong("accel"), rs.getLong("overspeed"));
    }

    // ---- cards

    public List<Card> cards() {
        return jdbc.sql("select * from driving_card order by person_id nulls first, card").query(this::cardRow).list();
    }

    public Optional<Card> card(String card) {
        return jdbc.sql("select * from driving_card where card = :card").param("card", card).query(this::cardRow).optional();
    }

    public List<String> cardsOf(long personId) {
        return jdbc.sql("select card from driving_card where person_id = :person order by card").param("person", personId)
                .query(String.class).list();
    }

    /** Says whose card it is (or nobody's): all data of the card, earlier data included, counts for that person. */
    @Transactional
    public void map(String card, Long personId, String by) {
        Card current = card(card).orElseThrow(() -> new InvalidDriving("card", "driving.cards.invalid.unknown"));
        jdbc.sql("update driving_card set person_id = :person, mapped_by = :by, mapped_at = :now where card = :card")
                .param("person", personId).param("by", by).param("now", Timestamp.from(clock.instant()))
                .param("card", card).update();
        audit.record(AuditEntry.Type.DRIVING_CARD_MAPPED, by, "card " + card, null,
                (current.personId() == null ? "nobody" : "person #" + current.personId()) + " → "
                        + (personId == null ? "nobody" : "person #" + personId));
    }

    /** Registers a card before it is seen in the data, so it can be linked ahead of the first import. */
    public void knownCard(String card) {
        jdbc.sql("insert into driving_card (card, first_seen_at) values (:card, :now) on conflict (card) do nothing")
                .param("card", card).param("now", Timestamp.from(clock.instant())).update();
    }

    private Card cardRow(ResultSet rs, int row) throws SQLException {
        long person = rs.getLong("person_id");
        Long personId = rs.wasNull() ? null : person;
        Timestamp mapped = rs.getTimestamp("mapped_at");
        return new Card(rs.getString("card"), personId, rs.getTimestamp("first_seen_at").toInstant(),
                rs.getString("mapped_by"), mapped == null ? null : mapped.toInstant());
    }

    // ---- vehicles and imports

    public List<Vehicle> vehicles() {
        return jdbc.sql("select * from driving_vehicle order by coalesce(name, vin)").query((rs, n) -> {
            Timestamp last = rs.getTimestamp("last_created_at");
            Timestamp position = rs.getTimestamp("position_at");
            double lat = rs.getDouble("latitude");
            Double latitude = rs.wasNull() ? null : lat;
            double lon = rs.getDouble("longitude");
            Double longitude = rs.wasNull() ? null : lon;
            return new Vehicle(rs.getString("vin"), rs.getString("name"), rs.getString("brand"), rs.getString("model"),
                    last == null ? null : last.toInstant(), position == null ? null : position.toInstant(), latitude,
                    longitude);
        }).list();
    }

    public Optional<Import> importById(long id) {
        return jdbc.sql("select * from driving_import where id = :id").param("id", id).query(this::importRow).optional();
    }

    public Page<Import> imports(int page) {
        long total = jdbc.sql("select count(*) from driving_import").query(Long.class).single();
        int number = Page.clamp(page, total, PAGE_SIZE);
        List<Import> items = jdbc.sql("select * from driving_import order by started_at desc, id desc limit :size offset :offset")
                .param("size", PAGE_SIZE).param("offset", number * PAGE_SIZE).query(this::importRow).list();
        return new Page<>(items, number, PAGE_SIZE, total);
    }

    private Import importRow(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Import(rs.getLong("id"), rs.getString("source"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getString("started_by"), rs.getInt("accepted"),
                rs.getInt("duplicates"), rs.getInt("unknown_vehicle"), rs.getInt("backwards"),
                rs.getInt("malformed"), rs.getInt("implausible"), rs.getString("failure"));
    }

    public List<Problem> problems(long importId) {
        return jdbc.sql("select reason, vin, detail from driving_import_problem where import_id = :id order by n")
                .param("id", importId)
                .query((rs, n) -> new Problem(Problem.Reason.valueOf(rs.getString("reason")), rs.getString("vin"),
                        rs.getString("detail"))).list();
    }

    /**
     * The week a driving page opens on when none is asked for: this week once it has kilometres
     * driven (by the person, or by anyone with {@code personId} null), else the latest earlier week
     * that has some, so a Monday morning does not open on an empty week, nor on a week in which
     * the truck has only stood with its engine on. This week when there is no driving at all.
     */
    public LocalDate weekToOpen(Long personId) {
        return weekToOpen(personId, Instant.EPOCH);
    }

    /**
     * The latest week with kilometres that the reader may see (data from {@code since} on); when there is none,
     * the latest week with kilometres at all, so the page says why it shows nothing instead of an empty week.
     */
    public LocalDate weekToOpen(Long personId, Instant since) {
        LocalDate thisWeek = weekOf(today());
        Instant latest = latest(personId, thisWeek, since.equals(Instant.MAX) ? Instant.EPOCH : since);
        if (latest == null && !since.equals(Instant.EPOCH)) {
            latest = latest(personId, thisWeek, Instant.EPOCH);
        }
        if (latest == null) {
            return thisWeek;
        }
        LocalDate week = weekOf(latest.atZone(LOCAL).toLocalDate());
        return week.isBefore(thisWeek.minusYears(2)) ? thisWeek : week;
    }

    /** People with driving data in the days from {@code from} up to and including {@code to}. */
    private Instant latest(Long personId, LocalDate thisWeek, Instant since) {
        return jdbc.sql("""
                        select max(i.ended_at) from driving_interval i join driving_card c on c.card = i.card
                        where c.person_id is not null and (cast(:person as bigint) is null or c.person_id = :person)
                          and i.ended_at < :to and i.ended_at >= :since and i.distance_m > 0
                        """)
                .param("person", personId).param("to", start(thisWeek.plusWeeks(1))).param("since", Timestamp.from(since))
                .query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
                .optional().orElse(null);
    }

    /** How much driving there is between two moments: drivers, weeks (Monday to Sunday) and the first and last day. */
    public record Activity(int drivers, int weeks, LocalDate first, LocalDate last) {
        public boolean none() {
            return drivers == 0;
        }
    }

    public Activity activity(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return new Activity(0, 0, null, null);
        }
        return jdbc.sql("""
                        select count(distinct c.person_id), count(distinct date_trunc('week', i.ended_at at time zone 'Europe/Amsterdam')),
                               min(i.ended_at), max(i.ended_at)
                        from driving_interval i join driving_card c on c.card = i.card
                        where c.person_id is not null and i.distance_m > 0 and i.ended_at >= :from and i.ended_at < :to
                        """).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new Activity(rs.getInt(1), rs.getInt(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant().atZone(LOCAL).toLocalDate(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant().atZone(LOCAL).toLocalDate()))
                .single();
    }

    public List<Long> driversWithData(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select distinct c.person_id from driving_interval i join driving_card c on c.card = i.card
                        where c.person_id is not null and i.ended_at >= :from and i.ended_at < :to
                        """).param("from", start(from)).param("to", start(to.plusDays(1))).query(Long.class).list();
    }

    /**
     * Deletes intervals that ended before the given moment, and the refusals of imports started before it
     * (they name vehicles and times); returns how many intervals.
     */
    @Transactional
    public int deleteBefore(Instant moment, String by) {
        jdbc.sql("delete from driving_import_problem p using driving_import i where p.import_id = i.id and i.started_at < :moment")
                .param("moment", Timestamp.from(moment)).update();
        int deleted = jdbc.sql("delete from driving_interval where ended_at < :moment")
                .param("moment", Timestamp.from(moment)).update();
        if (deleted > 0) {
            audit.record(AuditEntry.Type.DRIVING_DATA_DELETED, by, "driving intervals", null,
                    deleted + " intervals that ended before " + moment);
        }
        return deleted;
    }
}
