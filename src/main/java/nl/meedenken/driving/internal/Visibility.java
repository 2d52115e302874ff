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
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    public record Access(String viewerName, String viewerRole, Instant viewedAt, String what) {
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
    public void viewed(long driverId, SignedInUser viewer, Audience audience, String what) {
        if (audience == Audience.SELF) {
            return;
        }
        jdbc.sql("""
                        insert into driving_access (driver_id, viewer_id, viewer_name, viewer_role, viewed_at, what)
                        values (:driver, :viewer, :name, :role, :now, :what)
                        """)
                .param("driver", driverId).param("viewer", viewer.personId()).param("name", viewer.displayName())
                .param("role", audience.name()).param("now", Timestamp.from(clock.instant())).param("what", what).update();
    }

    /** Who looked at a driver's figures, newest first. */
    public Page<Access> accesses(long driverId, int page) {
        long total = jdbc.sql("select count(*) from driving_access where driver_id = :d").param("d", driverId)
                .query(Long.class).single();
        int number = Page.clamp(page, total, PAGE_SIZE);
        List<Access> items = jdbc.sql("""
                        select viewer_name, viewer_role, viewed_at, what from driving_access where driver_id = :d
                        order by viewed_at desc, id desc limit :size offset :offset
                        """)
                .param("d", driverId).param("size", PAGE_SIZE).param("offset", number * PAGE_SIZE)
                .query((rs, n) -> new Access(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .list();
        return new Page<>(items, number, PAGE_SIZE, total);
    }

    /** A driver's choice to appear on the team's leaderboard. */
    public boolean optedIn(long personId) {
        return jdbc.sql("select opted_in from driving_leaderboard_choice where person_id = :p").param("p", personId)
                .query(Boolean.class).optional().orElse(false);
    }

    public void chooseLeaderboard(long personId, boolean optIn) {
        jdbc.sql("""
                        insert into driving_leaderboard_choice (person_id, opted_in, changed_at) values (:p, :in, :now)
                        on conflict (person_id) do update set opted_in = excluded.opted_in, changed_at = excluded.changed_at
                        """)
                .param("p", personId).param("in", optIn).param("now", Timestamp.from(clock.instant())).update();
    }

    public List<Long> optedIn(List<Long> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select person_id from driving_leaderboard_choice where opted_in and person_id in (:p)")
                .param("p", personIds).query(Long.class).list();
    }
}
