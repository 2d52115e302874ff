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

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Months(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
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
