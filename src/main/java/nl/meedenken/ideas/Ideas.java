package nl.meedenken.ideas;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * What other modules may ask of and tell the ideas module: find ideas, link one to a
 * challenge, and give an innovation team a challenge to work on. Challenges are known here
 * only by id and title.
 */
@Service
public class Ideas {

    private final JdbcClient jdbc;

    Ideas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<IdeaSummary> find(long id) {
        return jdbc.sql("select id, title, status, author_id from idea where id = :id").param("id", id)
                .query((rs, i) -> new IdeaSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .optional();
    }

    /** The person's own ideas, newest first, for choosing one to link. */
    @Transactional(readOnly = true)
    public List<IdeaSummary> byAuthor(long personId) {
        return jdbc.sql("select id, title, status, author_id from idea where author_id = :p order by id desc")
                .param("p", personId)
                .query((rs, i) -> new IdeaSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    /** The challenge an idea answers, if it was linked to one. */
    @Transactional(readOnly = true)
    public Optional<Long> challengeOf(long ideaId) {
        return jdbc.sql("select challenge_id from idea where id = :id and challenge_id is not null").param("id", ideaId)
                .query(Long.class).optional();
    }

    /** Notes on the idea that it answers a challenge, so its page can say so. */
    @Transactional
    public void linkToChallenge(long ideaId, long challengeId, String challengeTitle) {
        jdbc.sql("update idea set challenge_id = :c, challenge_title = :t where id = :id")
                .param("c", challengeId).param("t", challengeTitle).param("id", ideaId).update();
    }

    /** What an idea is about (a thing of another module), as stored when it was written. */
    public record Subject(String kind, long id, String title) {
    }

    /** Notes on the idea what it is about, so its page links there and that thing can list it. */
    @Transactional
    public void linkToSubject(long ideaId, Subject subject) {
        jdbc.sql("update idea set subject_kind = :k, subject_id = :s, subject_title = :t where id = :id")
                .param("k", subject.kind()).param("s", subject.id())
                .param("t", subject.title().length() > 200 ? subject.title().substring(0, 200) : subject.title())
                .param("id", ideaId).update();
    }

    @Transactional(readOnly = true)
    public Optional<Subject> subjectOf(long ideaId) {
        return jdbc.sql("select subject_kind, subject_id, subject_title from idea where id = :id and subject_kind is not null")
                .param("id", ideaId).query((rs, i) -> new Subject(rs.getString(1), rs.getLong(2), rs.getString(3)))
                .optional();
    }

    /** Ideas about one thing, newest first. */
    @Transactional(readOnly = true)
    public List<IdeaSummary> about(String kind, long id) {
        return jdbc.sql("select id, title, status, author_id from idea where subject_kind = :k and subject_id = :s order by id desc")
                .param("k", kind).param("s", id)
                .query((rs, i) -> new IdeaSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    /** The newest ideas, for choosing one to link. */
    @Transactional(readOnly = true)
    public List<IdeaSummary> recent(int limit) {
        return jdbc.sql("select id, title, status, author_id from idea order by id desc limit :n").param("n", limit)
                .query((rs, i) -> new IdeaSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    /** An experiment as other modules may show it; {@code decision} is null while it runs. */
    public record ExperimentSummary(long id, String title, java.time.LocalDate endsOn, String decision) {
    }

    @Transactional(readOnly = true)
    public Optional<ExperimentSummary> experiment(long id) {
        return jdbc.sql("select id, title, ends_on, decision from experiment where id = :id").param("id", id)
                .query((rs, i) -> new ExperimentSummary(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, java.time.LocalDate.class), rs.getString(4))).optional();
    }

    /** The newest experiments, for choosing one to link. */
    @Transactional(readOnly = true)
    public List<ExperimentSummary> recentExperiments(int limit) {
        return jdbc.sql("select id, title, ends_on, decision from experiment order by id desc limit :n").param("n", limit)
                .query((rs, i) -> new ExperimentSummary(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, java.time.LocalDate.class), rs.getString(4))).list();
    }

    /** How many ideas someone answered since a moment, and how many of those got their first answer on time. */
    public record Answered(int ideas, int onTime) {
    }

    @Transactional(readOnly = true)
    public Answered answeredBy(long personId, java.time.Instant since) {
        return jdbc.sql("""
                        select count(distinct i.id),
                               count(distinct i.id) filter (where (i.first_answered_at at time zone 'Europe/Amsterdam')::date
                                                                   <= i.answer_due_on)
                          from idea_answer a join idea i on i.id = a.idea_id
                         where a.by_id = :p and a.created_at >= :since
                        """)
                .param("p", personId).param("since", java.sql.Timestamp.from(since))
                .query((rs, i) -> new Answered(rs.getInt(1), rs.getInt(2))).single();
    }

    @Transactional(readOnly = true)
    public List<InnovationTeamSummary> innovationTeams() {
        return jdbc.sql("select id, name from innovation_team order by name")
                .query((rs, i) -> new InnovationTeamSummary(rs.getLong(1), rs.getString(2))).list();
    }

    /** Gives an innovation team a challenge to work on; giving it twice changes nothing. */
    @Transactional
    public void assignChallenge(long teamId, long challengeId, String challengeTitle) {
        jdbc.sql("""
                        insert into innovation_team_challenge (team_id, challenge_id, challenge_title)
                        values (:t, :c, :title) on conflict (team_id, challenge_id) do update set challenge_title = :title""")
                .param("t", teamId).param("c", challengeId).param("title", challengeTitle).update();
    }

    /** Takes a challenge away from an innovation team again. */
    @Transactional
    public void unassignChallenge(long teamId, long challengeId) {
        jdbc.sql("delete from innovation_team_challenge where team_id = :t and challenge_id = :c")
                .param("t", teamId).param("c", challengeId).update();
    }

    /** The innovation teams that work on a challenge. */
    @Transactional(readOnly = true)
    public List<InnovationTeamSummary> teamsOn(long challengeId) {
        return jdbc.sql("""
                        select t.id, t.name from innovation_team t join innovation_team_challenge c on c.team_id = t.id
                        where c.challenge_id = :c order by t.name""")
                .param("c", challengeId).query((rs, i) -> new InnovationTeamSummary(rs.getLong(1), rs.getString(2)))
                .list();
    }
}
