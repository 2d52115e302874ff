package nl.meedenken.openbook.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Questions about the figures: asked with a name or anonymously, answered by management for everyone to read. */
@Service
public class FigureQuestions {

    public static final int MAX_QUESTION = 1000;
    public static final int MAX_ANSWER = 2000;
    private static final ZoneId LOCAL = ZoneId.of("Europe/Amsterdam");

    /** A question; {@code askedBy} is empty for anonymous ones. */
    public record Question(long id, String text, Long askedBy, LocalDate askedOn, String answer, String answeredBy,
                           LocalDate answeredOn) {
        public boolean answered() {
            return answer != null;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    FigureQuestions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores a question; an anonymous one keeps no trace of who asked (the day only). */
    @Transactional
    public long ask(String text, Long personId, Long monthId) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            throw new InvalidFigures("text", "validation.required");
        }
        if (clean.length() > MAX_QUESTION) {
            throw new InvalidFigures("text", "validation.tooLong", MAX_QUESTION);
        }
        return jdbc.sql("""
                        insert into openbook_question (month_id, text, asked_by, asked_on) values (:m, :t, :p, :d)
                        returning id
                        """)
                .param("m", monthId).param("t", clean).param("p", personId)
                .param("d", LocalDate.now(clock.withZone(LOCAL))).query(Long.class).single();
    }

    @Transactional
    public void answer(long id, String text, String actor) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            throw new InvalidFigures("answer", "validation.required");
        }
        if (clean.length() > MAX_ANSWER) {
            throw new InvalidFigures("answer", "validation.tooLong", MAX_ANSWER);
        }
        int changed = jdbc.sql("""
                        update openbook_question set answer = :a, answered_by = :by, answered_on = :d where id = :id
                        """)
                .param("a", clean).param("by", actor).param("d", LocalDate.now(clock.withZone(LOCAL))).param("id", id)
                .update();
        if (changed == 0) {
            throw new InvalidFigures("answer", "openbook.error.notFound");
        }
    }

    @Transactional(readOnly = true)
    public List<Question> answered() {
        return list("where answer is not null order by answered_on desc, id desc limit 50");
    }

    @Transactional(readOnly = true)
    public List<Question> open() {
        return list("where answer is null order by asked_on, id");
    }

    @Transactional(readOnly = true)
    public List<Question> askedBy(long personId) {
        return list("where asked_by = " + personId + " and answer is null order by asked_on desc");
    }

    private List<Question> list(String where) {
        return jdbc.sql("select id, text, asked_by, asked_on, answer, answered_by, answered_on from openbook_question "
                        + where)
                .query((rs, i) -> new Question(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6),
                        rs.getObject(7, LocalDate.class)))
                .list();
    }
}
