package nl.meedenken.openbook.internal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** "Of every €100": the whole euros of the costs and the result add up to 100 for any month. */
class PerHundredTest {

    private static MonthFigures month(long revenueCents, long seed, int lossPercent) {
        Random random = new Random(seed);
        BigDecimal revenue = BigDecimal.valueOf(revenueCents, 2);
        // costs are random parts of revenue × (100 + lossPercent) %, so months with a profit and with a loss occur
        BigDecimal toSpend = revenue.multiply(BigDecimal.valueOf(100 + lossPercent)).divide(BigDecimal.valueOf(100), 2,
                RoundingMode.DOWN);
        Map<CostCategory, BigDecimal> costs = new EnumMap<>(CostCategory.class);
        CostCategory[] categories = CostCategory.values();
        double[] weights = new double[categories.length];
        double total = 0;
        for (int k = 0; k < weights.length; k++) {
            weights[k] = random.nextInt(4) == 0 ? 0 : random.nextDouble();
            total += weights[k];
        }
        for (int k = 0; k < categories.length; k++) {
            double part = total == 0 ? 0 : weights[k] / total;
            costs.put(categories[k], toSpend.multiply(BigDecimal.valueOf(part)).setScale(2, RoundingMode.HALF_UP));
        }
        return new MonthFigures(1, YearMonth.of(2026, 11), null, false, revenue, costs, "", null, null);
    }

    @Property(tries = 2000)
    void thePartsOfEveryHundredEurosAddUpToOneHundred(@ForAll @LongRange(min = 1, max = 5_000_000_000L) long revenueCents,
                                                     @ForAll long seed, @ForAll @IntRange(min = -60, max = 40) int lossPercent) {
        MonthFigures month = month(revenueCents, seed, lossPercent);
        int sum = month.perHundred().values().stream().mapToInt(Integer::intValue).sum() + month.resultPerHundred();
        assertThat(sum).as("costs %s, revenue %s", month.costs(), month.revenue()).isEqualTo(100);
        for (CostCategory c : CostCategory.values()) {
            assertThat(Math.abs(month.perHundred().get(c) - month.share(c))).as(c.name()).isLessThan(1.0);
        }
        assertThat(Math.abs(month.resultPerHundred() - month.margin())).isLessThan(1.0);
    }

    @Property(tries = 200)
    void threeEqualThirdsAreNotShownAs33Each(@ForAll @IntRange(min = 1, max = 1_000_000) int third) {
        Map<CostCategory, BigDecimal> costs = new EnumMap<>(CostCategory.class);
        CostCategory[] categories = CostCategory.values();
        for (int k = 0; k < categories.length; k++) {
            costs.put(categories[k], k < 3 ? BigDecimal.valueOf(third) : BigDecimal.ZERO);
        }
        MonthFigures month = new MonthFigures(1, YearMonth.of(2026, 11), null, false, BigDecimal.valueOf(3L * third),
                costs, "", null, null);
        assertThat(month.perHundred().values().stream().mapToInt(Integer::intValue).sum() + month.resultPerHundred())
                .isEqualTo(100);
        assertThat(month.resultPerHundred()).isZero();
    }
}
