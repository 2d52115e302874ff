package nl.meedenken.scan.internal;

import nl.meedenken.scan.RoleGroup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Filling in the scan. Answers in progress live in a draft that only the device knows (a
 * random token in a cookie), kept until the end of the day a week later; signing in or out
 * on the device removes it. Sending the sheet marks the code as used or the person as having
 * answered (that day, apart from the answers) and puts the sheet, without any person, code or
 * time, among the pending sheets; {@link SheetRelease} moves pending sheets into the results
 * tables later, in shuffled batches and in a transaction of its own (ADR 0013).
 */
@Service
public class Answering {

    /** A draft can be continued until the end of the day this many days after it was started. */
    static final int DRAFT_DAYS = 7;
    static final int MAX_OPEN_ANSWER = 2000;
    private static final ZoneId LOCAL = ZoneId.of("Europe/Amsterdam");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TypeReference<Map<String, Integer>> ANSWERS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {
    };

    public enum Via { ACCOUNT, CODE }

    /** A sheet in progress. */
    public record Draft(String tokenHash, long campaignId, Via via, String codeHash, String language, Long teamId,
                        RoleGroup roleGroup, Map<String, Integer> answers, Map<String, String> open) {

        public boolean hasProfile() {
            return roleGroup != null;
        }
    }

    /** The device token, shown only to the device, and the draft it opens. */
    public record Started(String token, long campaignId) {
    }

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final Questions questions;
    private final Clock clock;
    private final ParticipationSecret secret;
    private final ParticipationCodes codes;
    private final CodeGuessing guessing;

    Answering(JdbcClient jdbc, Campaigns campaigns, Questions questions, Clock clock, ParticipationSecret secret,
              ParticipationCodes codes, CodeGuessing guessing) {
        this.secret = secret;
        this.codes = codes;
        this.guessing = guessing;
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.questions = questions;
        this.clock = clock;
    }

    /** A signed-in employee starts; refused if they already answered or are not asked. */
    @Transactional
    public Started startWithAccount(long campaignId, long personId, Long teamId, Long siteId, String language) {
        Campaign campaign = openCampaign(campaignId);
        if (!campaign.targets(personId, teamId, siteId)) {
            throw new InvalidScanInput("campaign", "scan.answer.error.notAsked");
        }
        if (hasAnswered(campaignId, personId)) {
            throw new InvalidScanInput("campaign", "scan.answer.error.alreadyAnswered");
        }
        return newDraft(campaignId, Via.ACCOUNT, null, language);
    }

    /** Someone without an account starts with a code from a slip. Wrong codes count against the address. */
    @Transactional(noRollbackFor = InvalidScanInput.class)
    public Started startWithCode(String typed, String language, String address) {
        return startWithCode(typed, language, address, null);
    }

    /**
     * As above, for a visitor who may be signed in: management, and whoever asked for this
     * campaign's codes, are refused (they could plant sheets).
     */
    @Transactional(noRollbackFor = InvalidScanInput.class)
    public Started startWithCode(String typed, String language, String address, Long signedInPerson) {
        guessing.check(address);
        Optional<ParticipationCodes.Found> found = codes.findOpen(typed);
        if (found.isEmpty()) {
            guessing.wrong(address);
            // the same answer for unknown and used codes: a guess learns nothing
            throw new InvalidScanInput("code", "scan.answer.error.codeUnknown");
        }
        codes.refuseCodeAnswerBy(found.get().campaignId(), signedInPerson);
        return newDraft(found.get().campaignId(), Via.CODE, found.get().storedHash(), language);
    }

    /**
     * Whether the typed code is the one the device's draft was started with, so that the draft may
     * be taken up again in a new browser session (the draft's own code proves it is the same
     * person's slip). A wrong code counts as a wrong guess as in {@link #startWithCode}.
     */
    @Transactional(noRollbackFor = InvalidScanInput.class)
    public boolean resumeWithCode(String token, String typed) {
        Optional<Draft> draft = draft(token);
        if (draft.isEmpty() || draft.get().via() != Via.CODE || draft.get().codeHash() == null) {
            return false;
        }
        Optional<ParticipationCodes.Found> found = codes.findOpen(typed);
        return found.isPresent() && found.get().storedHash().equals(draft.get().codeHash());
    }

    private Started newDraft(long campaignId, Via via, String codeHash, String language) {
        // tidy up as we go: expired drafts (answers nobody sent) and old failed attempts
        jdbc.sql("delete from scan_draft where expires_on < :today").param("today", today()).update();
        jdbc.sql("delete from scan_code_attempt where occurred_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).update();
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                        insert into scan_draft (token_hash, campaign_id, via, code_hash, language, expires_on)
                        values (:token, :campaign, :via, :code, :language, :expires)
                        """)
                .param("token", hash(token)).param("campaign", campaignId).param("via", via.name())
                .param("code", codeHash).param("language", language == null ? "nl" : language)
                .param("expires", today().plusDays(DRAFT_DAYS)).update();
        return new Started(token, campaignId);
    }

    @Transactional(readOnly = true)
    public boolean hasAnswered(long campaignId, long personId) {
        return jdbc.sql("select count(*) from scan_participation where campaign_id = :c and participant = :p")
                .param("c", campaignId).param("p", secret.participant(personId, campaignId)).query(Long.class)
                .single() > 0;
    }

    @Transactional(readOnly = true)
    public Optional<Draft> draft(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select token_hash, campaign_id, via, code_hash, language, team_id, role_group, answers::text,
                               open::text from scan_draft where token_hash = :token and expires_on >= :today
                        """)
                .param("token", hash(token)).param("today", today())
                .query((rs, i) -> new Draft(rs.getString(1), rs.getLong(2), Via.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getObject(6, Long.class),
                        rs.getString(7) == null ? null : RoleGroup.valueOf(rs.getString(7)),
                        Instruments.JSON.readValue(rs.getString(8), ANSWERS),
                        Instruments.JSON.readValue(rs.getString(9), TEXTS)))
                .optional();
    }

    /** Removes the draft the token opens, if any: the device signed in or out, or it belongs to nobody now. */
    @Transactional
    public void discard(String token) {
        if (token != null && !token.isBlank()) {
            jdbc.sql("delete from scan_draft where token_hash = :t").param("t", hash(token)).update();
        }
    }

    @Transactional
    public void chooseLanguage(String token, String language) {
        jdbc.sql("update scan_draft set language = :l where token_hash = :t")
                .param("l", "en".equals(language) ? "en" : "nl").param("t", hash(token)).update();
    }

    /** Department (or none) and role group; the department must be one of the campaign's. */
    @Transactional
    public void profile(String token, Long teamId, RoleGroup roleGroup, List<Long> allowedTeams) {
        if (roleGroup == null) {
            throw new InvalidScanInput("roleGroup", "scan.answer.error.chooseRole");
        }
        if (teamId != null && !allowedTeams.contains(teamId)) {
            throw new InvalidScanInput("teamId", "scan.answer.error.chooseDepartment");
        }
        jdbc.sql("update scan_draft set team_id = :team, role_group = :role where token_hash = :t")
                .param("team", teamId).param("role", roleGroup.name()).param("t", hash(token)).update();
    }

    /** Keeps answers to some statements; every statement of the part must have a value 1..5. */
    @Transactional(noRollbackFor = MissingAnswers.class)
    public void answer(String token, List<String> itemCodes, Map<String, Integer> given) {
        Draft draft = draft(token).orElseThrow(() -> new InvalidScanInput("token", "scan.answer.error.expired"));
        Map<String, Integer> answers = new LinkedHashMap<>(draft.answers());
        List<String> missing = itemCodes.stream().filter(code -> !validValue(given.get(code))).toList();
        for (String code : itemCodes) {
            if (validValue(given.get(code))) {
                answers.put(code, given.get(code));
            }
        }
        jdbc.sql("update scan_draft set answers = cast(:answers as jsonb) where token_hash = :t")
                .param("answers", Instruments.JSON.writeValueAsString(answers)).param("t", draft.tokenHash()).update();
        if (!missing.isEmpty()) {
            throw new MissingAnswers(missing);
        }
    }

    /** Some statements of a part were left open. The answers that were given are kept. */
    public static class MissingAnswers extends InvalidScanInput {
        private final transient List<String> items;

        public MissingAnswers(List<String> items) {
            super("answers", "scan.answer.error.missing", items.size());
            this.items = List.copyOf(items);
        }

        public List<String> items() {
            return items;
        }
    }

    /**
     * Sends the sheet. Refused, storing nothing, when the code was used meanwhile, the
     * person already answered, the campaign closed, or a statement is unanswered. The sheet
     * waits among the pending sheets until {@link SheetRelease} moves it, with others, into
     * the results.
     *
     * @param personId the signed-in person for sheets started with an account
     */
    @Transactional
    public void submit(String token, Map<String, String> openAnswers, Long personId) {
        Draft draft = draft(token).orElseThrow(() -> new InvalidScanInput("token", "scan.answer.error.expired"));
        Campaign campaign = openCampaign(draft.campaignId());
        if (!draft.hasProfile()) {
            throw new InvalidScanInput("roleGroup", "scan.answer.error.chooseRole");
        }
        List<String> asked = questions.itemCodes(campaign);
        List<String> missing = asked.stream().filter(code -> !validValue(draft.answers().get(code))).toList();
        if (!missing.isEmpty()) {
            throw new MissingAnswers(missing);
        }
        // a share lock on the campaign: closing (which releases every pending sheet) waits for this
        // sheet, or this sheet sees the campaign closed; no sheet can be left pending after closing
        String status = jdbc.sql("select status from scan_campaign where id = :id for share")
                .param("id", campaign.id()).query(String.class).single();
        if (!"OPEN".equals(status)) {
            throw new InvalidScanInput("campaign", "scan.answer.error.closed");
        }
        if (draft.via() == Via.CODE) {
            codes.refuseCodeAnswerBy(campaign.id(), personId);
            int claimed = jdbc.sql("update scan_code set used = true where code_hash = :hash and not used")
                    .param("hash", draft.codeHash()).update();
            if (claimed != 1) {
                throw new InvalidScanInput("code", "scan.answer.error.codeUsed");
            }
        } else {
            if (personId == null) {
                throw new InvalidScanInput("token", "scan.answer.error.signInAgain");
            }
            int recorded = jdbc.sql("""
                            insert into scan_participation (campaign_id, participant, answered_on)
                            values (:c, :p, :day) on conflict do nothing
                            """)
                    .param("c", campaign.id()).param("p", secret.participant(personId, campaign.id())).param("day", LocalDate.now(clock.withZone(LOCAL)))
                    .update();
            if (recorded != 1) {
                throw new InvalidScanInput("campaign", "scan.answer.error.alreadyAnswered");
            }
        }
        Map<String, Integer> answers = new LinkedHashMap<>();
        asked.forEach(code -> answers.put(code, draft.answers().get(code)));
        long team = draft.teamId() == null ? 0 : draft.teamId();
        jdbc.sql("""
                        insert into scan_pending_sheet (id, campaign_id, team_id, role_group, language, answers, open,
                                                        by_code)
                        values (:id, :campaign, :team, :role, :language, cast(:answers as jsonb), cast(:open as jsonb),
                                :byCode)
                        """)
                .param("byCode", draft.via() == Via.CODE)
                .param("id", UUID.randomUUID()).param("campaign", campaign.id()).param("team", team == 0 ? null : team)
                .param("role", draft.roleGroup().name()).param("language", draft.language())
                .param("answers", Instruments.JSON.writeValueAsString(answers))
                .param("open", Instruments.JSON.writeValueAsString(openTexts(openAnswers))).update();
        jdbc.sql("delete from scan_draft where token_hash = :t").param("t", draft.tokenHash()).update();
    }

    /** The open answers as stored: trimmed, empty ones left out, cut to the longest length kept. */
    private static Map<String, String> openTexts(Map<String, String> openAnswers) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (openAnswers != null) {
            openAnswers.forEach((question, value) -> {
                String text = value == null ? "" : value.strip();
                if (!text.isEmpty()) {
                    texts.put(question, text.length() > MAX_OPEN_ANSWER ? text.substring(0, MAX_OPEN_ANSWER) : text);
                }
            });
        }
        return texts;
    }

    /**
     * Writes one sheet straight into the results and adds it to the running totals, without
     * waiting among the pending sheets. Only for demo and benchmark data, which belongs to nobody:
     * sheets of real people go through {@link #submit}.
     */
    public void store(long campaignId, long team, RoleGroup role, String language, Map<String, Integer> answers,
               Map<String, String> openAnswers) {
        jdbc.sql("""
                        insert into scan_response (id, campaign_id, team_id, role_group, language, answers)
                        values (:id, :campaign, :team, :role, :language, cast(:answers as jsonb))
                        """)
                .param("id", UUID.randomUUID()).param("campaign", campaignId).param("team", team == 0 ? null : team)
                .param("role", role.name()).param("language", language)
                .param("answers", Instruments.JSON.writeValueAsString(answers)).update();
        for (var entry : answers.entrySet()) {
            jdbc.sql("""
                            insert into scan_tally (campaign_id, item_code, team_id, role_group, value, answers)
                            values (:c, :item, :team, :role, :value, 1)
                            on conflict (campaign_id, item_code, team_id, role_group, value)
                            do update set answers = scan_tally.answers + 1
                            """)
                    .param("c", campaignId).param("item", entry.getKey()).param("team", team)
                    .param("role", role.name()).param("value", entry.getValue()).update();
        }
        jdbc.sql("""
                        insert into scan_group_count (campaign_id, team_id, role_group, responses) values (:c, :team, :role, 1)
                        on conflict (campaign_id, team_id, role_group) do update set responses = scan_group_count.responses + 1
                        """)
                .param("c", campaignId).param("team", team).param("role", role.name()).update();
        if (openAnswers != null) {
            for (var entry : openAnswers.entrySet()) {
                String text = entry.getValue() == null ? "" : entry.getValue().strip();
                if (!text.isEmpty()) {
                    jdbc.sql("""
                                    insert into scan_open_answer (id, campaign_id, question, team_id, role_group, text)
                                    values (:id, :c, :q, :team, :role, :text)
                                    """)
                            .param("id", UUID.randomUUID()).param("c", campaignId).param("q", entry.getKey())
                            .param("team", team).param("role", role.name())
                            .param("text", text.length() > MAX_OPEN_ANSWER ? text.substring(0, MAX_OPEN_ANSWER) : text)
                            .update();
                }
            }
        }
    }

    private Campaign openCampaign(long campaignId) {
        Campaign campaign = campaigns.find(campaignId)
                .orElseThrow(() -> new InvalidScanInput("campaign", "scan.answer.error.closed"));
        if (!campaign.isOpen()) {
            throw new InvalidScanInput("campaign", "scan.answer.error.closed");
        }
        return campaign;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(LOCAL));
    }

    private static boolean validValue(Integer value) {
        return value != null && value >= 1 && value <= 5;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
