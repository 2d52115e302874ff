package nl.meedenken.openbook.internal;

import nl.meedenken.platform.AuditEntry;
import nl.meedenken.platform.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Monthly figures: management enters a month as a draft and publishes it; only published
 * months are ever shown to anyone else. A month is entered for the whole company or per site.
 */
@Service
public class Months {

    /** What management enters for one month. */
    public record Entry(YearMonth month, Long siteId, BigDecimal revenue, Map<CostCategory, BigDecimal> costs,
                        String explanation) {
    }

    /** A figure far from the average of the months before; a warning, never a refusal. */
    public record Unusual(String field, BigDecimal value, BigDecimal average, int months) {
    }

    /** How far from the average of the previous months a figure may be before the form warns. */
    static final BigDecimal FACTOR = BigDecimal.valueOf(3);
    /** How many previous months the average is taken over. */
    static final int COMPARED_MONTHS = 12;
    /** The years a month of figures may be in (forms and imports alike). */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Figures figures;

    Months(JdbcClient jdbc, AuditLog audit, Clock clock, Figures figures) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.figures = figures;
    }

    /**
     * Saves what the month form holds in one transaction: the month (new when {@code id} is
     * null) and its shop-floor figures. When anything is refused, nothing is stored.
     */
    @Transactional
    public long save(Long id, Entry entry, ShopFloor shopFloor, String actor) {
        long saved;
        if (id == null) {
            saved = create(entry, actor);
        } else {
            change(id, entry);
            saved = id;
        }
        if (shopFloor != null && (shopFloor.onTimePct() != null || shopFloor.fuelPer100Km() != null
                || shopFloor.damages() != null)) {
            figures.recordShopFloor(shopFloor);
        }
        return saved;
    }

    /**
     * The figures of a month that are more than {@link #FACTOR} times above or below the average
     * of up to {@link #COMPARED_MONTHS} earlier months of the same site (or of the whole company).
     * Months without earlier months, or an average of zero, give no warning.
     */
    @Transactional(readOnly = true)
    public List<Unusual> unusual(YearMonth month, Long siteId, BigDecimal revenue, Map<CostCategory, BigDecimal> costs) {
        if (month == null) {
            return List.of();
        }
        List<MonthFigures> earlier = rows("""
                        where m.month < :month and m.site_id is not distinct from cast(:site as bigint)
                        order by m.month desc limit %d""".formatted(COMPARED_MONTHS),
                params(month, siteId));
        if (earlier.isEmpty()) {
            return List.of();
        }
        List<Unusual> unusual = new ArrayList<>();
        compare("revenue", revenue, earlier.stream().map(MonthFigures::revenue).toList(), unusual);
        for (CostCategory category : CostCategory.values()) {
            compare(category.column(), costs.get(category),
                    earlier.stream().map(m -> m.costs().getOrDefault(category, BigDecimal.ZERO)).toList(), unusual);
        }
        return unusual;
    }

    /** The warnings for a month as it is stored. */
    @Transactional(readOnly = true)
    public List<Unusual> unusual(MonthFigures month) {
        return unusual(month.month(), month.siteId(), month.revenue(), month.costs());
    }

    private static Map<String, Object> params(YearMonth month, Long siteId) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("month", month.atDay(1));
        params.put("site", siteId);
        return params;
    }

    private static void compare(String field, BigDecimal value, List<BigDecimal> earlier, List<Unusual> unusual) {
        if (value == null || earlier.isEmpty()) {
            return;
        }
        BigDecimal average = earlier.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(earlier.size()), 0, java.math.RoundingMode.HALF_UP);
        if (average.signum() <= 0) {
            return;
        }
        if (value.compareTo(average.multiply(FACTOR)) > 0 || value.multiply(FACTOR).compareTo(average) < 0) {
            unusual.add(new Unusual(field, value, average, earlier.size()));
        }
    }

    @Transactional
    public long create(Entry entry, String actor) {
        check(entry, null);
        long id = jdbc.sql("""
                        insert into openbook_month (month, site_id, explanation, revenue, created_by, created_at)
                        values (:month, :site, :explanation, :revenue, :by, :at) returning id
                        """)
                .param("month", entry.month().atDay(1)).param("site", entry.siteId())
                .param("explanation", blankToNull(entry.explanation())).param("revenue", entry.revenue())
                .param("by", actor).param("at", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        writeCosts(id, entry.costs());
        return id;
    }

    @Transactional
    public void change(long id, Entry entry) {
        MonthFigures existing = find(id).orElseThrow(() -> new InvalidFigures("month", "openbook.error.notFound"));
        if (existing.published()) {
            throw new InvalidFigures("month", "openbook.error.alreadyPublished");
        }
        check(entry, id);
        jdbc.sql("update openbook_month set month = :month, site_id = :site, explanation = :e, revenue = :r where id = :id")
                .param("month", entry.month().atDay(1)).param("site", entry.siteId())
                .param("e", blankToNull(entry.explanation())).param("r", entry.revenue()).param("id", id).update();
        jdbc.sql("delete from openbook_cost where month_id = :id").param("id", id).update();
        writeCosts(id, entry.costs());
    }

    /** Makes a month visible to everyone; recorded with who did it and when. */
    @Transactional
    public void publish(long id, String actor) {
        MonthFigures month = find(id).orElseThrow(() -> new InvalidFigures("month", "openbook.error.notFound"));
        if (month.explanation() == null || month.explanation().isBlank()) {
            throw new InvalidFigures("explanation", "openbook.error.explanationFirst");
        }
        int changed = jdbc.sql("""
                        update openbook_month set status = 'PUBLISHED', published_at = :at, published_by = :by
                        where id = :id and status = 'DRAFT'
                        """)
                .param("at", Timestamp.from(clock.instant())).param("by", actor).param("id", id).update();
        if (changed == 0) {
            throw new InvalidFigures("month", "openbook.error.alreadyPublished");
        }
        audit.record(AuditEntry.Type.FIGURES_PUBLISHED, actor, month.month().toString(), null,
                "revenue " + month.revenue() + ", result " + month.result());
    }

    void check(Entry entry, Long exceptId) {
        if (entry.month() == null) {
            throw new InvalidFigures("month", "validation.required");
        }
        if (entry.month().getYear() < FIRST_YEAR || entry.month().getYear() > LAST_YEAR) {
            throw new InvalidFigures("month", "input.csv.yearOutOfRange", String.valueOf(entry.month().getYear()),
                    String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
        }
        if (entry.revenue() == null) {
            throw new InvalidFigures("revenue", "validation.required");
        }
        if (entry.revenue().signum() < 0) {
            throw new InvalidFigures("revenue", "openbook.error.negative");
        }
        for (CostCategory category : CostCategory.values()) {
            BigDecimal amount = entry.costs().get(category);
            if (amount == null) {
                throw new InvalidFigures(category.column(), "validation.required");
            }
            if (amount.signum() < 0) {
                throw new InvalidFigures(category.column(), "openbook.error.negative");
            }
        }
        if (exists(entry.month(), entry.siteId(), exceptId)) {
            throw new InvalidFigures("month", "openbook.error.monthExists", entry.month().toString());
        }
        if (entry.explanation() != null && entry.explanation().length() > 4000) {
            throw new InvalidFigures("explanation", "validation.tooLong", 4000);
        }
    }

    /** Whether this month already has figures for the same site, or for the whole company when either is so. */
    boolean exists(YearMonth month, Long siteId, Long exceptId) {
        return jdbc.sql("""
                        select count(*) from openbook_month where month = :month and id <> :except
                          and (site_id is null or cast(:site as bigint) is null or site_id = cast(:site as bigint))
                        """)
                .param("month", month.atDay(1)).param("site", siteId).param("except", exceptId == null ? -1 : exceptId)
                .query(Long.class).single() > 0;
    }

    private void writeCosts(long id, Map<CostCategory, BigDecimal> costs) {
        for (var entry : costs.entrySet()) {
            jdbc.sql("insert into openbook_cost (month_id, category, amount) values (:id, :c, :a)")
                    .param("id", id).param("c", entry.getKey().name()).param("a", entry.getValue()).update();
        }
    }

    @Transactional(readOnly = true)
    public Optional<MonthFigures> find(long id) {
        return rows("where m.id = :id", Map.of("id", id)).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public List<MonthFigures> all() {
        return rows("order by m.month desc, m.site_id nulls first", Map.of());
    }

    /** The published months, newest first. */
    @Transactional(readOnly = true)
    public List<YearMonth> publishedMonths() {
        return jdbc.sql("select distinct month from openbook_month where status = 'PUBLISHED' order by month desc")
                .query((rs, i) -> YearMonth.from(rs.getObject(1, LocalDate.class))).list();
    }

    /** The whole company's published figures of a month: all its published rows added up. */
    @Transactional(readOnly = true)
    public Optional<MonthFigures> company(YearMonth month) {
        List<MonthFigures> rows = rows("where m.month = :month and m.status = 'PUBLISHED'",
                Map.of("month", month.atDay(1)));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal revenue = BigDecimal.ZERO;
        Map<CostCategory, BigDecimal> costs = new EnumMap<>(CostCategory.class);
        StringBuilder explanation = new StringBuilder();
        for (MonthFigures row : rows) {
            revenue = revenue.add(row.revenue());
            row.costs().forEach((c, a) -> costs.merge(c, a, BigDecimal::add));
            if (row.explanation() != null) {
                if (!explanation.isEmpty()) {
                    explanation.append("\n\n");
                }
                explanation.append(row.explanation());
            }
        }
        MonthFigures first = rows.get(0);
        return Optional.of(new MonthFigures(first.id(), month, null, true, revenue, costs, explanation.toString(),
                first.publishedAt(), first.publishedBy()));
    }

    private List<MonthFigures> rows(String where, Map<String, Object> params) {
        Map<Long, Map<CostCategory, BigDecimal>> costs = new LinkedHashMap<>();
        jdbc.sql("select month_id, category, amount from openbook_cost").query(rs -> {
            costs.computeIfAbsent(rs.getLong(1), id -> new EnumMap<>(CostCategory.class))
                    .put(CostCategory.valueOf(rs.getString(2)), rs.getBigDecimal(3));
        });
        List<MonthFigures> result = new ArrayList<>();
        jdbc.sql("""
                        select m.id, m.month, m.site_id, m.status, m.revenue, m.explanation, m.published_at, m.published_by
                        from openbook_month m
                        """ + where)
                .params(params)
                .query(rs -> {
                    long id = rs.getLong("id");
                    Timestamp published = rs.getTimestamp("published_at");
                    result.add(new MonthFigures(id, YearMonth.from(rs.getObject("month", LocalDate.class)),
                            rs.getObject("site_id", Long.class), "PUBLISHED".equals(rs.getString("status")),
                            rs.getBigDecimal("revenue"), costs.getOrDefault(id, new EnumMap<>(CostCategory.class)),
                            rs.getString("explanation"), published == null ? null : published.toInstant(),
                            rs.getString("published_by")));
                });
        return result;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
