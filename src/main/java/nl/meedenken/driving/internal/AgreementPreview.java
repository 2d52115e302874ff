package nl.meedenken.driving.internal;

import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a new agreement (or ending the one in force) would hide, delete or newly show, worked out from the data
 * there is, so that management and the works council read it in plain words before the council consents.
 * The preview assumes the consent is recorded today.
 */
@Service
public class AgreementPreview {

    /** Who reads something: management and team leads (individual), planners (individual), team totals. */
    public enum Readers {
        LEADS(Agreement::managementIndividual), PLANNERS(Agreement::plannerIndividual), TEAMS(Agreement::teamAggregate);

        final Predicate<Agreement> allowed;

        Readers(Predicate<Agreement> allowed) {
            this.allowed = allowed;
        }

        public String labelKey() {
            return "driving.preview.who." + name();
        }
    }

    /** One change, as a message key and its arguments. */
    public record Change(String key, List<Object> args, boolean loss) {
    }

    private final Agreements agreements;
    private final DrivingRecords records;
    private final Retention retention;
    private final Clock clock;

    AgreementPreview(Agreements agreements, DrivingRecords records, Retention retention, Clock clock) {
        this.agreements = agreements;
        this.records = records;
        this.retention = retention;
        this.clock = clock;
    }

    /** What changes when the council consents to this draft today. */
    public List<Change> ofConsent(Agreement draft) {
        LocalDate today = today();
        List<Agreement> now = agreements.all();
        List<Agreement> after = new ArrayList<>();
        for (Agreement a : now) {
            if (a.id() == draft.id()) {
                after.add(consented(a, today));
            } else if (a.status() == Agreement.Status.IN_FORCE) {
                after.add(ended(a, clock.instant()));
            } else {
                after.add(a);
            }
        }
        return changes(now, after, Optional.of(draft), today);
    }

    /** What changes when the agreement in force ends today without a successor. */
    public List<Change> ofEnding() {
        LocalDate today = today();
        List<Agreement> now = agreements.all();
        List<Agreement> after = now.stream()
                .map(a -> a.status() == Agreement.Status.IN_FORCE ? ended(a, clock.instant()) : a).toList();
        return changes(now, after, Optional.empty(), today);
    }

    private List<Change> changes(List<Agreement> now, List<Agreement> after, Optional<Agreement> next, LocalDate today) {
        List<Change> changes = new ArrayList<>();
        Instant keptNow = retention.keptFrom();
        Optional<Agreement> inForce = now.stream().filter(a -> a.status() == Agreement.Status.IN_FORCE).findFirst();
        for (Readers readers : Readers.values()) {
            Instant from = Visibility.visibleFrom(now, readers.allowed, today);
            Instant to = Visibility.visibleFrom(after, readers.allowed, today);
            if (!from.equals(Instant.MAX) && to.equals(Instant.MAX)) {
                DrivingRecords.Activity lost = records.activity(later(from, keptNow), clock.instant());
                changes.add(lost.none()
                        ? new Change("driving.preview.loseNothing", List.of(readers.labelKey()), true)
                        : new Change("driving.preview.lose", List.of(readers.labelKey(), lost.drivers(), lost.weeks(),
                        lost.first(), lost.last()), true));
            } else if (!from.equals(Instant.MAX) && to.isAfter(from)) {
                DrivingRecords.Activity lost = records.activity(later(from, keptNow), to);
                if (!lost.none()) {
                    changes.add(new Change("driving.preview.shorter", List.of(readers.labelKey(), day(to), lost.drivers(),
                            lost.weeks(), lost.first(), lost.last()), true));
                }
            } else if (from.equals(Instant.MAX) && !to.equals(Instant.MAX)) {
                changes.add(new Change("driving.preview.gain", List.of(readers.labelKey(), day(to)), false));
            }
        }
        int daysAfter = next.map(Agreement::retentionDays)
                .orElseGet(() -> inForce.map(retention::daysAfterEnding).orElse(retention.days()));
        Instant keptAfter = clock.instant().minus(Duration.ofDays(daysAfter));
        if (keptAfter.isAfter(keptNow)) {
            DrivingRecords.Activity deleted = records.activity(keptNow, keptAfter);
            if (!deleted.none()) {
                changes.add(new Change("driving.preview.delete", List.of(day(keptAfter), daysAfter, deleted.drivers(),
                        deleted.weeks(), deleted.first(), deleted.last()), true));
            }
        }
        if (next.isPresent()) {
            Set<Metric> shownNow = inForce.map(Agreement::metrics).map(m -> m.isEmpty() ? EnumSet.noneOf(Metric.class)
                    : EnumSet.copyOf(m)).orElse(EnumSet.allOf(Metric.class));
            Set<Metric> shownAfter = next.get().metrics().isEmpty() ? EnumSet.noneOf(Metric.class)
                    : EnumSet.copyOf(next.get().metrics());
            List<Metric> gone = shownNow.stream().filter(m -> !shownAfter.contains(m)).toList();
            if (!gone.isEmpty()) {
                changes.add(new Change("driving.preview.metricsGone", List.of(gone), true));
            }
            if (inForce.map(Agreement::leaderboard).orElse(false) && !next.get().leaderboard()) {
                changes.add(new Change("driving.preview.boardEnds", List.of(), true));
            } else if (next.get().leaderboard()) {
                changes.add(new Change("driving.preview.boardAsk", List.of(), false));
            }
        } else if (inForce.map(Agreement::leaderboard).orElse(false)) {
            changes.add(new Change("driving.preview.boardEnds", List.of(), true));
        }
        return changes;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DrivingRecords.LOCAL));
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(DrivingRecords.LOCAL).toLocalDate();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Agreement consented(Agreement a, LocalDate on) {
        return new Agreement(a.id(), a.purpose(), a.metrics(), a.teamAggregate(), a.plannerIndividual(),
                a.managementIndividual(), a.leaderboard(), a.retentionDays(), a.weights(), a.draftedBy(), a.draftedAt(),
                on, "preview", null);
    }

    private static Agreement ended(Agreement a, Instant at) {
        return new Agreement(a.id(), a.purpose(), a.metrics(), a.teamAggregate(), a.plannerIndividual(),
                a.managementIndividual(), a.leaderboard(), a.retentionDays(), a.weights(), a.draftedBy(), a.draftedAt(),
                a.consentOn(), a.consentRecordedBy(), at);
    }
}
