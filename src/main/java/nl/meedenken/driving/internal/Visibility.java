package nl.meedenken.driving.internal;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.platform.Page;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who may see which driving figures. A driver always sees their own. Anyone else sees a driver's
 * individual figures only when the agreement in force allows it for their role, and every such view is
 * written down for the driver to read. Team figures need the agreement and at least
 * {@link #MIN_DRIVERS} drivers with data.
 */
@Service
public class Visibility {

    public static final int MIN_DRIVERS = 5;
    public static final int PAGE_SIZE = 25;

    /** Why someone may see a driver's figures. */
    public enum Audience { SELF, PLANNER, MANAGEMENT, TEAM_LEAD }

    public record Access(String viewerName, String viewerRole, Instant viewedAt, String what, java.time.LocalDate week) {
    }

    private final Agreements agreements;
    private final People people;
    private final JdbcClient jdbc;
    private final Clock clock;

    Visibility(Agreements agreements, People people, JdbcClient jdbc, Clock clock) {
        this.agreements = agreements;
        this.people = people;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The ground on which the viewer may open this driver's individual figures, if any. */
    public Optional<Audience> individual(SignedInUser viewer, long driverId) {
        if (viewer.personId() == driverId) {
            return Optional.of(Audience.SELF);
        }
        Optional<Agreement> agreement = agreements.inForce();
        if (agreement.isEmpty()) {
            return Optional.empty();
        }
        Agreement a = agreement.get();
        if (a.managementIndividual() && viewer.has(Role.MANAGEMENT)) {
            return Optional.of(Audience.MANAGEMENT);
        }
        if (a.plannerIndividual() && viewer.has(Role.PLANNER)) {
            return Optional.of(Audience.PLANNER);
        }
        if (a.managementIndividual() && viewer.has(Role.TEAM_LEAD)) {
            Optional<PersonSummary> lead = people.find(new PersonId(viewer.personId()));
            Optional<PersonSummary> driver = people.find(new PersonId(driverId));
            if (lead.isPresent() && driver.isPresent() && lead.get().team() != null
                    && lead.get().team().equals(driver.get().team())) {
                return Optional.of(Audience.TEAM_LEAD);
            }
        }
        return Optional.empty();
    }

    /** The drivers among {@code drivers} whose figures the viewer may open, other than the viewer. */
    public List<PersonSummary> openable(SignedInUser viewer, List<PersonSummary> drivers) {
        Optional<Agreement> agreement = agreements.inForce();
        if (agreement.isEmpty()) {
            return List.of();
        }
        Agreement a = agreement.get();
        boolean all = a.managementIndividual() && viewer.has(Role.MANAGEMENT) || a.plannerIndividual() && viewer.has(Role.PLANNER);
        var ownTeam = a.managementIndividual() && viewer.has(Role.TEAM_LEAD)
                ? people.find(new PersonId(viewer.personId())).map(PersonSummary::team).orElse(null) : null;
        return drivers.stream().filter(d -> d.id().value() != viewer.personId())
                .filter(d -> all || ownTeam != null && ownTeam.equals(d.team())).toList();
    }

    /**
     * From when someone other than the driver may read the driver's data. Data gathered while only the driver could
     * see it stays the driver's: a day counts only when the agreement that governed it allowed this audience, and
     * so did every agreement since. A new agreement with the same rights therefore keeps the history visible; one
     * that takes a right away, or a time without agreement, cuts it off. {@link Instant#MAX} when the agreement in
     * force does not allow the audience at all.
     */
    public Instant notBefore(Audience audience) {
        if (audience == Audience.SELF) {
            return Instant.EPOCH;
        }
        return visibleFrom(agreements.all(), allows(audience), today());
    }

    /** From when team totals may be read (see {@link #notBefore}). */
    public Instant teamNotBefore() {
        return visibleFrom(agreements.all(), Agreement::teamAggregate, today());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DrivingRecords.LOCAL));
    }

    static Predicate<Agreement> allows(Audience audience) {
        return switch (audience) {
            case SELF -> a -> true;
            case PLANNER -> Agreement::plannerIndividual;
            case MANAGEMENT, TEAM_LEAD -> Agreement::managementIndividual;
        };
    }

    /**
     * The first day of the unbroken run of days up to {@code today} whose governing agreement allows what
     * {@code allows} asks, as the start of that day in the company's zone. A day is governed by the agreement
     * with the latest consent date that covers it (consented on or before it, and not ended on or before it).
     */
    static Instant visibleFrom(List<Agreement> all, Predicate<Agreement> allows, LocalDate today) {
        List<Agreement> consented = all.stream().filter(a -> a.consentOn() != null)
                .sorted(java.util.Comparator.comparing(Agreement::consentOn).thenComparing(Agreement::id).reversed())
                .toList();
        LocalDate first = null;
        for (LocalDate day = today; ; day = day.minusDays(1)) {
            Agreement governing = governing(consented, day);
            if (governing == null || !allows.test(governing)) {
                break;
            }
            first = day;
        }
        return first == null ? Instant.MAX : first.atStartOfDay(DrivingRecords.LOCAL).toInstant();
    }

    private static Agreement governing(List<Agreement> newestFirst, LocalDate day) {
        for (Agreement a : newestFirst) {
            boolean started = !a.consentOn().isAfter(day);
            // an ended agreement governs the days before the day it ended, not that day itself
            boolean notEnded = a.endedAt() == null
                    || a.endedAt().atZone(DrivingRecords.LOCAL).toLocalDate().isAfter(day);
            if (started && notEnded) {
                return a;
            }
        }
        return null;
    }

    /** Whether the viewer may see figures of a whole team (each shown only with enough drivers). */
    public boolean teamFigures(SignedInUser viewer) {
        return agreements.inForce().filter(Agreement::teamAggregate).isPresent()
                && (viewer.has(Role.MANAGEMENT) || viewer.has(Role.PLANNER) || viewer.has(Role.TEAM_LEAD));
    }

    /** The metrics a reader is shown: the agreed ones, or all of them to a driver while there is no agreement. */
    public Set<Metric> shown() {
        return agreements.inForce().map(Agreement::metrics).map(m -> m.isEmpty() ? EnumSet.noneOf(Metric.class)
                : EnumSet.copyOf(m)).orElse(EnumSet.allOf(Metric.class));
    }

    /** Writes down that someone other than the driver looked at the driver's figures. */
    public void viewed(long driverId, SignedInUser viewer, Audience audience, java.time.LocalDate week) {
        if (audience == Audience.SELF) {
            return;
        }
        log(driverId, viewer, audience.name(), "WEEK", week);
    }

    /** Tells the drivers concerned that an administrator linked a card to them or away from them. */
    public void cardLinked(String card, Long from, Long to, SignedInUser admin) {
        if (from != null && !from.equals(to)) {
            log(from, admin, "ADMIN", "CARD_AWAY", null);
        }
        if (to != null && !to.equals(from)) {
            log(to, admin, "ADMIN", "CARD_TO", null);
        }
    }

    private void log(long driverId, SignedInUser viewer, String role, String what, java.time.LocalDate week) {
        jdbc.sql("""
                        insert into driving_access (driver_id, viewer_id, viewer_name, viewer_role, viewed_at, what, week)
                        values (:driver, :viewer, :name, :role, :now, :what, :week)
                        """)
                .param("driver", driverId).param("viewer", viewer.personId()).param("name", viewer.displayName())
                .param("role", role).param("now", Timestamp.from(clock.instant())).param("what", what)
                .param("week", week).update();
    }

    /** Who looked at a driver's figures, newest first. */
    public Page<Access> accesses(long driverId, int page) {
        long total = jdbc.sql("select count(*) from driving_access where driver_id = :d").param("d", driverId)
                .query(Long.class).single();
        int number = Page.clamp(page, total, PAGE_SIZE);
        List<Access> items = jdbc.sql("""
                        select viewer_name, viewer_role, viewed_at, what, week from driving_access where driver_id = :d
                        order by viewed_at desc, id desc limit :size offset :offset
                        """)
                .param("d", driverId).param("size", PAGE_SIZE).param("offset", number * PAGE_SIZE)
                .query((rs, n) -> new Access(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                        rs.getObject(5, java.time.LocalDate.class)))
                .list();
        return new Page<>(items, number, PAGE_SIZE, total);
    }

    /** The agreement in force when it allows a leaderboard. */
    public Optional<Agreement> leaderboardAgreement() {
        return agreements.inForce().filter(Agreement::leaderboard);
    }

    /** A driver's choice to appear on the team's leaderboard, under the agreement in force (a new one asks again). */
    public boolean optedIn(long personId) {
        return leaderboardAgreement().flatMap(a -> jdbc.sql("""
                        select opted_in from driving_leaderboard_choice where person_id = :p and agreement_id = :a""")
                .param("p", personId).param("a", a.id()).query(Boolean.class).optional()).orElse(false);
    }

    /** When the driver joined the leaderboard of the agreement in force, if they did. */
    public Optional<Instant> optedInAt(long personId) {
        return leaderboardAgreement().flatMap(a -> jdbc.sql("""
                        select changed_at from driving_leaderboard_choice where person_id = :p and agreement_id = :a and opted_in""")
                .param("p", personId).param("a", a.id()).query(Timestamp.class).optional().map(Timestamp::toInstant));
    }

    /** Joins or leaves the leaderboard; refused while no agreement allows one. */
    public void chooseLeaderboard(long personId, boolean optIn) {
        Agreement a = leaderboardAgreement().orElseThrow(() -> new InvalidDriving("optIn", "driving.board.notAllowed"));
        jdbc.sql("""
                        insert into driving_leaderboard_choice (person_id, agreement_id, opted_in, changed_at)
                        values (:p, :a, :in, :now)
                        on conflict (person_id) do update set agreement_id = excluded.agreement_id, opted_in = excluded.opted_in,
                            changed_at = excluded.changed_at
                        """)
                .param("p", personId).param("a", a.id()).param("in", optIn).param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** When each of these people joined the leaderboard of the agreement in force. */
    public java.util.Map<Long, Instant> joined(List<Long> personIds) {
        Optional<Agreement> a = leaderboardAgreement();
        java.util.Map<Long, Instant> joined = new java.util.HashMap<>();
        if (personIds.isEmpty() || a.isEmpty()) {
            return joined;
        }
        jdbc.sql("""
                        select person_id, changed_at from driving_leaderboard_choice
                        where opted_in and agreement_id = :a and person_id in (:p)""")
                .param("a", a.get().id()).param("p", personIds)
                .query(rs -> {
                    joined.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                });
        return joined;
    }

    /** Who of these people joined the leaderboard of the agreement in force. */
    public List<Long> optedIn(List<Long> personIds) {
        Optional<Agreement> a = leaderboardAgreement();
        if (personIds.isEmpty() || a.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select person_id from driving_leaderboard_choice where opted_in and agreement_id = :a and person_id in (:p)")
                .param("a", a.get().id()).param("p", personIds).query(Long.class).list();
    }
}
