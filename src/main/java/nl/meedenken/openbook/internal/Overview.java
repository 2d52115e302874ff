package nl.meedenken.openbook.internal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Everything the open-book page shows for one published month. */
@Service
public class Overview {

    /** One bar of the twelve-month result chart, laid out in a 600 × 200 drawing. */
    public record Bar(YearMonth month, BigDecimal result, int x, int y, int height, boolean positive) {
    }

    public record YearToDate(BigDecimal revenue, BigDecimal costs, BigDecimal lastRevenue, BigDecimal lastCosts,
                             int months) {
        public BigDecimal result() {
            return revenue.subtract(costs);
        }

        public BigDecimal lastResult() {
            return lastRevenue.subtract(lastCosts);
        }
    }

    public record KeyNumber(KeyFigure figure, double target, Double value) {
        public boolean onTarget() {
            return value != null && figure.onTarget(value, target);
        }
    }

    public record Page(MonthFigures figures, List<YearMonth> months, List<Bar> bars, YearToDate yearToDate,
                       KeyNumber keyNumber, ShopFloor shopFloor) {
    }

    static final int WIDTH = 600;
    static final int HEIGHT = 200;

    private final Months months;
    private final Figures figures;

    Overview(Months months, Figures figures) {
        this.months = months;
        this.figures = figures;
    }

    @Transactional(readOnly = true)
    public Optional<Page> page(YearMonth wanted) {
        List<YearMonth> published = months.publishedMonths();
        if (published.isEmpty()) {
            return Optional.empty();
        }
        YearMonth month = wanted != null && published.contains(wanted) ? wanted : published.get(0);
        MonthFigures current = months.company(month).orElseThrow();
        List<MonthFigures> year = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            months.company(month.minusMonths(i)).ifPresent(year::add);
        }
        BigDecimal biggest = year.stream().map(m -> m.result().abs()).reduce(BigDecimal.ONE, BigDecimal::max);
        List<Bar> bars = new ArrayList<>();
        int slot = WIDTH / 12;
        int zero = HEIGHT / 2;
        for (MonthFigures m : year) {
            int index = 11 - (int) (month.getYear() * 12L + month.getMonthValue() - m.month().getYear() * 12L
                    - m.month().getMonthValue());
            int height = (int) Math.round(m.result().abs().doubleValue() / biggest.doubleValue() * (zero - 10));
            boolean positive = m.result().signum() >= 0;
            bars.add(new Bar(m.month(), m.result(), index * slot + 6, positive ? zero - height : zero, Math.max(height, 1),
                    positive));
        }
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal costs = BigDecimal.ZERO;
        BigDecimal lastRevenue = BigDecimal.ZERO;
        BigDecimal lastCosts = BigDecimal.ZERO;
        int counted = 0;
        for (int m = 1; m <= month.getMonthValue(); m++) {
            var now = months.company(YearMonth.of(month.getYear(), m));
            var before = months.company(YearMonth.of(month.getYear() - 1, m));
            if (now.isPresent()) {
                revenue = revenue.add(now.get().revenue());
                costs = costs.add(now.get().totalCosts());
                counted++;
                if (before.isPresent()) {
                    lastRevenue = lastRevenue.add(before.get().revenue());
                    lastCosts = lastCosts.add(before.get().totalCosts());
                }
            }
        }
        ShopFloor shopFloor = figures.shopFloor(month).orElse(null);
        KeyNumber key = figures.steering().map(s -> new KeyNumber(s.figure(), s.target(),
                s.figure().value(current, shopFloor))).orElse(null);
        return Optional.of(new Page(current, published, bars,
                new YearToDate(revenue, costs, lastRevenue, lastCosts, counted), key, shopFloor));
    }
}
