package nl.meedenken.scan.internal;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.TeamSummary;
import nl.meedenken.platform.AuditEntry;
import nl.meedenken.platform.AuditLog;
import nl.meedenken.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Single-use codes for employees without an account, printed on slips with a QR code.
 * 14 characters from 31 unambiguous letters and digits: 31^14, about 69.4 random bits.
 *
 * <p>Only real people count: a campaign gets at most as many codes as it has people without
 * an account in its target groups (from the organisation), counting every batch asked for
 * and not declined. A batch is a request for codes; the codes themselves are made, and shown
 * once, only when the batch is printed, so nothing but a keyed hash of a code is ever stored.
 * When the works council wants it (a setting only the council switches), a batch waits until
 * a council member who did not ask for it co-signs it. Every request, co-signature, refusal
 * and print is in the audit log under the campaign's subject.
 *
 * <p>Stored hashes are {@code HMAC(scan secret, "code:" + SHA-256("scan:" + code))}
 * ({@code hash_kind = 'HMAC'}). Rows from before V23 hold the bare SHA-256
 * ({@code 'SHA256'}); they are still accepted, and re-keyed when the application starts.
 */
@Service
public class ParticipationCodes {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 14;
    public static final int MAX_PER_BATCH = 500;
    static final String COSIGN_SETTING = "council-cosigns-codes";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(ParticipationCodes.class);
    private static final java.security.SecureRandom SHUFFLE = new java.security.SecureRandom();

    /** One printed slip: the code and a QR code (as SVG) that opens the answer page with it. */
    public record Slip(String code, String qrSvg) {
    }

    /** A request for codes, and where it stands. */
    public record Batch(long id, long campaignId, int size, Status status, long requestedByPerson, String requestedBy,
                        Instant requestedAt, Long cosignedByPerson, String cosignedBy, Instant cosignedAt,
                        Instant printedAt) {

        public enum Status {
            /** waits for a works-council member */ PENDING,
            /** may be printed by the person who asked */ APPROVED,
            DECLINED,
            PRINTED;

            public String labelKey() {
                return "scan.codes.status." + name();
            }
        }

        public boolean pending() {
            return status == Status.PENDING;
        }

        public boolean printable() {
            return status == Status.APPROVED;
        }
    }

    /** A code that opens an open campaign, with the hash as stored (of either kind). */
    record Found(long campaignId, String storedHash) {
    }

    private final JdbcClient jdbc;
    private final ParticipationSecret secret;
    private final People people;
    private final Campaigns campaigns;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final boolean cosignByDefault;

    ParticipationCodes(JdbcClient jdbc, ParticipationSecret secret, People people, Campaigns campaigns, AuditLog audit,
                       Clock clock, TransactionTemplate transaction,
                       @Value("${meedenken.scan.council-cosigns-codes:false}") boolean cosignByDefault) {
        this.jdbc = jdbc;
        this.secret = secret;
        this.people = people;
        this.campaigns = campaigns;
        this.audit = audit;
        this.clock = clock;
        this.transaction = transaction;
        this.cosignByDefault = cosignByDefault;
    }

    // --- how many codes a campaign may have ---

    /** People without an account whom the campaign asks: the most codes it may ever get. */
    @Transactional(readOnly = true)
    public int capacity(Campaign campaign) {
        Map<Long, Long> siteOfTeam = new HashMap<>();
        for (TeamSummary team : people.teams()) {
            if (team.site() != null) {
                siteOfTeam.put(team.id().value(), team.site().value());
            }
        }
        int count = 0;
        for (PersonSummary person : people.withoutAccount()) {
            Long team = person.team() == null ? null : person.team().value();
            Long site = person.site() != null ? Long.valueOf(person.site().value())
                    : team == null ? null : siteOfTeam.get(team);
            if (campaign.targets(person.id().value(), team, site)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The languages the people who get codes for this campaign prefer (those without an account whom it
     * asks), most common first; only languages the screens speak. Slips and the code page offer these.
     */
    @Transactional(readOnly = true)
    public List<nl.meedenken.platform.Language> languages(Campaign campaign) {
        Map<Long, Long> siteOfTeam = new HashMap<>();
        for (TeamSummary team : people.teams()) {
            if (team.site() != null) {
                siteOfTeam.put(team.id().value(), team.site().value());
            }
        }
        Map<nl.meedenken.platform.Language, Integer> counted = new java.util.EnumMap<>(nl.meedenken.platform.Language.class);
        for (PersonSummary person : people.withoutAccount()) {
            Long team = person.team() == null ? null : person.team().value();
            Long site = person.site() != null ? Long.valueOf(person.site().value())
                    : team == null ? null : siteOfTeam.get(team);
            if (person.language() != null && person.language().hasScreens()
                    && campaign.targets(person.id().value(), team, site)) {
                counted.merge(person.language(), 1, Integer::sum);
            }
        }
        return counted.entrySet().stream()
                .sorted(Map.Entry.<nl.meedenken.platform.Language, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    /** Codes made for the campaign plus codes asked for and not yet made (pending or co-signed). */
    @Transactional(readOnly = true)
    public int reserved(long campaignId) {
        return jdbc.sql("""
                        select (select count(*) from scan_code where campaign_id = :id)
                             + (select coalesce(sum(size), 0) from scan_code_batch
                                where campaign_id = :id and status in ('PENDING', 'APPROVED'))
                        """)
                .param("id", campaignId).query(Integer.class).single();
    }

    // --- batches ---

    /**
     * Asks for codes. Refused when the campaign is closed or would get more codes than it has
     * people without an account. Without co-signing the batch can be printed right away.
     */
    @Transactional
    public Batch request(long campaignId, int count, long personId, String actor) {
        if (count < 1 || count > MAX_PER_BATCH) {
            throw new InvalidScanInput("count", "scan.codes.error.count", MAX_PER_BATCH);
        }
        Campaign campaign = lockCampaign(campaignId);
        checkCapacity(campaign, count);
        boolean cosign = councilCosigns();
        long id = jdbc.sql("""
                        insert into scan_code_batch (campaign_id, size, status, requested_by_person, requested_by,
                               requested_at)
                        values (:c, :size, :status, :person, :by, :at) returning id
                        """)
                .param("c", campaignId).param("size", count).param("status", cosign ? "PENDING" : "APPROVED")
                .param("person", personId).param("by", actor).param("at", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record(AuditEntry.Type.SCAN_CODES_REQUESTED, actor, Campaigns.auditSubject(campaignId), null,
                "batch " + id + ": " + count + " codes" + (cosign ? ", waits for the works council" : ""));
        return batch(campaignId, id).orElseThrow();
    }

    /** A works-council member co-signs a waiting batch; never the person who asked for it. */
    @Transactional
    public void cosign(long campaignId, long batchId, long personId, String actor) {
        Batch batch = lockPending(campaignId, batchId);
        if (batch.requestedByPerson() == personId) {
            throw new InvalidScanInput("batch", "scan.codes.error.samePerson");
        }
        decide(campaignId, batch, "APPROVED", AuditEntry.Type.SCAN_CODES_COSIGNED, personId, actor);
    }

    /** A works-council member declines a waiting batch: its codes are never made. */
    @Transactional
    public void decline(long campaignId, long batchId, long personId, String actor) {
        decide(campaignId, lockPending(campaignId, batchId), "DECLINED", AuditEntry.Type.SCAN_CODES_DECLINED, personId,
                actor);
    }

    private void decide(long campaignId, Batch batch, String status, AuditEntry.Type type, long personId, String actor) {
        jdbc.sql("""
                        update scan_code_batch set status = :status, cosigned_by_person = :person, cosigned_by = :by,
                               cosigned_at = :at where id = :id
                        """)
                .param("status", status).param("person", personId).param("by", actor)
                .param("at", Timestamp.from(clock.instant())).param("id", batch.id()).update();
        audit.record(type, actor, Campaigns.auditSubject(campaignId), null,
                "batch " + batch.id() + ": " + batch.size() + " codes asked by " + batch.requestedBy());
    }

    /**
     * Makes the codes of an approved batch and returns them, once, to print. Only the person
     * who asked for them prints them; the campaign's capacity is checked again.
     */
    @Transactional
    public List<Slip> print(long campaignId, long batchId, long personId, String actor, String answerUrl) {
        Campaign campaign = lockCampaign(campaignId);
        Batch batch = jdbc.sql(BATCH + " where campaign_id = :c and id = :id for update")
                .param("c", campaignId).param("id", batchId).query(ParticipationCodes::batch).optional()
                .orElseThrow(() -> new InvalidScanInput("batch", "scan.codes.error.noBatch"));
        if (batch.status() == Batch.Status.PENDING) {
            throw new InvalidScanInput("batch", "scan.codes.error.waitsForCouncil");
        }
        if (batch.status() != Batch.Status.APPROVED) {
            throw new InvalidScanInput("batch", "scan.codes.error.notPrintable");
        }
        if (batch.requestedByPerson() != personId) {
            throw new InvalidScanInput("batch", "scan.codes.error.notYours");
        }
        if (batch.cosignedBy() == null && councilCosigns()) {
            throw new InvalidScanInput("batch", "scan.codes.error.waitsForCouncil");
        }
        checkCapacity(campaign, 0);
        List<Slip> slips = makeCodes(campaignId, batch.size(), answerUrl);
        jdbc.sql("update scan_code_batch set status = 'PRINTED', printed_at = :at where id = :id")
                .param("at", Timestamp.from(clock.instant())).param("id", batchId).update();
        audit.record(AuditEntry.Type.SCAN_CODES_ISSUED, actor, Campaigns.auditSubject(campaignId), null,
                "batch " + batchId + ": " + batch.size() + " codes made and shown"
                        + (batch.cosignedBy() == null ? "" : ", co-signed by " + batch.cosignedBy()));
        return slips;
    }

    /**
     * Makes the codes and stores their hashes in another, random order than the slips come out
     * of the printer, in one statement: the order of the rows in the table says nothing about
     * which slip went to whom.
     */
    private List<Slip> makeCodes(long campaignId, int count, String answerUrl) {
        List<String> codes = new ArrayList<>();
        List<Slip> slips = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String code = generate();
            codes.add(code);
            slips.add(new Slip(code, qrSvg(answerUrl + "?code=" + normalise(code))));
        }
        List<String> hashes = new ArrayList<>(codes.stream().map(this::hash).toList());
        java.util.Collections.shuffle(hashes, SHUFFLE);
        jdbc.sql("""
                        insert into scan_code (code_hash, hash_kind, campaign_id)
                        select h, 'HMAC', :campaign from unnest(cast(:hashes as varchar[])) as h
                        """)
                .param("campaign", campaignId).param("hashes", hashes.toArray(String[]::new)).update();
        return slips;
    }

    @Transactional(readOnly = true)
    public List<Batch> batches(long campaignId) {
        return jdbc.sql(BATCH + " where campaign_id = :c order by id desc").param("c", campaignId)
                .query(ParticipationCodes::batch).list();
    }

    @Transactional(readOnly = true)
    public Optional<Batch> batch(long campaignId, long batchId) {
        return jdbc.sql(BATCH + " where campaign_id = :c and id = :id").param("c", campaignId).param("id", batchId)
                .query(ParticipationCodes::batch).optional();
    }

    /**
     * Codes made straight away, without a batch, the capacity or the audit log: only for tests
     * and loaders of this package that need codes; every page goes through {@link #request}.
     */
    @Transactional
    List<Slip> issue(long campaignId, int count, String answerUrl) {
        if (count < 1 || count > MAX_PER_BATCH) {
            throw new InvalidScanInput("count", "scan.codes.error.count", MAX_PER_BATCH);
        }
        List<Slip> slips = makeCodes(campaignId, count, answerUrl);
        return slips;
    }

    @Transactional(readOnly = true)
    public Map<String, Long> counts(long campaignId) {
        return jdbc.sql("select count(*) filter (where used), count(*) from scan_code where campaign_id = :id")
                .param("id", campaignId)
                .query((rs, i) -> Map.of("used", rs.getLong(1), "issued", rs.getLong(2))).single();
    }

    // --- the works council's setting ---

    /** Whether code batches wait for a works-council member's co-signature. */
    @Transactional(readOnly = true)
    public boolean councilCosigns() {
        return jdbc.sql("select value from scan_setting where name = :n").param("n", COSIGN_SETTING)
                .query(String.class).optional().map(Boolean::parseBoolean).orElse(cosignByDefault);
    }

    /** Switched by the works council only (the security rules see to that); audited. */
    @Transactional
    public void councilCosigns(boolean on, String actor) {
        jdbc.sql("""
                        insert into scan_setting (name, value) values (:n, :v)
                        on conflict (name) do update set value = excluded.value
                        """)
                .param("n", COSIGN_SETTING).param("v", Boolean.toString(on)).update();
        int waiting = 0;
        if (on) {
            // batches approved while nobody had to co-sign, and not printed yet, now wait for the council too
            waiting = jdbc.sql("""
                            update scan_code_batch set status = 'PENDING'
                            where status = 'APPROVED' and cosigned_by is null
                            """).update();
        }
        audit.record(AuditEntry.Type.SCAN_CODE_SETTING_CHANGED, actor, "scan", null,
                "works council co-signs code batches: " + (on ? "on" : "off")
                        + (waiting > 0 ? "; " + waiting + " batches not yet printed now wait for co-signing" : ""));
    }

    // --- answering with a code ---

    /** The open campaign a typed code belongs to, if it is unused; keyed and older hashes both work. */
    @Transactional(readOnly = true)
    Optional<Found> findOpen(String typed) {
        String unkeyed = unkeyed(typed);
        return jdbc.sql("""
                        select c.campaign_id, c.code_hash from scan_code c join scan_campaign s on s.id = c.campaign_id
                        where ((c.code_hash = :keyed and c.hash_kind = 'HMAC')
                            or (c.code_hash = :unkeyed and c.hash_kind = 'SHA256'))
                          and not c.used and s.status = 'OPEN'
                        """)
                .param("keyed", secret.code(unkeyed)).param("unkeyed", unkeyed)
                .query((rs, i) -> new Found(rs.getLong(1), rs.getString(2))).optional();
    }

    /**
     * Refuses a code answer from someone signed in as management, or from someone who asked
     * for codes of this campaign: they could plant sheets. Anonymous visitors pass. Runs in
     * the caller's transaction (no own one, so a refusal does not mark it for rollback).
     */
    void refuseCodeAnswerBy(long campaignId, Long personId) {
        if (personId == null) {
            return;
        }
        if (people.find(new PersonId(personId)).map(p -> p.has(Role.MANAGEMENT)).orElse(false)) {
            throw new InvalidScanInput("code", "scan.answer.error.managementCode");
        }
        if (asked(campaignId, personId)) {
            throw new InvalidScanInput("code", "scan.answer.error.issuerCode");
        }
    }

    /** Whether this person asked for codes of this campaign (a declined batch does not count). */
    @Transactional(readOnly = true)
    public boolean asked(long campaignId, long personId) {
        return jdbc.sql("""
                        select count(*) from scan_code_batch
                        where campaign_id = :c and requested_by_person = :p and status <> 'DECLINED'
                        """)
                .param("c", campaignId).param("p", personId).query(Long.class).single() > 0;
    }

    /** The stored (keyed) hash of a code. */
    String hash(String code) {
        return secret.code(unkeyed(code));
    }

    /** The hash as stored before V23, and the input of the keyed hash. */
    static String unkeyed(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("scan:" + normalise(code)).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Replaces the unkeyed hashes of codes made before V23 by keyed ones, also in drafts that
     * were started with such a code. Each row on its own, and only while still unkeyed, so
     * nodes starting at the same time do the work once. Returns how many codes were re-keyed.
     */
    @EventListener(ApplicationReadyEvent.class)
    public int rekeyLegacyHashes() {
        List<String> legacy = jdbc.sql("select code_hash from scan_code where hash_kind = 'SHA256'")
                .query(String.class).list();
        int done = 0;
        for (String old : legacy) {
            String keyed = secret.code(old);
            Integer changed = transaction.execute(status -> {
                int rows = jdbc.sql("""
                                update scan_code set code_hash = :keyed, hash_kind = 'HMAC'
                                where code_hash = :old and hash_kind = 'SHA256'
                                """)
                        .param("keyed", keyed).param("old", old).update();
                if (rows == 1) {
                    jdbc.sql("update scan_draft set code_hash = :keyed where code_hash = :old")
                            .param("keyed", keyed).param("old", old).update();
                }
                return rows;
            });
            done += changed == null ? 0 : changed;
        }
        if (done > 0) {
            log.info("Re-keyed {} participation code hashes with the scan secret", done);
        }
        return done;
    }

    private Campaign lockCampaign(long campaignId) {
        jdbc.sql("select id from scan_campaign where id = :id for update").param("id", campaignId)
                .query(Long.class).optional();
        Campaign campaign = campaigns.find(campaignId)
                .orElseThrow(() -> new InvalidScanInput("campaign", "scan.codes.error.closed"));
        if (campaign.status() == Campaign.Status.CLOSED) {
            throw new InvalidScanInput("count", "scan.codes.error.closed");
        }
        return campaign;
    }

    private void checkCapacity(Campaign campaign, int more) {
        int capacity = capacity(campaign);
        int reserved = reserved(campaign.id());
        if (reserved + more > capacity) {
            throw new InvalidScanInput("count", "scan.codes.error.cap", capacity, Math.max(0, capacity - reserved));
        }
    }

    private Batch lockPending(long campaignId, long batchId) {
        Batch batch = jdbc.sql(BATCH + " where campaign_id = :c and id = :id for update")
                .param("c", campaignId).param("id", batchId).query(ParticipationCodes::batch).optional()
                .orElseThrow(() -> new InvalidScanInput("batch", "scan.codes.error.noBatch"));
        if (!batch.pending()) {
            throw new InvalidScanInput("batch", "scan.codes.error.notPending");
        }
        return batch;
    }

    private static final String BATCH = """
            select id, campaign_id, size, status, requested_by_person, requested_by, requested_at,
                   cosigned_by_person, cosigned_by, cosigned_at, printed_at from scan_code_batch
            """;

    private static Batch batch(ResultSet rs, int row) throws SQLException {
        return new Batch(rs.getLong("id"), rs.getLong("campaign_id"), rs.getInt("size"),
                Batch.Status.valueOf(rs.getString("status")), rs.getLong("requested_by_person"),
                rs.getString("requested_by"), instant(rs.getTimestamp("requested_at")),
                rs.getObject("cosigned_by_person", Long.class), rs.getString("cosigned_by"),
                instant(rs.getTimestamp("cosigned_at")), instant(rs.getTimestamp("printed_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String generate() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 7 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** A QR code as an SVG of black squares, so it prints sharp and needs no image files. */
    static String qrSvg(String content) {
        return nl.meedenken.platform.QrCodes.svg(content);
    }
}
