package nl.meedenken.scan.internal;

import nl.meedenken.platform.AuditEntry;
import nl.meedenken.platform.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Creating, opening and closing scan campaigns. */
@Service
public class Campaigns {

    public static final int DEFAULT_MIN_GROUP = 5;
    public static final int LOWEST_MIN_GROUP = 3;

    /** What management fills in for a new campaign. */
    public record Draft(String title, LocalDate opensOn, LocalDate closesOn, Integer minGroupSize,
                        List<Long> targetSites, List<Long> targetTeams) {
    }

    /** A short pulse with some dimensions and/or own statements, started by another module. */
    public record Pulse(String title, List<String> dimensions, List<CustomStatement> statements,
                        List<Long> targetTeams, LocalDate opensOn, LocalDate closesOn, String origin,
                        List<Long> excludedPeople, boolean restricted, CustomStatement intro) {

        public Pulse(String title, List<String> dimensions, List<CustomStatement> statements, List<Long> targetTeams,
                     LocalDate closesOn, String origin) {
            this(title, dimensions, statements, targetTeams, null, closesOn, origin, List.of(), false, null);
        }
    }

    /** A pulse's own text in Dutch, English and, by language code, the other languages it was written in. */
    public record CustomStatement(String nl, String en, java.util.Map<String, String> translations) {

        public CustomStatement {
            translations = translations == null ? java.util.Map.of() : java.util.Map.copyOf(translations);
        }

        public CustomStatement(String nl, String en) {
            this(nl, en, java.util.Map.of());
        }

        public Text text() {
            return new Text(nl, en, new java.util.TreeMap<>(translations));
        }
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private static String json(java.util.Map<String, String> translations) {
        return JSON.writeValueAsString(new java.util.TreeMap<>(translations));
    }

    private static CustomStatement customStatement(ResultSet rs, int row) throws SQLException {
        String stored = rs.getString(3);
        java.util.Map<String, String> translations = stored == null || stored.isBlank() ? java.util.Map.of()
                : JSON.readValue(stored, new tools.jackson.core.type.TypeReference<java.util.Map<String, String>>() { });
        return new CustomStatement(rs.getString(1), rs.getString(2), translations);
    }

    private static final String SELECT = """
            select id, title, instrument_id, kind, dimensions, opens_on, closes_on, min_group_size, status,
                   target_sites, target_teams, origin, excluded_people, restricted from scan_campaign
            """;

    private final JdbcClient jdbc;
    private final Instruments instruments;
    private final Clock clock;
    private final SheetRelease release;
    private final AuditLog audit;

    Campaigns(JdbcClient jdbc, Instruments instruments, Clock clock, SheetRelease release, AuditLog audit) {
        this.jdbc = jdbc;
        this.release = release;
        this.instruments = instruments;
        this.clock = clock;
        this.audit = audit;
    }

    /** The subject under which everything about a campaign is in the audit log. */
    public static String auditSubject(long campaignId) {
        return "scan campaign #" + campaignId;
    }

    @Transactional
    public long create(Draft draft, String actor) {
        String title = draft.title() == null ? "" : draft.title().strip();
        if (title.isEmpty()) {
            throw new InvalidScanInput("title", "validation.required");
        }
        if (title.length() > 200) {
            throw new InvalidScanInput("title", "validation.tooLong", 200);
        }
        if (draft.opensOn() == null) {
            throw new InvalidScanInput("opensOn", "validation.required");
        }
        if (draft.closesOn() == null) {
            throw new InvalidScanInput("closesOn", "validation.required");
        }
        if (draft.closesOn().isBefore(draft.opensOn())) {
            throw new InvalidScanInput("closesOn", "scan.error.closesBeforeOpens");
        }
        int k = draft.minGroupSize() == null ? DEFAULT_MIN_GROUP : draft.minGroupSize();
        if (k < LOWEST_MIN_GROUP || k > 50) {
            throw new InvalidScanInput("minGroupSize", "scan.error.minGroupSize", LOWEST_MIN_GROUP);
        }
        long id = insert(title, "FULL", null, draft.opensOn(), draft.closesOn(), k, draft.targetSites(),
                draft.targetTeams(), null, actor);
        audit.record(AuditEntry.Type.SCAN_CAMPAIGN_CREATED, actor, auditSubject(id), null,
                "\"" + title + "\", " + draft.opensOn() + " to " + draft.closesOn() + ", k=" + k + ", sites="
                        + (draft.targetSites() == null ? List.of() : draft.targetSites()) + ", teams="
                        + (draft.targetTeams() == null ? List.of() : draft.targetTeams()));
        return id;
    }

    /** Starts a pulse right away; used by other modules through {@code Scans}. */
    @Transactional
    public long startPulse(Pulse pulse, String actor) {
        Instrument instrument = instruments.get(instruments.latestId());
        for (String dimension : pulse.dimensions()) {
            if (instrument.dimension(dimension).isEmpty()) {
                throw new InvalidScanInput("dimensions", "scan.error.unknownDimension", dimension);
            }
        }
        if (pulse.dimensions().isEmpty() && pulse.statements().isEmpty()) {
            throw new InvalidScanInput("dimensions", "scan.error.emptyPulse");
        }
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Amsterdam")));
        if (pulse.title() == null || pulse.title().isBlank() || pulse.title().length() > 200) {
            throw new InvalidScanInput("title", "validation.required");
        }
        LocalDate opensOn = pulse.opensOn() == null ? today : pulse.opensOn();
        if (opensOn.isAfter(today)) {
            throw new InvalidScanInput("opensOn", "scan.error.pulseOpensLater");
        }
        if (pulse.closesOn() == null || pulse.closesOn().isBefore(opensOn)
                || (pulse.opensOn() == null && pulse.closesOn().isBefore(today))) {
            throw new InvalidScanInput("closesOn", "scan.error.closesBeforeOpens");
        }
        long id = insert(pulse.title().strip(), "PULSE", pulse.dimensions(), opensOn, pulse.closesOn(), DEFAULT_MIN_GROUP,
                List.of(), pulse.targetTeams(), pulse.origin(), actor);
        audit.record(AuditEntry.Type.SCAN_CAMPAIGN_CREATED, actor, auditSubject(id), null,
                "pulse \"" + pulse.title().strip() + "\", " + opensOn + " to " + pulse.closesOn() + ", teams="
                        + pulse.targetTeams() + (pulse.origin() == null ? "" : ", from " + pulse.origin()));
        if (!pulse.excludedPeople().isEmpty() || pulse.restricted()) {
            jdbc.sql("update scan_campaign set excluded_people = :people, restricted = :restricted where id = :id")
                    .param("people", pulse.excludedPeople().toArray(Long[]::new))
                    .param("restricted", pulse.restricted()).param("id", id).update();
        }
        if (pulse.intro() != null) {
            jdbc.sql("insert into scan_pulse_intro (campaign_id, text_nl, text_en, translations)"
                            + " values (:id, :nl, :en, cast(:translations as jsonb))")
                    .param("id", id).param("nl", pulse.intro().nl()).param("en", pulse.intro().en())
                    .param("translations", json(pulse.intro().translations())).update();
        }
        int position = 0;
        for (CustomStatement statement : pulse.statements()) {
            position++;
            jdbc.sql("""
                            insert into scan_custom_item (campaign_id, code, position, text_nl, text_en, translations)
                            values (:id, :code, :position, :nl, :en, cast(:translations as jsonb))
                            """)
                    .param("id", id).param("code", "custom_" + position).param("position", position)
                    .param("nl", statement.nl()).param("en", statement.en())
                    .param("translations", json(statement.translations())).update();
        }
        open(id, actor);
        return id;
    }

    private long insert(String title, String kind, List<String> dimensions, LocalDate opensOn, LocalDate closesOn,
                        int k, List<Long> sites, List<Long> teams, String origin, String actor) {
        return jdbc.sql("""
                        insert into scan_campaign (title, instrument_id, kind, dimensions, opens_on, closes_on,
                               min_group_size, target_sites, target_teams, origin, created_by, created_at)
                        values (:title, :instrument, :kind, :dimensions, :opens, :closes, :k, :sites, :teams, :origin,
                                :by, :at)
                        returning id
                        """)
                .param("title", title).param("instrument", instruments.latestId()).param("kind", kind)
                .param("dimensions", dimensions == null ? null : dimensions.toArray(String[]::new))
                .param("opens", opensOn).param("closes", closesOn).param("k", k)
                .param("sites", (sites == null ? List.<Long>of() : sites).toArray(Long[]::new))
                .param("teams", (teams == null ? List.<Long>of() : teams).toArray(Long[]::new))
                .param("origin", origin).param("by", actor).param("at", Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    @Transactional
    public void open(long id, String actor) {
        int changed = jdbc.sql("update scan_campaign set status = 'OPEN', opened_at = :at where id = :id and status = 'DRAFT'")
                .param("at", Timestamp.from(clock.instant())).param("id", id).update();
        if (changed == 0) {
            throw new InvalidScanInput("status", "scan.error.notDraft");
        }
        audit.record(AuditEntry.Type.SCAN_CAMPAIGN_OPENED, actor, auditSubject(id), null, null);
    }

    /**
     * Closes the campaign and, in the same transaction, releases every sheet still pending into
     * the results, so that the results of a closed campaign are complete and never change again.
     */
    @Transactional
    public void close(long id, String actor) {
        if (!closeIfOpen(id, actor)) {
            throw new InvalidScanInput("status", "scan.error.notOpen");
        }
    }

    /** Closes the campaign if it is still open; closing twice (or two requests at once) changes nothing. */
    @Transactional
    public boolean closeIfOpen(long id, String actor) {
        // the update locks the campaign row: sheets being sent (share lock) and a running release finish first
        boolean closed = jdbc.sql("update scan_campaign set status = 'CLOSED', closed_at = :at where id = :id and status = 'OPEN'")
                .param("at", Timestamp.from(clock.instant())).param("id", id).update() == 1;
        if (closed) {
            release.releaseAll(id);
            audit.record(AuditEntry.Type.SCAN_CAMPAIGN_CLOSED, actor, auditSubject(id), null, null);
        }
        return closed;
    }

    /** Sheets of a campaign that came by paper code (a count kept when each is sent). */
    @Transactional(readOnly = true)
    public int codeSheets(long campaignId) {
        return jdbc.sql("select code_sheets from scan_campaign where id = :id").param("id", campaignId)
                .query(Integer.class).optional().orElse(0);
    }

    @Transactional(readOnly = true)
    public Optional<Campaign> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(Campaigns::map).optional();
    }

    /** Every campaign the scan's own pages list: restricted pulses belong to the module that started them. */
    @Transactional(readOnly = true)
    public List<Campaign> all() {
        return jdbc.sql(SELECT + " where not restricted order by opens_on desc, id desc").query(Campaigns::map).list();
    }

    /** Closed full scans, oldest first, for trends over time. */
    @Transactional(readOnly = true)
    public List<Campaign> closedScans() {
        return jdbc.sql(SELECT + " where kind = 'FULL' and status = 'CLOSED' order by opens_on, id")
                .query(Campaigns::map).list();
    }

    @Transactional(readOnly = true)
    public List<Campaign> open() {
        return jdbc.sql(SELECT + " where status = 'OPEN' order by closes_on, id").query(Campaigns::map).list();
    }

    /** The closed campaign of the same questionnaire before this one, for the trend. */
    @Transactional(readOnly = true)
    public Optional<Campaign> previous(Campaign campaign) {
        return jdbc.sql(SELECT + """
                         where instrument_id = :instrument and kind = 'FULL' and status = 'CLOSED'
                           and opens_on < :opens and id <> :id
                        order by opens_on desc limit 1
                        """)
                .param("instrument", campaign.instrumentId()).param("opens", campaign.opensOn())
                .param("id", campaign.id()).query(Campaigns::map).optional();
    }

    @Transactional(readOnly = true)
    public List<CustomStatement> customStatements(long campaignId) {
        return jdbc.sql("select text_nl, text_en, translations from scan_custom_item where campaign_id = :id order by position")
                .param("id", campaignId).query(Campaigns::customStatement).list();
    }

    /** The words a pulse shows above its own statements, if it has any. */
    @Transactional(readOnly = true)
    public Optional<CustomStatement> intro(long campaignId) {
        return jdbc.sql("select text_nl, text_en, translations from scan_pulse_intro where campaign_id = :id")
                .param("id", campaignId).query(Campaigns::customStatement).optional();
    }

    /** The number of answers as pages may show it (see {@link Count}). */
    @Transactional(readOnly = true)
    public Count responseCount(long campaignId) {
        int k = find(campaignId).map(Campaign::minGroupSize).orElse(DEFAULT_MIN_GROUP);
        return new Count(responses(campaignId), k);
    }

    /**
     * The questionnaire version a campaign asked and the languages its released answers came in.
     * A language is named only when at least the campaign's minimum group answered in it: naming
     * the one language a single colleague reads would point at that colleague.
     */
    /** {@code named}: the languages' own names, most answers first. */
    public record AnswerLanguages(int version, int languages, List<String> named, boolean othersUnnamed) {
        public boolean several() {
            return languages > 1;
        }
    }

    @Transactional(readOnly = true)
    public AnswerLanguages answerLanguages(long campaignId) {
        Campaign campaign = find(campaignId).orElseThrow();
        int version = jdbc.sql("select version from scan_instrument where id = :id").param("id", campaign.instrumentId())
                .query(Integer.class).single();
        record Used(String language, int answers) {
        }
        List<Used> used = jdbc.sql("""
                        select language, count(*) from scan_response where campaign_id = :id
                        group by language order by count(*) desc, language
                        """)
                .param("id", campaignId).query((rs, i) -> new Used(rs.getString(1), rs.getInt(2))).list();
        List<String> named = used.stream().filter(u -> u.answers() >= campaign.minGroupSize())
                .map(u -> nl.meedenken.platform.Language.fromCode(u.language()).map(nl.meedenken.platform.Language::nativeName)
                        .orElse(u.language()))
                .toList();
        return new AnswerLanguages(version, used.size(), named, named.size() < used.size());
    }

    /** How many sheets were sent: those released into the results and those still pending. */
    @Transactional(readOnly = true)
    public int responses(long campaignId) {
        return jdbc.sql("""
                        select (select coalesce(sum(responses), 0) from scan_group_count where campaign_id = :id)
                             + (select count(*) from scan_pending_sheet where campaign_id = :id)
                        """)
                .param("id", campaignId).query(Integer.class).single();
    }

    private static Campaign map(ResultSet rs, int row) throws SQLException {
        return new Campaign(rs.getLong("id"), rs.getString("title"), rs.getLong("instrument_id"),
                Campaign.Kind.valueOf(rs.getString("kind")), strings(rs.getArray("dimensions")),
                rs.getObject("opens_on", LocalDate.class), rs.getObject("closes_on", LocalDate.class),
                rs.getInt("min_group_size"), Campaign.Status.valueOf(rs.getString("status")),
                longs(rs.getArray("target_sites")), longs(rs.getArray("target_teams")), rs.getString("origin"),
                longs(rs.getArray("excluded_people")), rs.getBoolean("restricted"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static List<Long> longs(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
    }
}
