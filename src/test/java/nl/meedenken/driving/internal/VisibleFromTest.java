package nl.meedenken.driving.internal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule for how far back others may read a driver's data, over generated histories of agreements. */
class VisibleFromTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private static Agreement agreement(long id, boolean allows, LocalDate consentOn, LocalDate endedOn) {
        Instant ended = endedOn == null ? null : endedOn.atTime(15, 0).atZone(DrivingRecords.LOCAL).toInstant();
        return new Agreement(id, "test", Set.of(Metric.FUEL), allows, allows, allows, false, 180, Map.of(), "m",
                Instant.EPOCH, consentOn, "c", ended);
    }

    /** A history of agreements one after the other, each ended the day its successor was consented, or with a gap. */
    private static List<Agreement> history(long seed, int count) {
        Random random = new Random(seed);
        List<Agreement> list = new ArrayList<>();
        LocalDate day = TODAY.minusDays(400);
        for (int i = 0; i < count; i++) {
            LocalDate consent = day.plusDays(random.nextInt(60));
            LocalDate next = consent.plusDays(1 + random.nextInt(60));
            boolean last = i == count - 1 || next.isAfter(TODAY);
            LocalDate ended = last ? null : (random.nextInt(4) == 0 ? next.minusDays(1 + random.nextInt(5)) : next);
            list.add(agreement(i + 1, random.nextInt(3) > 0, consent, ended));
            if (last) {
                break;
            }
            day = next;
        }
        return list;
    }

    private static boolean governs(List<Agreement> all, LocalDate day, java.util.function.Predicate<Agreement> allows) {
        Agreement best = null;
        for (Agreement a : all) {
            boolean covers = !a.consentOn().isAfter(day)
                    && (a.endedAt() == null || a.endedAt().atZone(DrivingRecords.LOCAL).toLocalDate().isAfter(day));
            if (covers && (best == null || a.consentOn().isAfter(best.consentOn()))) {
                best = a;
            }
        }
        return best != null && allows.test(best);
    }

    @Property(tries = 300)
    void everyDayFromTheResultOnIsGovernedByAnAgreementThatAllowsItAndTheDayBeforeIsNot(@ForAll long seed,
                                                                                      @ForAll @IntRange(min = 1, max = 8) int count) {
        List<Agreement> all = history(seed, count);
        Instant from = Visibility.visibleFrom(all, Agreement::managementIndividual, TODAY);
        if (from.equals(Instant.MAX)) {
            assertThat(governs(all, TODAY, Agreement::managementIndividual)).isFalse();
            return;
        }
        LocalDate first = from.atZone(DrivingRecords.LOCAL).toLocalDate();
        for (LocalDate d = first; !d.isAfter(TODAY); d = d.plusDays(1)) {
            assertThat(governs(all, d, Agreement::managementIndividual)).as("day %s", d).isTrue();
        }
        assertThat(governs(all, first.minusDays(1), Agreement::managementIndividual)).isFalse();
    }

    @Property(tries = 300)
    void aSuccessorWithTheSameRightKeepsTheHistoryAndOneWithoutItHidesAll(@ForAll long seed,
                                                                         @ForAll @IntRange(min = 1, max = 8) int count) {
        List<Agreement> all = new ArrayList<>(history(seed, count));
        Agreement current = all.get(all.size() - 1);
        if (current.endedAt() != null || current.consentOn().isAfter(TODAY.minusDays(1))) {
            return;
        }
        Instant before = Visibility.visibleFrom(all, Agreement::managementIndividual, TODAY);
        List<Agreement> same = new ArrayList<>(all.subList(0, all.size() - 1));
        same.add(agreement(current.id(), current.managementIndividual(), current.consentOn(), TODAY));
        List<Agreement> without = new ArrayList<>(same);
        same.add(agreement(99, current.managementIndividual(), TODAY, null));
        without.add(agreement(99, false, TODAY, null));
        assertThat(Visibility.visibleFrom(same, Agreement::managementIndividual, TODAY)).isEqualTo(before);
        assertThat(Visibility.visibleFrom(without, Agreement::managementIndividual, TODAY)).isEqualTo(Instant.MAX);
    }

    @Property(tries = 200)
    void aGapWithoutAgreementCutsTheHistoryOff(@ForAll @IntRange(min = 2, max = 60) int gapDays,
                                              @ForAll @IntRange(min = 0, max = 100) int consentedDaysAgo) {
        LocalDate consent = TODAY.minusDays(consentedDaysAgo);
        List<Agreement> all = List.of(agreement(1, true, consent.minusDays(gapDays + 200), consent.minusDays(gapDays)),
                agreement(2, true, consent, null));
        assertThat(Visibility.visibleFrom(all, Agreement::managementIndividual, TODAY))
                .isEqualTo(consent.atStartOfDay(DrivingRecords.LOCAL).toInstant());
    }
}
