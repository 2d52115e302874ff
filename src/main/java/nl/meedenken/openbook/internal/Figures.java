package nl.meedenken.openbook.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;

/** Shop-floor figures per month and the key figure management steers on. */
@Service
public class Figures {

    /** The chosen key figure and its target. */
    public record Steering(KeyFigure figure, double target) {
    }

    private final JdbcClient jdbc;

    Figures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void recordShopFloor(ShopFloor figures) {
        if (figures.onTimePct() != null && (figures.onTimePct() < 0 || figures.onTimePct() > 100)) {
            throw new InvalidFigures("onTime", "openbook.error.percentage");
        }
        if (figures.fuelPer100Km() != null && (figures.fuelPer100Km() < 0 || figures.fuelPer100Km() > 200)) {
            throw new InvalidFigures("fuelUse", "openbook.error.fuel");
        }
        if (figures.damages() != null && figures.damages() < 0) {
            throw new InvalidFigures("damages", "openbook.error.negative");
        }
        jdbc.sql("""
                        insert into openbook_shop_floor (month, on_time_pct, fuel_l_100, damages, source)
                        values (:m, :ot, :fuel, :d, :src)
                        on conflict (month) do update set
                          on_time_pct = coalesce(excluded.on_time_pct, openbook_shop_floor.on_time_pct),
                          fuel_l_100 = coalesce(excluded.fuel_l_100, openbook_shop_floor.fuel_l_100),
                          damages = coalesce(excluded.damages, openbook_shop_floor.damages),
                          source = excluded.source
                        """)
                .param("m", figures.month().atDay(1)).param("ot", figures.onTimePct())
                .param("fuel", figures.fuelPer100Km()).param("d", figures.damages())
                .param("src", figures.source() == null ? "manual" : figures.source()).update();
    }

    /** Percentage points on-time delivery may differ from the months before without a warning. */
    static final double ON_TIME_POINTS = 15;
    /** How much fuel use per 100 km may rise or fall against the months before: by half. */
    static final double FUEL_FACTOR = 1.5;

    /**
     * Shop-floor figures far from the months before (those of the last {@link Months#COMPARED_MONTHS}), so a
     * slip of the keyboard (9,5 % for 95 %, 320 l for 32 l) is seen before publishing. Each figure
     * has its own sense of far: on-time delivery in points, fuel by half, damages at three times
     * the usual number and at least three more. Fewer damages is never a warning.
     */
    @Transactional(readOnly = true)
    public java.util.List<Months.Unusual> unusual(ShopFloor figures) {
        if (figures == null || figures.month() == null) {
            return java.util.List.of();
        }
        record Earlier(Double onTime, Double fuel, Integer damages) {
        }
        var earlier = jdbc.sql("""
                        select on_time_pct, fuel_l_100, damages from openbook_shop_floor
                        where month < :m and month >= :from order by month desc""")
                .param("m", figures.month().atDay(1))
                .param("from", figures.month().minusMonths(Months.COMPARED_MONTHS).atDay(1))
                .query((rs, i) -> new Earlier(toDouble(rs.getBigDecimal(1)), toDouble(rs.getBigDecimal(2)),
                        rs.getObject(3, Integer.class)))
                .list();
        java.util.List<Months.Unusual> unusual = new java.util.ArrayList<>();
        var onTime = earlier.stream().map(Earlier::onTime).filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).summaryStatistics();
        if (figures.onTimePct() != null && onTime.getCount() > 0
                && Math.abs(figures.onTimePct() - onTime.getAverage()) > ON_TIME_POINTS) {
            unusual.add(unusual("onTime", figures.onTimePct(), onTime));
        }
        var fuel = earlier.stream().map(Earlier::fuel).filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).summaryStatistics();
        if (figures.fuelPer100Km() != null && fuel.getCount() > 0 && fuel.getAverage() > 0
                && (figures.fuelPer100Km() > fuel.getAverage() * FUEL_FACTOR || figures.fuelPer100Km() * FUEL_FACTOR < fuel.getAverage())) {
            unusual.add(unusual("fuelUse", figures.fuelPer100Km(), fuel));
        }
        var damages = earlier.stream().map(Earlier::damages).filter(java.util.Objects::nonNull).mapToDouble(Integer::doubleValue).summaryStatistics();
        if (figures.damages() != null && damages.getCount() > 0
                && figures.damages() > Math.max(damages.getAverage() * 3, damages.getAverage() + 3)) {
            unusual.add(unusual("damages", figures.damages(), damages));
        }
        return unusual;
    }

    private static Months.Unusual unusual(String field, double value, java.util.DoubleSummaryStatistics earlier) {
        return new Months.Unusual(field, BigDecimal.valueOf(value),
                BigDecimal.valueOf(earlier.getAverage()).setScale(1, java.math.RoundingMode.HALF_UP), (int) earlier.getCount());
    }

    @Transactional(readOnly = true)
    public Optional<ShopFloor> shopFloor(YearMonth month) {
        return jdbc.sql("select on_time_pct, fuel_l_100, damages, source from openbook_shop_floor where month = :m")
                .param("m", month.atDay(1))
                .query((rs, i) -> new ShopFloor(month, toDouble(rs.getBigDecimal(1)), toDouble(rs.getBigDecimal(2)),
                        rs.getObject(3, Integer.class), rs.getString(4)))
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<Steering> steering() {
        return jdbc.sql("select figure, target from openbook_key_figure where id = 1")
                .query((rs, i) -> new Steering(KeyFigure.valueOf(rs.getString(1)), rs.getDouble(2))).optional();
    }

    @Transactional
    public void steerOn(KeyFigure figure, Double target) {
        if (figure == null) {
            throw new InvalidFigures("figure", "validation.required");
        }
        if (target == null) {
            throw new InvalidFigures("target", "validation.required");
        }
        jdbc.sql("""
                        insert into openbook_key_figure (id, figure, target) values (1, :f, :t)
                        on conflict (id) do update set figure = excluded.figure, target = excluded.target
                        """).param("f", figure.name()).param("t", BigDecimal.valueOf(target)).update();
    }

    private static Double toDouble(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
