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

    /** Of every €100 of revenue, how many euros went to each category (rounded to whole euros). */
    public Map<CostCategory, Integer> perHundred() {
        Map<CostCategory, Integer> parts = new EnumMap<>(CostCategory.class);
        for (CostCategory category : CostCategory.values()) {
            parts.put(category, (int) Math.round(share(category)));
        }
        return parts;
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

    public int resultPerHundred() {
        return (int) Math.round(margin());
    }
}
