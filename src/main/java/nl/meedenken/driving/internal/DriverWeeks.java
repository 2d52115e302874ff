package nl.meedenken.driving.internal;

import nl.meedenken.transport.TripHistory;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One driver's week as the driving page shows it: the figures, the same figures over the driver's
 * own earlier weeks, three tips, a trend over twelve weeks and the days with their trips.
 */
@Service
public class DriverWeeks {

    public static final int WEEKS = 12;

    public record Day(LocalDate day, String plate, Figures figures) {
    }

    public record Trend(LocalDate week, Figures figures) {
    }

    /** Why the reader sees no figures for (a part of) a period: nothing, the agreement, or the retention period. */
    public enum Limit { NONE, AGREEMENT, DELETED }

    /**
     * How far back a reader sees a driver's data: from {@code from} (a day in the company's zone), because of the
     * agreement (consented on {@code agreementOn}) or because older data was deleted after {@code keptDays} days.
     */
    public record Horizon(Limit reason, LocalDate from, LocalDate agreementOn, int keptDays) {

        static Horizon of(Instant agreementFrom, Instant keptFrom, Optional<Agreement> inForce, int keptDays) {
            Instant from = later(agreementFrom, keptFrom);
            Limit reason = agreementFrom.isAfter(keptFrom) ? Limit.AGREEMENT : Limit.DELETED;
            LocalDate day = from.equals(Instant.MAX) ? LocalDate.MAX
                    : from.atZone(DrivingRecords.LOCAL).toLocalDate();
            if (!from.equals(Instant.MAX) && from.atZone(DrivingRecords.LOCAL).toLocalTime().isAfter(java.time.LocalTime.MIDNIGHT)) {
                day = day.plusDays(1); // a partly deleted day counts from the next whole day
            }
            return new Horizon(reason, day, inForce.map(Agreement::consentOn).orElse(null), keptDays);
        }

        /** What keeps a period that starts on {@code first} (partly) from the reader, if anything. */
        public Limit limits(LocalDate first) {
            return first.isBefore(from) ? reason : Limit.NONE;
        }
    }

    /** A team's figures for one week, or why there are none. */
    public record Group(Optional<Figures> figures, Limit limit, Horizon horizon, boolean hidesAll) {
    }

    public record Week(LocalDate week, Figures figures, Figures earlier, List<Metric> tips, List<Trend> trend,
                       List<Day> days, Optional<Agreement> agreement, Horizon horizon) {

        /** Whether the agreement or the retention period keeps (part of) this week from the reader. */
        public Limit limit() {
            return horizon.limits(week);
        }

        /** Whether nothing of this week may be read. */
        public boolean hiddenEntirely() {
            return limit() != Limit.NONE && week.plusDays(6).isBefore(horizon.from());
        }

        /** Whether this week is better than the earlier weeks for a metric, or null when one of them has no value. */
        public Boolean better(Metric metric) {
            Double now = figures.points().get(metric);
            Double before = earlier.points().get(metric);
            if (now == null || before == null || Math.abs(now - before) < 0.5) {
                return null;
            }
            return now > before;
        }
    }

    private final DrivingRecords records;
    private final Agreements agreements;
    private final Visibility visibility;
    private final TripHistory trips;
    private final Retention retention;

    DriverWeeks(DrivingRecords records, Agreements agreements, Visibility visibility, TripHistory trips, Retention retention) {
        this.records = records;
        this.agreements = agreements;
        this.visibility = visibility;
        this.trips = trips;
        this.retention = retention;
    }

    /** The week as the driver sees it. */
    public Week of(long personId, LocalDate anyDayOfWeek) {
        return of(personId, anyDayOfWeek, Instant.EPOCH);
    }

    /**
     * The week with only data from {@code notBefore} on (for someone other than the driver: from the agreement's
     * consent), and never data past the retention period.
     */
    public Week of(long personId, LocalDate anyDayOfWeek, Instant notBefore) {
        Instant since = later(notBefore, retention.keptFrom());
        LocalDate week = DrivingRecords.weekOf(anyDayOfWeek);
        Optional<Agreement> agreement = agreements.inForce();
        Set<Metric> shown = visibility.shown();
        Map<Metric, Integer> weights = weights();
        Map<LocalDate, Totals> weeks = records.weeks(personId, week, WEEKS, since);
        List<Trend> trend = new ArrayList<>();
        Totals earlier = Totals.NONE;
        for (Map.Entry<LocalDate, Totals> e : weeks.entrySet()) {
            trend.add(new Trend(e.getKey(), Figures.of(e.getValue(), shown, weights)));
            if (e.getKey().isBefore(week)) {
                earlier = earlier.plus(e.getValue());
            }
        }
        Figures figures = Figures.of(weeks.getOrDefault(week, Totals.NONE), shown, weights);
        Map<LocalDate, String> plates = new HashMap<>();
        trips.between(week, week.plusDays(6), personId).forEach(t -> plates.put(t.day(), t.plate()));
        List<Day> days = new ArrayList<>();
        records.days(personId, week, week.plusDays(6), since).forEach((day, totals) ->
                days.add(new Day(day, plates.get(day), Figures.of(totals, shown, weights))));
        Horizon horizon = Horizon.of(notBefore, retention.keptFrom(), agreement, retention.days());
        return new Week(week, figures, Figures.of(earlier, shown, weights), figures.weakest(), trend, days, agreement,
                horizon);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The weights in force: the agreement's, or the product's own while there is none. */
    public Map<Metric, Integer> weights() {
        return agreements.inForce().map(Agreement::weights).orElse(Agreement.defaultWeights());
    }

    /** Figures of several people for one week, for a team total or a leaderboard. */
    public Map<Long, Figures> week(List<Long> personIds, LocalDate anyDayOfWeek, Instant since) {
        LocalDate week = DrivingRecords.weekOf(anyDayOfWeek);
        Set<Metric> shown = visibility.shown();
        Map<Metric, Integer> weights = weights();
        Map<Long, Figures> figures = new HashMap<>();
        records.people(personIds, week, week.plusDays(6), later(since, retention.keptFrom()))
                .forEach((person, totals) -> figures.put(person, Figures.of(totals, shown, weights)));
        return figures;
    }

    /**
     * One set of figures for a group, or none when fewer than {@link Visibility#MIN_DRIVERS} drove in the part of
     * the week the agreement lets others read, saying which it is.
     */
    public Group group(List<Long> personIds, LocalDate anyDayOfWeek) {
        LocalDate week = DrivingRecords.weekOf(anyDayOfWeek);
        Instant since = visibility.teamNotBefore();
        Horizon horizon = Horizon.of(since, retention.keptFrom(), agreements.inForce(), retention.days());
        Limit limit = horizon.limits(week);
        boolean all = limit != Limit.NONE && week.plusDays(6).isBefore(horizon.from());
        if (all) {
            return new Group(Optional.empty(), limit, horizon, true);
        }
        Map<Long, Totals> people = records.people(personIds, week, week.plusDays(6), later(since, retention.keptFrom()));
        long drove = people.values().stream().filter(Totals::enough).count();
        if (drove < Visibility.MIN_DRIVERS) {
            return new Group(Optional.empty(), limit, horizon, false);
        }
        Totals sum = people.values().stream().filter(Totals::enough).reduce(Totals.NONE, Totals::plus);
        return new Group(Optional.of(Figures.of(sum, visibility.shown(), weights())), limit, horizon, false);
    }
}
