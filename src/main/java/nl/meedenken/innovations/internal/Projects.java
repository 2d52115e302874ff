package nl.meedenken.innovations.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Innovation projects and their involvement plan. A project leaves a phase when that phase's readiness
 * items are done (or not needed); moving on with items still open needs a reason, which is kept with the
 * list of what was missing.
 */
@Service
public class Projects {

    public record NewProject(String title, Technology technology, String purpose, Long ownerId, boolean monitorsPeople,
                             List<Project.Group> groups) {
    }

    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Links links;

    Projects(JdbcClient jdbc, Clock clock, Links links) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.links = links;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Amsterdam")));
    }

    @Transactional
    public long create(NewProject project, String by) {
        String title = text(project.title(), "title", 150);
        String purpose = text(project.purpose(), "purpose", 4000);
        if (project.technology() == null) {
            throw new InvalidInnovation("technology", "innovations.invalid.technology");
        }
        if (project.ownerId() == null) {
            throw new InvalidInnovation("ownerId", "innovations.invalid.owner");
        }
        if (project.groups() == null || project.groups().isEmpty()) {
            throw new InvalidInnovation("groups", "innovations.invalid.groups");
        }
        long id = jdbc.sql("""
                        insert into innovation_project (title, technology, purpose, owner_id, monitors_people, created_by, created_at)
                        values (:title, :technology, :purpose, :owner, :monitors, :by, :now) returning id""")
                .param("title", title).param("technology", project.technology().name()).param("purpose", purpose)
                .param("owner", project.ownerId()).param("monitors", project.monitorsPeople()).param("by", by)
                .param("now", Timestamp.from(clock.instant())).query(Long.class).single();
        for (Project.Group g : project.groups()) {
            jdbc.sql("insert into innovation_group (project_id, kind, ref) values (:p, :k, :r) on conflict do nothing")
                    .param("p", id).param("k", g.kind().name()).param("r", g.ref()).update();
        }
        return id;
    }

    public Optional<Project> find(long id) {
        return jdbc.sql("select * from innovation_project where id = :id").param("id", id).query(this::project).optional();
    }

    public List<Project> all() {
        return jdbc.sql("select * from innovation_project order by id desc").query(this::project).list();
    }

    /** Every readiness item that applies to the project, with its state (OPEN when nobody touched it yet). */
    public List<Project.Item> items(Project project) {
        Map<Readiness, Project.Item> stored = new EnumMap<>(Readiness.class);
        jdbc.sql("select * from innovation_item where project_id = :p").param("p", project.id()).query(rs -> {
            Readiness.find(rs.getString("code")).ifPresent(r -> {
                try {
                    String kind = rs.getString("evidence_kind");
                    long evidenceId = rs.getLong("evidence_id");
                    Long ref = rs.wasNull() ? null : evidenceId;
                    stored.put(r, new Project.Item(r, Readiness.Status.valueOf(rs.getString("status")), rs.getString("evidence"),
                            kind == null ? null : Readiness.Evidence.valueOf(kind), ref,
                            rs.getObject("done_on", LocalDate.class), rs.getString("changed_by")));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        });
        List<Project.Item> items = new ArrayList<>();
        for (Readiness r : Readiness.values()) {
            if (r.appliesTo(project.monitorsPeople())) {
                items.add(stored.getOrDefault(r, new Project.Item(r, Readiness.Status.OPEN, null, null, null, null, null)));
            }
        }
        return items;
    }

    /** The open items of the current phase and the phases before it: what is missing before the next phase. */
    public List<Project.Item> missing(Project project) {
        return items(project).stream().filter(Project.Item::open)
                .filter(i -> i.item().phase().ordinal() <= project.phase().ordinal()).toList();
    }

    /** Settles or reopens an item. Done needs evidence (a text, a link, or both) and the date it happened. */
    @Transactional
    public void settle(long projectId, Readiness item, Readiness.Status status, String evidence,
                       Readiness.Evidence evidenceKind, Long evidenceId, LocalDate doneOn, String by) {
        Project project = find(projectId).orElseThrow(() -> new InvalidInnovation("id", "innovations.invalid.unknown"));
        if (!item.appliesTo(project.monitorsPeople())) {
            throw new InvalidInnovation("item", "innovations.invalid.itemNotApplicable");
        }
        String text = evidence == null || evidence.isBlank() ? null : evidence.strip();
        if (text != null && text.length() > 500) {
            throw new InvalidInnovation("evidence", "innovations.invalid.evidenceLength");
        }
        if (evidenceKind != null && !item.evidence().contains(evidenceKind)) {
            throw new InvalidInnovation("evidence", "innovations.invalid.evidenceKind");
        }
        if (evidenceKind != null && evidenceId != null && !links.proves(evidenceKind, evidenceId)) {
            throw new InvalidInnovation("evidence", "innovations.invalid.evidenceNotValid");
        }
        if (status == Readiness.Status.NOT_NEEDED && item.required()) {
            throw new InvalidInnovation("status", "innovations.invalid.requiredItem");
        }
        if (doneOn != null && (doneOn.isAfter(today()) || doneOn.isBefore(EARLIEST))) {
            throw new InvalidInnovation("doneOn", doneOn.isAfter(today()) ? "innovations.invalid.doneOnFuture"
                    : "innovations.invalid.doneOn");
        }
        if (status == Readiness.Status.DONE) {
            if (text == null && evidenceId == null) {
                throw new InvalidInnovation("evidence", "innovations.invalid.evidenceNeeded");
            }
            if (doneOn == null) {
                throw new InvalidInnovation("doneOn", "innovations.invalid.doneOn");
            }
            if (doneOn.isAfter(today())) {
                throw new InvalidInnovation("doneOn", "innovations.invalid.doneOnFuture");
            }
        }
        if (status == Readiness.Status.NOT_NEEDED && text == null) {
            throw new InvalidInnovation("evidence", "innovations.invalid.whyNotNeeded");
        }
        jdbc.sql("""
                        insert into innovation_item (project_id, code, status, evidence, evidence_kind, evidence_id, done_on,
                               changed_by, changed_at)
                        values (:p, :code, :status, :evidence, :kind, :ref, :on, :by, :now)
                        on conflict (project_id, code) do update set status = excluded.status, evidence = excluded.evidence,
                            evidence_kind = excluded.evidence_kind, evidence_id = excluded.evidence_id, done_on = excluded.done_on,
                            changed_by = excluded.changed_by, changed_at = excluded.changed_at
                        """)
                .param("p", projectId).param("code", item.name()).param("status", status.name()).param("evidence", text)
                .param("kind", evidenceId == null || evidenceKind == null ? null : evidenceKind.name())
                .param("ref", evidenceKind == null ? null : evidenceId)
                .param("on", status == Readiness.Status.OPEN ? null : doneOn).param("by", by)
                .param("now", Timestamp.from(clock.instant())).update();
    }

    /**
     * Moves the project to the next phase. With items still missing, a reason is required; the missing
     * items and the reason are kept with the change. {@code version} is the project as the reader saw it.
     */
    @Transactional
    public void moveOn(long projectId, long version, String reason, String by) {
        Project project = jdbc.sql("select * from innovation_project where id = :id for update").param("id", projectId)
                .query(this::project).optional().orElseThrow(() -> new InvalidInnovation("id", "innovations.invalid.unknown"));
        if (project.version() != version) {
            throw new InvalidInnovation("phase", "innovations.invalid.changedSince");
        }
        Phase next = project.phase().next();
        if (next == null) {
            throw new InvalidInnovation("phase", "innovations.invalid.lastPhase");
        }
        List<Project.Item> missing = missing(project);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (!missing.isEmpty() && why == null) {
            throw new InvalidInnovation("reason", "innovations.gate.reasonNeeded", missing.size());
        }
        if (why != null && why.length() > 2000) {
            throw new InvalidInnovation("reason", "innovations.invalid.reasonLength");
        }
        jdbc.sql("update innovation_project set phase = :next, version = version + 1 where id = :id")
                .param("next", next.name()).param("id", projectId).update();
        jdbc.sql("""
                        insert into innovation_phase_change (project_id, from_phase, to_phase, missing, reason, changed_by, changed_at)
                        values (:p, :from, :to, :missing, :reason, :by, :now)""")
                .param("p", projectId).param("from", project.phase().name()).param("to", next.name())
                .param("missing", missing.isEmpty() ? null
                        : missing.stream().map(i -> i.item().name()).collect(Collectors.joining(",")))
                .param("reason", missing.isEmpty() ? why : why).param("by", by).param("now", Timestamp.from(clock.instant()))
                .update();
    }

    public List<Project.PhaseChange> changes(long projectId) {
        return jdbc.sql("select * from innovation_phase_change where project_id = :p order by changed_at, id")
                .param("p", projectId)
                .query((rs, n) -> new Project.PhaseChange(Phase.valueOf(rs.getString("from_phase")),
                        Phase.valueOf(rs.getString("to_phase")), rs.getString("missing"), rs.getString("reason"),
                        rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant())).list();
    }

    private Project project(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<Project.Group> groups = jdbc.sql("select kind, ref from innovation_group where project_id = :p order by kind, ref")
                .param("p", id).query((g, n) -> new Project.Group(Project.Group.Kind.valueOf(g.getString(1)), g.getString(2)))
                .list();
        return new Project(id, rs.getString("title"), Technology.valueOf(rs.getString("technology")), rs.getString("purpose"),
                rs.getLong("owner_id"), rs.getBoolean("monitors_people"), Phase.valueOf(rs.getString("phase")),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getLong("version"), groups);
    }

    private static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInnovation(field, "innovations.invalid." + field);
        }
        if (value.strip().length() > max) {
            throw new InvalidInnovation(field, "innovations.invalid.tooLong", max);
        }
        return value.strip();
    }

    static List<Readiness.Status> statuses() {
        return Arrays.asList(Readiness.Status.values());
    }
}
