package nl.meedenken.leadership.internal;

import nl.meedenken.platform.FormValues;
import nl.meedenken.platform.Pictures;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The lessons of the programme: the shipped ones are added once from
 * {@code leadership/programme/}; admins and management then edit, add, reorder and archive
 * them. An archived lesson keeps the progress leaders made on it.
 */
@Service
public class Programme implements ApplicationRunner {

    static final int MAX_TITLE = 150;
    static final int MAX_BODY = 20000;
    static final int MAX_ASSIGNMENT = 1000;
    static final int MAX_ALT = 200;
    public static final int MAX_IMAGE_BYTES = 5 * 1024 * 1024;
    private static final String SHIPPED = "classpath:leadership/programme/";

    /** What an editor fills in. A new image replaces the old one; {@code removeImage} drops it. */
    public record LessonForm(String titleNl, String titleEn, String bodyNl, String bodyEn, String assignmentNl,
                             String assignmentEn, Evidence evidence, byte[] image, boolean removeImage,
                             String imageAltNl, String imageAltEn) {
    }

    public record Picture(byte[] bytes, String contentType) {
    }

    private static final String SELECT = """
            select id, slug, position, title_nl, title_en, body_nl, body_en, assignment_nl, assignment_en, evidence,
                   image is not null as has_image, image_alt_nl, image_alt_en, archived, changed_by, changed_at
              from leadership_lesson
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    Programme(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        addShippedLessons();
    }

    /** Adds the lessons that come with the product, each once; what editors changed stays. */
    @Transactional
    public void addShippedLessons() {
        var resolver = new PathMatchingResourcePatternResolver();
        try {
            String index = resolver.getResource(SHIPPED + "programme.txt").getContentAsString(StandardCharsets.UTF_8);
            int position = 0;
            for (String line : index.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
                position++;
                String[] parts = line.split("\\s+");
                String slug = parts[0];
                Evidence evidence = Evidence.valueOf(parts[1]);
                String prefix = String.format("%02d-%s", position, slug);
                String[] nl = split(resolver.getResource(SHIPPED + prefix + ".nl.md"));
                String[] en = split(resolver.getResource(SHIPPED + prefix + ".en.md"));
                jdbc.sql("""
                                insert into leadership_lesson (slug, position, title_nl, title_en, body_nl, body_en,
                                       assignment_nl, assignment_en, evidence, changed_by, changed_at)
                                values (:slug, :position, :tnl, :ten, :bnl, :ben, :anl, :aen, :evidence, 'Meedenken', :at)
                                on conflict (slug) do nothing
                                """)
                        .param("slug", slug).param("position", position).param("tnl", nl[0]).param("ten", en[0])
                        .param("bnl", nl[1]).param("ben", en[1]).param("anl", nl[2]).param("aen", en[2])
                        .param("evidence", evidence.name()).param("at", Timestamp.from(clock.instant())).update();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The shipped leadership programme cannot be read", e);
        }
    }

    /** Title, body and assignment of a shipped lesson file: "# title", Markdown, a line "+++", the assignment. */
    static String[] split(Resource resource) throws IOException {
        String text = resource.getContentAsString(StandardCharsets.UTF_8).replace("\r\n", "\n");
        int firstBreak = text.indexOf('\n');
        String title = text.substring(0, firstBreak).replaceFirst("^#\\s*", "").strip();
        int separator = text.indexOf("\n+++\n");
        if (separator < 0) {
            throw new IllegalStateException(resource.getFilename() + " has no line +++ before its assignment");
        }
        return new String[]{title, text.substring(firstBreak + 1, separator).strip(),
                text.substring(separator + 5).strip()};
    }

    @Transactional(readOnly = true)
    public List<Lesson> lessons() {
        return jdbc.sql(SELECT + " where not archived order by position, id").query(Programme::map).list();
    }

    @Transactional(readOnly = true)
    public List<Lesson> archived() {
        return jdbc.sql(SELECT + " where archived order by position, id").query(Programme::map).list();
    }

    @Transactional(readOnly = true)
    public Optional<Lesson> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(Programme::map).optional();
    }

    @Transactional(readOnly = true)
    public Optional<Picture> image(long id) {
        return jdbc.sql("select image, image_type from leadership_lesson where id = :id and image is not null")
                .param("id", id).query((rs, i) -> new Picture(rs.getBytes(1), rs.getString(2))).optional();
    }

    @Transactional
    public long create(LessonForm form, String actor) {
        Checked lesson = check(form, false);
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from leadership_lesson").query(Integer.class).single();
        long id = jdbc.sql("""
                        insert into leadership_lesson (position, title_nl, title_en, body_nl, body_en, assignment_nl,
                               assignment_en, evidence, changed_by, changed_at)
                        values (:position, :tnl, :ten, :bnl, :ben, :anl, :aen, :evidence, :by, :at)
                        returning id
                        """)
                .param("position", position).param("tnl", lesson.titleNl).param("ten", lesson.titleEn)
                .param("bnl", lesson.bodyNl).param("ben", lesson.bodyEn).param("anl", lesson.assignmentNl)
                .param("aen", lesson.assignmentEn).param("evidence", form.evidence().name()).param("by", actor)
                .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        storeImage(id, form, lesson);
        return id;
    }

    @Transactional
    public void change(long id, LessonForm form, String actor) {
        Lesson existing = find(id).orElseThrow(() -> new InvalidLeadership("lesson", "leadership.error.noLesson"));
        Checked lesson = check(form, existing.hasImage());
        jdbc.sql("""
                        update leadership_lesson set title_nl = :tnl, title_en = :ten, body_nl = :bnl, body_en = :ben,
                               assignment_nl = :anl, assignment_en = :aen, evidence = :evidence, changed_by = :by,
                               changed_at = :at
                         where id = :id
                        """)
                .param("tnl", lesson.titleNl).param("ten", lesson.titleEn).param("bnl", lesson.bodyNl)
                .param("ben", lesson.bodyEn).param("anl", lesson.assignmentNl).param("aen", lesson.assignmentEn)
                .param("evidence", form.evidence().name()).param("by", actor)
                .param("at", Timestamp.from(clock.instant())).param("id", id).update();
        storeImage(id, form, lesson);
    }

    private void storeImage(long id, LessonForm form, Checked lesson) {
        if (lesson.image != null) {
            jdbc.sql("update leadership_lesson set image = :image, image_type = :type where id = :id")
                    .param("image", lesson.image).param("type", Pictures.contentType(lesson.image)).param("id", id)
                    .update();
        } else if (form.removeImage()) {
            jdbc.sql("update leadership_lesson set image = null, image_type = null where id = :id").param("id", id).update();
        }
        jdbc.sql("update leadership_lesson set image_alt_nl = :nl, image_alt_en = :en where id = :id")
                .param("nl", lesson.altNl).param("en", lesson.altEn).param("id", id).update();
    }

    private record Checked(String titleNl, String titleEn, String bodyNl, String bodyEn, String assignmentNl,
                           String assignmentEn, byte[] image, String altNl, String altEn) {
    }

    private static Checked check(LessonForm form, boolean hadImage) {
        FormValues.Refusal refusal = InvalidLeadership::new;
        String titleNl = FormValues.text(form.titleNl(), "titleNl", MAX_TITLE, true, refusal);
        String titleEn = FormValues.text(form.titleEn(), "titleEn", MAX_TITLE, true, refusal);
        String bodyNl = FormValues.text(form.bodyNl(), "bodyNl", MAX_BODY, true, refusal);
        String bodyEn = FormValues.text(form.bodyEn(), "bodyEn", MAX_BODY, true, refusal);
        String assignmentNl = FormValues.text(form.assignmentNl(), "assignmentNl", MAX_ASSIGNMENT, true, refusal);
        String assignmentEn = FormValues.text(form.assignmentEn(), "assignmentEn", MAX_ASSIGNMENT, true, refusal);
        if (form.evidence() == null) {
            throw new InvalidLeadership("evidence", "validation.required");
        }
        byte[] image = null;
        if (form.image() != null && form.image().length > 0) {
            if (form.image().length > MAX_IMAGE_BYTES) {
                throw new InvalidLeadership("image", "leadership.error.imageTooLarge", MAX_IMAGE_BYTES / (1024 * 1024));
            }
            Pictures.tooLarge(form.image()).ifPresent(size -> {
                throw new InvalidLeadership("image", "pictures.error.tooManyPixels", Pictures.tooLargeArguments(size));
            });
            image = Pictures.withoutMetadata(form.image())
                    .orElseThrow(() -> new InvalidLeadership("image", "leadership.error.imageType"));
        }
        boolean withImage = image != null || (hadImage && !form.removeImage());
        String altNl = FormValues.text(form.imageAltNl(), "imageAltNl", MAX_ALT, withImage, refusal);
        String altEn = FormValues.text(form.imageAltEn(), "imageAltEn", MAX_ALT, withImage, refusal);
        return new Checked(titleNl, titleEn, bodyNl, bodyEn, assignmentNl, assignmentEn, image,
                withImage ? altNl : null, withImage ? altEn : null);
    }

    @Transactional
    public void archive(long id, boolean archived, String actor) {
        int changed = jdbc.sql("""
                        update leadership_lesson set archived = :archived, changed_by = :by, changed_at = :at
                         where id = :id and archived <> :archived
                        """)
                .param("archived", archived).param("by", actor).param("at", Timestamp.from(clock.instant()))
                .param("id", id).update();
        if (changed == 0) {
            throw new InvalidLeadership("lesson", "leadership.error.noLesson");
        }
    }

    /** Swaps a lesson with its neighbour above ({@code up}) or below among the lessons in use. */
    @Transactional
    public void move(long id, boolean up) {
        List<Lesson> lessons = lessons();
        for (int i = 0; i < lessons.size(); i++) {
            if (lessons.get(i).id() == id) {
                int other = up ? i - 1 : i + 1;
                if (other < 0 || other >= lessons.size()) {
                    return;
                }
                for (int j = 0; j < lessons.size(); j++) {
                    int position = j == i ? other + 1 : j == other ? i + 1 : j + 1;
                    jdbc.sql("update leadership_lesson set position = :p where id = :id")
                            .param("p", position).param("id", lessons.get(j).id()).update();
                }
                return;
            }
        }
        throw new InvalidLeadership("lesson", "leadership.error.noLesson");
    }

    private static Lesson map(ResultSet rs, int row) throws SQLException {
        return new Lesson(rs.getLong("id"), rs.getString("slug"), rs.getInt("position"), rs.getString("title_nl"),
                rs.getString("title_en"), rs.getString("body_nl"), rs.getString("body_en"),
                rs.getString("assignment_nl"), rs.getString("assignment_en"), Evidence.valueOf(rs.getString("evidence")),
                rs.getBoolean("has_image"), rs.getString("image_alt_nl"), rs.getString("image_alt_en"),
                rs.getBoolean("archived"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant());
    }
}
