package nl.meedenken.ideas.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What employees' adopted ideas brought, per quarter: expected and realised. */
@Service
public class ImpactOverview {

    private final JdbcClient jdbc;

    ImpactOverview(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Quarter(int year, int quarter, int adopted, BigDecimal expectedEuros, BigDecimal realisedEuros,
                          BigDecimal expectedHours, BigDecimal realisedHours, BigDecimal expectedCo2Kg,
                          BigDecimal realisedCo2Kg, int safety) {

        public String label() {
            return "Q" + quarter + " " + year;
        }
    }

    /** The last eight quarters (this one included) with ideas that are adopted now, newest first. */
    @Transactional(readOnly = true)
    public List<Quarter> quarters(LocalDate today) {
        return jdbc.sql("""
                        select extract(year from adopted_on)::int, extract(quarter from adopted_on)::int, count(*),
                               coalesce(sum(expected_euros), 0), coalesce(sum(realised_euros), 0),
                               coalesce(sum(expected_hours), 0), coalesce(sum(realised_hours), 0),
                               coalesce(sum(expected_co2_kg), 0), coalesce(sum(realised_co2_kg), 0),
                               count(*) filter (where expected_safety is not null or realised_safety is not null)
                        from idea_impact m join idea i on i.id = m.idea_id
                        where i.status = 'ADOPTED' and adopted_on >= :from group by 1, 2 order by 1 desc, 2 desc""")
                .param("from", today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1).minusMonths(21))
                .query((rs, i) -> new Quarter(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                        rs.getBigDecimal(9), rs.getInt(10)))
                .list();
    }
}
