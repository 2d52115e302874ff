package nl.meedenken.ideas.internal;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.platform.Notifications;
import nl.meedenken.platform.FormValues;
import nl.meedenken.platform.Like;
import nl.meedenken.platform.Page;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ideas from submission to answer: support (once per colleague), comments, answers with a
 * reason that the submitter and supporters are told, the promised answer date, and what an
 * adopted idea brings.
 */
@Service
public class IdeaBox {

    public static final int PAGE_SIZE = 20;
    public static final int MAX_PHOTO = 5 * 1024 * 1024;
    private static final ZoneId LOCAL = ZoneId.of("Europe/Amsterdam");
    private static final String COLUMNS = """
            i.id, i.title, i.problem, i.proposal, i.category, i.site_id, i.team_id, i.author_id, i.created_at,
            i.answer_due_on, i.status, i.first_answered_at, i.innovation_team_id, i.challenge_id, i.challenge_title,
            (select count(*) from idea_support s where s.idea_id = i.id) as supporters,
            exists (select 1 from idea_photo p where p.idea_id = i.id) as has_photo, i.without_account, i.guest_name""";
    /** Letters and digits that are hard to mix up when read from a note, as in the follow-up codes of reports. */
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private final java.security.SecureRandom random = new java.security.SecureRandom();

    private final JdbcClient jdbc;
    private final People people;
    private final Notifications notifications;
    private final Clock clock;
    private final int answerDays;

    IdeaBox(JdbcClient jdbc, People people, Notifications notifications, Clock clock,
            @Value("${meedenken.ideas.answer-days:14}") int answerDays) {
        this.jdbc = jdbc;
        this.people = people;
        this.notifications = notifications;
        this.clock = clock;
        this.answerDays = answerDays;
    }

    public int answerDays() {
        return answerDays;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(LOCAL));
    }

    /** What a person writes down. */
    public record NewIdea(String title, String problem, String proposal, Category category, Long siteId, Long teamId,
                          String submissionKey) {
    }

    /** A photo as uploaded: its bytes decide what it is, not its name. */
    public record Photo(byte[] bytes) {

        /**
         * The same picture decoded and written again, which drops what a camera adds (place,
         * time, device). A file that does not decode is refused as not being a photo.
         */
        Photo withoutMetadata() {
            nl.meedenken.platform.Pictures.tooLarge(bytes).ifPresent(size -> {
                throw new InvalidIdea("photo", "pictures.error.tooManyPixels",
                        nl.meedenken.platform.Pictures.tooLargeArguments(size));
            });
            return new Photo(nl.meedenken.platform.Pictures.withoutMetadata(bytes)
                    .orElseThrow(() -> new InvalidIdea("photo", "ideas.error.photoType")));
        }

        public String contentType() {
            return nl.meedenken.platform.Pictures.contentType(bytes);
        }
    }

    @Transactional
    public long submit(NewIdea idea, long authorId, Photo photo) {
        return submit(idea, authorId, photo, clock.instant());
    }

    /** Submits an idea about something of another module, stored with its link in one transaction. */
    @Transactional
    public long submit(NewIdea idea, long authorId, Photo photo, nl.meedenken.ideas.Ideas.Subject subject) {
        long id = submit(idea, authorId, photo, clock.instant());
        if (subject != null) {
            jdbc.sql("update idea set subject_kind = :k, subject_id = :s, subject_title = :t where id = :id")
                    .param("k", subject.kind()).param("s", subject.id())
                    .param("t", subject.title().length() > 200 ? subject.title().substring(0, 200) : subject.title())
                    .param("id", id).update();
        }
        return id;
    }

    @Transactional
    public long submit(NewIdea idea, long authorId, Photo photo, Instant at) {
        String title = text(idea.title(), "title", 150);
        String problem = text(idea.problem(), "problem", 4000);
        String proposal = text(idea.proposal(), "proposal", 4000);
        if (idea.category() == null) {
            throw new InvalidIdea("category", "ideas.error.category");
        }
        if (idea.siteId() != null && people.sites().stream().noneMatch(s -> s.id().value() == idea.siteId())) {
            throw new InvalidIdea("siteId", "ideas.error.site");
        }
        if (idea.teamId() != null && people.teams().stream().noneMatch(t -> t.id().value() == idea.teamId())) {
            throw new InvalidIdea("teamId", "ideas.error.team");
        }
        String type = null;
        if (photo != null && photo.bytes().length > 0) {
            if (photo.bytes().length > MAX_PHOTO) {
                throw new InvalidIdea("photo", "ideas.error.photoSize");
            }
            type = photo.contentType();
            if (type == null) {
                throw new InvalidIdea("photo", "ideas.error.photoType");
            }
            photo = photo.withoutMetadata();
        }
        String key = idea.submissionKey() != null && idea.submissionKey().matches("[A-Za-z0-9-]{1,36}")
                ? idea.submissionKey() : null;
        if (key != null) {
            Optional<Long> earlier = jdbc.sql("select id from idea where submission_key = :k").param("k", key)
                    .query(Long.class).optional();
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Optional<Long> stored = jdbc.sql("""
                        insert into idea (title, problem, proposal, category, site_id, team_id, author_id, created_at,
                                          answer_due_on, submission_key)
                        values (:title, :problem, :proposal, :category, :site, :team, :author, :at, :due, :key)
                        on conflict (submission_key) do nothing returning id""")
                .param("title", title).param("problem", problem).param("proposal", proposal)
                .param("category", idea.category().name()).param("site", idea.siteId()).param("team", idea.teamId())
                .param("author", authorId).param("at", Timestamp.from(at))
                .param("due", LocalDate.ofInstant(at, LOCAL).plusDays(answerDays)).param("key", key)
                .query(Long.class).optional();
        if (stored.isEmpty()) {
            // the same form arrived twice at the same moment: the other request stored it
            return jdbc.sql("select id from idea where submission_key = :k").param("k", key).query(Long.class).single();
        }
        long id = stored.get();
        if (type != null) {
            jdbc.sql("insert into idea_photo (idea_id, content_type, bytes) values (:id, :type, :bytes)")
                    .param("id", id).param("type", type).param("bytes", photo.bytes()).update();
        }
        return id;
    }

    /** What someone without an account writes from a site's poster: the proposal, name and phone number may stay empty. */
    public record GuestIdea(String title, String problem, String proposal, String name, String phone, long siteId,
                            String submissionKey) {
    }

    /** An idea sent without an account, and the follow-up code shown once; {@code repeated}: sent before, nothing new stored. */
    public record SentWithoutAccount(long id, String followUpCode, boolean repeated) {
    }

    /**
     * Stores an idea of someone without an account. Colleagues see it like any other idea, marked as
     * sent without an account (with the name, if one was given); the phone number is for management
     * only. The guest reads the answer with the follow-up code, of which only a hash is kept.
     */
    @Transactional
    public SentWithoutAccount submitWithoutAccount(GuestIdea idea) {
        Instant at = clock.instant();
        String title = text(idea.title(), "title", 150);
        String problem = text(idea.problem(), "problem", 4000);
        String proposal = FormValues.text(idea.proposal(), "proposal", 4000, false, InvalidIdea::new);
        String name = FormValues.text(idea.name(), "name", 80, false, InvalidIdea::new);
        String phone = FormValues.text(idea.phone(), "phone", 30, false, InvalidIdea::new);
        if (phone != null && !phone.matches("\\+?[0-9 ()-]{6,30}")) {
            throw new InvalidIdea("phone", "ideas.guest.error.phone");
        }
        if (people.sites().stream().noneMatch(s -> s.id().value() == idea.siteId())) {
            throw new InvalidIdea("siteId", "ideas.error.site");
        }
        String key = idea.submissionKey() != null && idea.submissionKey().matches("[A-Za-z0-9-]{1,36}")
                ? idea.submissionKey() : null;
        if (key != null) {
            Optional<Long> earlier = jdbc.sql("select id from idea where submission_key = :k").param("k", key)
                    .query(Long.class).optional();
            if (earlier.isPresent()) {
                return new SentWithoutAccount(earlier.get(), null, true);
            }
        }
        String code = newCode();
        Optional<Long> stored = jdbc.sql("""
                        insert into idea (title, problem, proposal, category, site_id, author_id, created_at,
                                          answer_due_on, submission_key, without_account, guest_name, guest_phone,
                                          follow_up_hash)
                        values (:title, :problem, :proposal, 'OTHER', :site, null, :at, :due, :key, true, :name, :phone,
                                :hash)
                        on conflict (submission_key) do nothing returning id""")
                .param("title", title).param("problem", problem).param("proposal", proposal == null ? "" : proposal)
                .param("site", idea.siteId()).param("at", Timestamp.from(at))
                .param("due", LocalDate.ofInstant(at, LOCAL).plusDays(answerDays)).param("key", key)
                .param("name", name).param("phone", phone).param("hash", hash(code))
                .query(Long.class).optional();
        if (stored.isEmpty()) {
            long earlier = jdbc.sql("select id from idea where submission_key = :k").param("k", key)
                    .query(Long.class).single();
            return new SentWithoutAccount(earlier, null, true);
        }
        return new SentWithoutAccount(stored.get(), code, false);
    }

    /** The idea behind a follow-up code, if the code is right. */
    @Transactional(readOnly = true)
    public Optional<Idea> byCode(String code) {
        if (code == null || normalise(code).length() != 12) {
            return Optional.empty();
        }
        Map<Long, String> names = new HashMap<>();
        return jdbc.sql("select " + COLUMNS + " from idea i where i.follow_up_hash = :h").param("h", hash(code))
                .query((rs, n) -> idea(rs, names)).optional();
    }

    /** The phone number a guest left for the answer; only management may read it. */
    @Transactional(readOnly = true)
    public Optional<String> guestPhone(long ideaId) {
        return jdbc.sql("select guest_phone from idea where id = :id and without_account").param("id", ideaId)
                .query(String.class).optional().filter(p -> p != null && !p.isBlank());
    }

    String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    static String normalise(String code) {
        return code.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    static String hash(String code) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("meedenken-idea-follow-up:" + normalise(code))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A colleague supports an idea; once, and not one's own. */
    @Transactional
    public void support(long ideaId, long personId) {
        Idea idea = find(ideaId).orElseThrow(() -> new InvalidIdea("idea", "ideas.error.unknown"));
        if (idea.authorId() == personId) {
            throw new InvalidIdea("support", "ideas.error.ownIdea");
        }
        int added = jdbc.sql("""
                        insert into idea_support (idea_id, person_id, created_at) values (:i, :p, :at)
                        on conflict do nothing""")
                .param("i", ideaId).param("p", personId).param("at", Timestamp.from(clock.instant())).update();
        if (added == 0) {
            throw new InvalidIdea("support", "ideas.error.alreadySupported");
        }
    }

    public boolean supports(long ideaId, long personId) {
        return jdbc.sql("select count(*) from idea_support where idea_id = :i and person_id = :p")
                .param("i", ideaId).param("p", personId).query(Integer.class).single() > 0;
    }

    @Transactional
    public void comment(long ideaId, long authorId, String text) {
        comment(ideaId, authorId, text, clock.instant());
    }

    @Transactional
    public void comment(long ideaId, long authorId, String text, Instant at) {
        Idea idea = find(ideaId).orElseThrow(() -> new InvalidIdea("idea", "ideas.error.unknown"));
        String body = text(text, "comment", 2000);
        jdbc.sql("insert into idea_comment (idea_id, author_id, text, created_at) values (:i, :a, :t, :at)")
                .param("i", ideaId).param("a", authorId).param("t", body).param("at", Timestamp.from(at)).update();
        if (!idea.withoutAccount()) {
            notifications.tellAsOf(at, List.of(idea.authorId()), authorId, "ideas.notify.comment", "/ideas/" + ideaId,
                    name(authorId), idea.title());
        }
    }

    /**
     * Answers an idea with a status and a reason; only team leads and management may. The
     * submitter and everyone who supports the idea are told.
     */
    @Transactional
    public void answer(long ideaId, IdeaStatus status, String reason, long byId, String byName, boolean mayAnswer) {
        answer(ideaId, status, reason, byId, byName, mayAnswer, clock.instant());
    }

    @Transactional
    public void answer(long ideaId, IdeaStatus status, String reason, long byId, String byName, boolean mayAnswer,
                       Instant at) {
        if (!mayAnswer) {
            throw new InvalidIdea("status", "ideas.error.onlyLeads");
        }
        Idea idea = find(ideaId).orElseThrow(() -> new InvalidIdea("idea", "ideas.error.unknown"));
        if (status == null || status == IdeaStatus.SUBMITTED) {
            throw new InvalidIdea("status", "ideas.error.status");
        }
        String why = text(reason, "reason", 2000);
        if (status == idea.status()) {
            throw new InvalidIdea("status", "ideas.error.sameStatus");
        }
        jdbc.sql("""
                        update idea set status = :s, first_answered_at = coalesce(first_answered_at, :at)
                        where id = :id""")
                .param("s", status.name()).param("at", Timestamp.from(at)).param("id", ideaId).update();
        jdbc.sql("""
                        insert into idea_answer (idea_id, status, reason, by_id, by_name, created_at)
                        values (:i, :s, :r, :by, :name, :at)""")
                .param("i", ideaId).param("s", status.name()).param("r", why).param("by", byId).param("name", byName)
                .param("at", Timestamp.from(at)).update();
        if (status == IdeaStatus.ADOPTED) {
            jdbc.sql("""
                            insert into idea_impact (idea_id, adopted_on, changed_by, changed_at) values (:i, :on, :by, :at)
                            on conflict (idea_id) do update set adopted_on = :on""")
                    .param("i", ideaId).param("on", LocalDate.ofInstant(at, LOCAL)).param("by", byName)
                    .param("at", Timestamp.from(at)).update();
        }
        List<Long> told = new ArrayList<>(jdbc.sql("select person_id from idea_support where idea_id = :i")
                .param("i", ideaId).query(Long.class).list());
        if (!idea.withoutAccount()) {
            told.add(0, idea.authorId());
        }
        notifications.tellAsOf(at, told, byId, "ideas.notify.answered." + status.name(), "/ideas/" + ideaId,
                idea.title(), byName);
    }

    /** Records what an adopted idea is expected to bring and what it brought. */
    @Transactional
    public void impact(long ideaId, Impact impact, String by) {
        Idea idea = find(ideaId).orElseThrow(() -> new InvalidIdea("idea", "ideas.error.unknown"));
        if (idea.status() != IdeaStatus.ADOPTED) {
            throw new InvalidIdea("impact", "ideas.error.impactOnlyAdopted");
        }
        within(impact.expectedEuros(), 999_999_999_999L);
        within(impact.realisedEuros(), 999_999_999_999L);
        within(impact.expectedHours(), 9_999_999L);
        within(impact.realisedHours(), 9_999_999L);
        within(impact.expectedCo2Kg(), 9_999_999_999L);
        within(impact.realisedCo2Kg(), 9_999_999_999L);
        jdbc.sql("""
                        update idea_impact set expected_euros = :ee, expected_hours = :eh, expected_co2_kg = :ec,
                               expected_safety = :es, realised_euros = :re, realised_hours = :rh, realised_co2_kg = :rc,
                               realised_safety = :rs, changed_by = :by, changed_at = :at where idea_id = :id""")
                .param("ee", impact.expectedEuros()).param("eh", impact.expectedHours())
                .param("ec", impact.expectedCo2Kg()).param("es", optional(impact.expectedSafety(), 500))
                .param("re", impact.realisedEuros()).param("rh", impact.realisedHours())
                .param("rc", impact.realisedCo2Kg()).param("rs", optional(impact.realisedSafety(), 500))
                .param("by", by).param("at", Timestamp.from(clock.instant())).param("id", ideaId).update();
    }

    private static void within(BigDecimal value, long most) {
        if (value != null && (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(most)) > 0)) {
            throw new InvalidIdea("impact", "ideas.error.impactNumber");
        }
    }

    @Transactional
    public void toInnovationTeam(long ideaId, Long teamId) {
        jdbc.sql("update idea set innovation_team_id = :t where id = :id").param("t", teamId).param("id", ideaId)
                .update();
    }

    // ---- reading

    @Transactional(readOnly = true)
    public Optional<Idea> find(long id) {
        Map<Long, String> names = new HashMap<>();
        return jdbc.sql("select " + COLUMNS + " from idea i where i.id = :id").param("id", id)
                .query((rs, n) -> idea(rs, names)).optional();
    }

    @Transactional(readOnly = true)
    public List<Answer> answers(long ideaId) {
        return jdbc.sql("select status, reason, by_name, created_at from idea_answer where idea_id = :i order by id")
                .param("i", ideaId)
                .query((rs, n) -> new Answer(IdeaStatus.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).list();
    }

    /** The text of one comment. */
    @Transactional(readOnly = true)
    public Optional<String> comment(long commentId) {
        return jdbc.sql("select text from idea_comment where id = :id").param("id", commentId).query(String.class).optional();
    }

    @Transactional(readOnly = true)
    public List<Comment> comments(long ideaId) {
        Map<Long, String> names = new HashMap<>();
        return jdbc.sql("select id, author_id, text, created_at from idea_comment where idea_id = :i order by id")
                .param("i", ideaId)
                .query((rs, n) -> new Comment(rs.getLong(1), names.computeIfAbsent(rs.getLong(2), this::name),
                        rs.getString(3), rs.getTimestamp(4).toInstant())).list();
    }

    @Transactional(readOnly = true)
    public Optional<Impact> impact(long ideaId) {
        return jdbc.sql("""
                        select expected_euros, expected_hours, expected_co2_kg, expected_safety, realised_euros,
                               realised_hours, realised_co2_kg, realised_safety, adopted_on from idea_impact where idea_id = :i""")
                .param("i", ideaId)
                .query((rs, n) -> new Impact(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8),
                        rs.getObject(9, LocalDate.class))).optional();
    }

    @Transactional(readOnly = true)
    public Optional<Photo> photo(long ideaId) {
        return jdbc.sql("select bytes from idea_photo where idea_id = :i").param("i", ideaId)
                .query((rs, n) -> new Photo(rs.getBytes(1))).optional();
    }

    /** Which ideas a list shows; empty fields do not filter. */
    public record Filter(String search, IdeaStatus status, Category category, Long siteId, Long teamId,
                         boolean overdueOnly, Long innovationTeamId, Long authorId) {

        public static Filter none() {
            return new Filter(null, null, null, null, null, false, null, null);
        }
    }

    @Transactional(readOnly = true)
    public Page<Idea> search(Filter filter, int page) {
        List<String> where = new ArrayList<>(List.of("true"));
        Map<String, Object> params = new HashMap<>();
        if (filter.search() != null && !filter.search().isBlank()) {
            where.add("(i.title ilike :q or i.problem ilike :q or i.proposal ilike :q)");
            params.put("q", Like.containing(filter.search()));
        }
        if (filter.status() != null) {
            where.add("i.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.category() != null) {
            where.add("i.category = :category");
            params.put("category", filter.category().name());
        }
        if (filter.siteId() != null) {
            where.add("i.site_id = :site");
            params.put("site", filter.siteId());
        }
        if (filter.teamId() != null) {
            where.add("i.team_id = :team");
            params.put("team", filter.teamId());
        }
        if (filter.overdueOnly()) {
            where.add("i.first_answered_at is null and i.answer_due_on < :today");
            params.put("today", today());
        }
        if (filter.innovationTeamId() != null) {
            where.add("i.innovation_team_id = :it");
            params.put("it", filter.innovationTeamId());
        }
        if (filter.authorId() != null) {
            where.add("i.author_id = :author");
            params.put("author", filter.authorId());
        }
        String condition = String.join(" and ", where);
        long total = jdbc.sql("select count(*) from idea i where " + condition).params(params).query(Long.class).single();
        int number = Page.clamp(page, total, PAGE_SIZE);
        params.put("limit", PAGE_SIZE);
        params.put("offset", number * PAGE_SIZE);
        Map<Long, String> names = new HashMap<>();
        List<Idea> items = jdbc.sql("select " + COLUMNS + " from idea i where " + condition
                        + " order by i.created_at desc, i.id desc limit :limit offset :offset")
                .params(params).query((rs, n) -> idea(rs, names)).list();
        return new Page<>(items, number, PAGE_SIZE, total);
    }

    @Transactional(readOnly = true)
    public long overdue() {
        return jdbc.sql("select count(*) from idea where first_answered_at is null and answer_due_on < :today")
                .param("today", today()).query(Long.class).single();
    }

    private Idea idea(ResultSet rs, Map<Long, String> names) throws SQLException {
        Timestamp answered = rs.getTimestamp("first_answered_at");
        long author = rs.getLong("author_id");
        boolean guest = rs.getBoolean("without_account");
        return new Idea(rs.getLong("id"), rs.getString("title"), rs.getString("problem"), rs.getString("proposal"),
                Category.valueOf(rs.getString("category")), rs.getObject("site_id", Long.class),
                rs.getObject("team_id", Long.class), author,
                guest ? rs.getString("guest_name") : names.computeIfAbsent(author, this::name),
                rs.getTimestamp("created_at").toInstant(), rs.getObject("answer_due_on", LocalDate.class),
                IdeaStatus.valueOf(rs.getString("status")), answered == null ? null : answered.toInstant(),
                rs.getObject("innovation_team_id", Long.class), rs.getObject("challenge_id", Long.class),
                rs.getString("challenge_title"), rs.getInt("supporters"), rs.getBoolean("has_photo"), guest);
    }

    String name(long personId) {
        return people.find(new PersonId(personId)).map(PersonSummary::name).orElse("?");
    }

    static String text(String raw, String field, int max) {
        return FormValues.text(raw, field, max, true, InvalidIdea::new);
    }

    static String optional(String raw, int max) {
        String value = raw == null ? "" : raw.replace("\r\n", "\n").strip();
        if (value.length() > max) {
            throw new InvalidIdea("impact", "validation.tooLong", max);
        }
        return value.isEmpty() ? null : value;
    }
}
