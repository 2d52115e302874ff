package nl.meedenken.learning.internal;

import nl.meedenken.platform.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Lessons for everyone. A lesson is published only when the reporter agreed, and only
 * once the editor has taken out plates, e-mail addresses, phone numbers and colleagues' names.
 */
@Service
public class Lessons {

    public static final int PAGE_SIZE = 20;
    private static final String COLUMNS = "id, report_id, title, situation, lesson, category, published_by, published_at";

    private final JdbcClient jdbc;
    private final Reports reports;
    private final Identifying identifying;
    private final Clock clock;

    Lessons(JdbcClient jdbc, Reports reports, Identifying identifying, Clock clock) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.identifying = identifying;
        this.clock = clock;
    }

    /** What the editor writes. */
    public record Draft(String title, String situation, String lesson, boolean checked) {
    }

    @Transactional
    public long publish(long reportId, Draft draft, String editor) {
        return publish(reportId, draft, editor, clock.instant());
    }

    @Transactional
    public long publish(long reportId, Draft draft, String editor, Instant at) {
        Report report = reports.find(reportId).orElseThrow(() -> new InvalidReport("id", "learning.error.unknown"));
        if (!report.mayPublish()) {
            throw new InvalidReport("report", "learning.error.noConsent");
        }
        if (!report.answered()) {
            throw new InvalidReport("report", "learning.error.answerFirst");
        }
        if (ofReport(reportId).isPresent()) {
            throw new InvalidReport("report", "learning.error.alreadyPublished");
        }
        String title = Reports.text(draft.title(), "title", 200, true);
        String situation = Reports.text(draft.situation(), "situation", 4000, true);
        String lesson = Reports.text(draft.lesson(), "lesson", 4000, true);
        if (Identifying.blocks(identifying.find(title, situation, lesson))) {
            throw new InvalidReport("situation", "learning.error.identifying");
        }
        if (!draft.checked()) {
            throw new InvalidReport("checked", "learning.error.notChecked");
        }
        return jdbc.sql("""
                        insert into lesson (report_id, title, situation, lesson, category, published_by, published_at)
                        values (:r, :t, :s, :l, :c, :by, :at) returning id""")
                .param("r", reportId).param("t", title).param("s", situation).param("l", lesson)
                .param("c", report.category().name()).param("by", editor).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    /** Takes a lesson down again, for example when someone recognises themselves in it. */
    @Transactional
    public void withdraw(long lessonId) {
        jdbc.sql("delete from lesson where id = :id").param("id", lessonId).update();
    }

    @Transactional(readOnly = true)
    public Optional<Lesson> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from lesson where id = :id").param("id", id).query(Lessons::lesson)
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<Lesson> ofReport(long reportId) {
        return jdbc.sql("select " + COLUMNS + " from lesson where report_id = :id").param("id", reportId)
                .query(Lessons::lesson).optional();
    }

    @Transactional(readOnly = true)
    public Page<Lesson> list(Category category, int page) {
        String where = category == null ? "true" : "category = :c";
        var count = jdbc.sql("select count(*) from lesson where " + where);
        if (category != null) {
            count = count.param("c", category.name());
        }
        long total = count.query(Long.class).single();
        int number = Page.clamp(page, total, PAGE_SIZE);
        var select = jdbc.sql("select " + COLUMNS + " from lesson where " + where
                + " order by published_at desc, id desc limit :limit offset :offset")
                .param("limit", PAGE_SIZE).param("offset", number * PAGE_SIZE);
        if (category != null) {
            select = select.param("c", category.name());
        }
        List<Lesson> items = select.query(Lessons::lesson).list();
        return new Page<>(items, number, PAGE_SIZE, total);
    }

    private static Lesson lesson(ResultSet rs, int i) throws SQLException {
        return new Lesson(rs.getLong("id"), rs.getLong("report_id"), rs.getString("title"), rs.getString("situation"),
                rs.getString("lesson"), Category.valueOf(rs.getString("category")), rs.getString("published_by"),
                rs.getTimestamp("published_at").toInstant());
    }
}
