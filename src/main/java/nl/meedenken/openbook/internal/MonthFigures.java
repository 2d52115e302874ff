package nl.meedenken.openbook.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** One month of revenue and costs, as entered by management. */
public record MonthFigures(long id, YearMonth month, Long siteId, boolean published, BigDecimal revenue,
                           Map<CostCategory, BigDecimal> costs, String explanation, Instant publishedAt,
                           String publishedBy) {

    public BigDecimal totalCosts() {
        return costs.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal result() {
        return revenue.subtract(totalCosts());
    }

    /** Result as a percentage of revenue; zero when there was no revenue. */
    public double margin() {
        return revenue.signum() == 0 ? 0 : result().multiply(BigDecimal.valueOf(100))
                .divide(revenue, 2, RoundingMode.HALF_UP).doubleValue();
    }

    public double share(CostCategory category) {
        return revenue.signum() == 0 ? 0 : costs.getOrDefault(category, BigDecimal.ZERO)
                .multiply(BigDecimal.valueOf(100)).divide(revenue, 2, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * Of every €100 of revenue, how many euros went to each category (whole euros). Together with
     * {@link #resultPerHundred()} the parts add up to exactly 100: each is rounded down and the euros left over
     * go to the parts with the largest remainders (largest-remainder rounding), so no split reads 99 or 101.
     */
    public Map<CostCategory, Integer> perHundred() {
        Map<CostCategory, Integer> parts = new EnumMap<>(CostCategory.class);
        int[] hundred = hundred();
        for (CostCategory category : CostCategory.values()) {
            parts.put(category, hundred[category.ordinal()]);
        }
        return parts;
    }

    /** The categories' shares of revenue and last the result's, in whole euros per 100 that add up to 100. */
    private int[] hundred() {
        CostCategory[] categories = CostCategory.values();
        int[] whole = new int[categories.length + 1];
        if (revenue.signum() == 0) {
            return whole;
        }
        BigDecimal[] exact = new BigDecimal[whole.length];
        for (CostCategory c : categories) {
            exact[c.ordinal()] = costs.getOrDefault(c, BigDecimal.ZERO).multiply(BigDecimal.valueOf(100))
                    .divide(revenue, 12, RoundingMode.HALF_EVEN);
        }
        // the result's share is what is left of 100, so the exact shares add up to 100 whatever the rounding above
        BigDecimal costShares = BigDecimal.ZERO;
        for (int k = 0; k < categories.length; k++) {
            costShares = costShares.add(exact[k]);
        }
        exact[categories.length] = BigDecimal.valueOf(100).subtract(costShares);
        int sum = 0;
        Integer[] order = new Integer[whole.length];
        for (int k = 0; k < whole.length; k++) {
            whole[k] = exact[k].setScale(0, RoundingMode.FLOOR).intValueExact();
            sum += whole[k];
            order[k] = k;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int byRemainder = exact[b].subtract(BigDecimal.valueOf(whole[b]))
                    .compareTo(exact[a].subtract(BigDecimal.valueOf(whole[a])));
            return byRemainder != 0 ? byRemainder : Integer.compare(a, b);
        });
        for (int k = 0; k < 100 - sum; k++) {
            whole[order[k]]++;
        }
        return whole;
    }

    /** The picture's segments in order, with x-position and width in a 0..100 drawing. */
    public Map<CostCategory, int[]> segments() {
        Map<CostCategory, int[]> segments = new LinkedHashMap<>();
        int x = 0;
        for (var entry : perHundred().entrySet()) {
            int width = Math.max(0, Math.min(entry.getValue(), 100 - x));
            segments.put(entry.getKey(), new int[]{x, width});
            x += width;
        }
        return segments;
    }

    /** The result's part of every €100 of revenue (negative for a loss), rounded with {@link #perHundred()}. */
    public int resultPerHundred() {
        return hundred()[CostCategory.values().length];
    }
}
