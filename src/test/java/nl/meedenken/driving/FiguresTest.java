package nl.meedenken.driving;

import nl.meedenken.driving.internal.Agreement;
import nl.meedenken.driving.internal.Figures;
import nl.meedenken.driving.internal.Metric;
import nl.meedenken.driving.internal.Totals;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Figures and scores worked out by hand from one week of totals. */
class FiguresTest {

    // 200 km, 60 l, 3 h moving and 20 min idling, 100 km on cruise, 20 km coasting, 36 s harsh braking,
    // 20 s harsh acceleration, 10 km of 200 km above the limit
    static final Totals WEEK = new Totals(200_000, 60_000, 10_800, 1_200, 4_000, 100_000, 20_000, 200_000, 36, 20, 10_000);

    @Test
    void valuesFollowTheirDefinitions() {
        assertThat(WEEK.value(Metric.FUEL)).isCloseTo(30.0, within(1e-9));           // 60 l / 200 km × 100
        assertThat(WEEK.value(Metric.IDLING)).isCloseTo(10.0, within(1e-9));         // 1200 / (1200 + 10800)
        assertThat(WEEK.value(Metric.CRUISE)).isCloseTo(50.0, within(1e-9));         // 100 / 200 km
        assertThat(WEEK.value(Metric.COASTING)).isCloseTo(10.0, within(1e-9));       // 20 / 200 km
        assertThat(WEEK.value(Metric.HARSH_BRAKING)).isCloseTo(18.0, within(1e-9));  // 36 s / 200 km × 100
        assertThat(WEEK.value(Metric.HARSH_ACCELERATION)).isCloseTo(10.0, within(1e-9));
        assertThat(WEEK.value(Metric.OVERSPEED)).isCloseTo(5.0, within(1e-9));       // 10 / 200 km
    }

    @Test
    void pointsAreLinearBetweenWorstAndBestAndScoresAreWeightedMeans() {
        Figures f = Figures.of(WEEK, EnumSet.allOf(Metric.class), Agreement.defaultWeights());
        // fuel 30 between 40 (0 points) and 25 (100 points): 66.67; idling 10 between 25 and 5: 75;
        // cruise 50 between 10 and 60: 80; coasting 10 between 2 and 15: 61.54
        assertThat(f.points().get(Metric.FUEL)).isCloseTo(66.667, within(0.001));
        assertThat(f.points().get(Metric.IDLING)).isCloseTo(75.0, within(0.001));
        assertThat(f.points().get(Metric.CRUISE)).isCloseTo(80.0, within(0.001));
        assertThat(f.points().get(Metric.COASTING)).isCloseTo(61.538, within(0.001));
        // (40 × 66.667 + 20 × 75 + 20 × 80 + 20 × 61.538) / 100
        assertThat(f.eco()).isCloseTo(69.974, within(0.001));
        // braking 18 between 60 and 0: 70; acceleration 10: 83.33; overspeed 5 between 10 and 0: 50
        // (40 × 70 + 30 × 83.333 + 30 × 50) / 100
        assertThat(f.safety()).isCloseTo(68.0, within(0.001));
        assertThat(f.weakest()).containsExactly(Metric.OVERSPEED, Metric.COASTING, Metric.FUEL);
    }

    @Test
    void metricsTheAgreementDoesNotCollectAreLeftOutOfValuesAndScores() {
        Figures f = Figures.of(WEEK, EnumSet.of(Metric.FUEL, Metric.HARSH_BRAKING),
                Map.of(Metric.FUEL, 10, Metric.HARSH_BRAKING, 10));
        assertThat(f.values()).containsOnlyKeys(Metric.FUEL, Metric.HARSH_BRAKING);
        assertThat(f.eco()).isCloseTo(66.667, within(0.001));
        assertThat(f.safety()).isCloseTo(70.0, within(0.001));
    }

    @Test
    void lessThanAKilometreGivesNoFigures() {
        Totals parked = new Totals(900, 500, 60, 600, 300, 0, 0, 900, 0, 0, 0);
        Figures f = Figures.of(parked, EnumSet.allOf(Metric.class), Agreement.defaultWeights());
        assertThat(f.empty()).isTrue();
        assertThat(f.eco()).isNull();
    }

    @Test
    void valuesBeyondTheEndsAreCapped() {
        assertThat(Metric.FUEL.points(20)).isEqualTo(100.0);
        assertThat(Metric.FUEL.points(55)).isEqualTo(0.0);
    }
}
