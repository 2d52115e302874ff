package nl.meedenken.scan.internal;

import nl.meedenken.TestPeople;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.organisation.internal.Teams;
import nl.meedenken.platform.AuditEntry;
import nl.meedenken.platform.AuditLog;
import nl.meedenken.platform.Role;
import nl.meedenken.scan.RoleGroup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@SpringBootTest
class ParticipationCodesTest {

    @Autowired
    ParticipationCodes codes;
    @Autowired
    Campaigns campaigns;
    @Autowired
    Answering answering;
    @Autowired
    Questions questions;
    @Autowired
    People people;
    @Autowired
    Accounts accounts;
    @Autowired
    Teams teams;
    @Autowired
    AuditLog audit;
    @Autowired
    ParticipationSecret secret;
    @Autowired
    JdbcClient jdbc;

    /** A team of its own with people without an account and some with one. */
    private long team(int withoutAccount, int withAccount) {
        long team = TestPeople.team(teams);
        for (int i = 0; i < withoutAccount; i++) {
            TestPeople.member(people, team, "Zonder account " + i);
        }
        for (int i = 0; i < withAccount; i++) {
            TestPeople.loginInTeam(people, accounts, team);
        }
        return team;
    }

    // closing late on purpose: other tests take the first open campaign (soonest to close), which
    // must stay one that asks everyone
    private long openCampaignFor(List<Long> targetTeams) {
        long id = campaigns.create(new Campaigns.Draft("Codes " + System.nanoTime(), LocalDate.now(),
                LocalDate.now().plusDays(90), 5, List.of(), targetTeams), "test");
        campaigns.open(id, "test");
        return id;
    }

    private long manager() {
        return TestPeople.person(people, "Directeur", Set.of(Role.MANAGEMENT));
    }

    private List<ParticipationCodes.Slip> requestAndPrint(long campaign, int count, long person) {
        ParticipationCodes.Batch batch = codes.request(campaign, count, person, "Directeur #" + person);
        return codes.print(campaign, batch.id(), person, "Directeur #" + person, "http://x/scan/answer");
    }

    private void fillIn(String token, long campaignId) {
        answering.profile(token, null, RoleGroup.DRIVER, List.of());
        Map<String, Integer> answers = new HashMap<>();
        List<String> items = questions.itemCodes(campaigns.find(campaignId).orElseThrow());
        items.forEach(code -> answers.put(code, 3));
        answering.answer(token, items, answers);
    }

    /** Sheets sent, whether still waiting to be released into the results or released. */
    private int sheets(long campaignId) {
        return campaigns.responses(campaignId);
    }

    @Test
    void refusesTheSixthCodeWhenFivePeopleLackAnAccount() {
        long campaign = openCampaignFor(List.of(team(5, 3)));
        long manager = manager();
        assertThat(codes.capacity(campaigns.find(campaign).orElseThrow())).isEqualTo(5);

        var tooMany = catchThrowableOfType(InvalidScanInput.class, () -> codes.request(campaign, 6, manager, "m"));
        assertThat(tooMany.messageKey()).isEqualTo("scan.codes.error.cap");
        assertThat(tooMany.arguments()).containsExactly(5, 5);

        assertThat(requestAndPrint(campaign, 3, manager)).hasSize(3);
        assertThat(requestAndPrint(campaign, 2, manager)).hasSize(2);
        var sixth = catchThrowableOfType(InvalidScanInput.class, () -> codes.request(campaign, 1, manager, "m"));
        assertThat(sixth.messageKey()).isEqualTo("scan.codes.error.cap");
        assertThat(sixth.arguments()).containsExactly(5, 0);
        assertThat(codes.counts(campaign)).containsEntry("issued", 5L);
    }

    @Test
    void theCapIsThePeopleWithoutAnAccountInTheTargetedTeamsForAnyOrganisation() {
        Random random = new Random(18L);
        long manager = manager();
        for (int round = 0; round < 4; round++) {
            List<Long> all = new ArrayList<>();
            List<Long> targeted = new ArrayList<>();
            int expected = 0;
            int teamCount = 2 + random.nextInt(3);
            for (int t = 0; t < teamCount; t++) {
                int without = random.nextInt(7);
                long team = team(without, random.nextInt(3));
                all.add(team);
                if (random.nextBoolean() || (t == teamCount - 1 && targeted.isEmpty())) {
                    targeted.add(team);
                    expected += without;
                }
            }
            long campaign = openCampaignFor(targeted);
            assertThat(codes.capacity(campaigns.find(campaign).orElseThrow()))
                    .as("round %d: teams %s, targeted %s", round, all, targeted).isEqualTo(expected);
            if (expected > 0) {
                int first = 1 + random.nextInt(expected);
                requestAndPrint(campaign, first, manager);
                if (first < expected) {
                    requestAndPrint(campaign, expected - first, manager);
                }
            }
            var over = catchThrowableOfType(InvalidScanInput.class, () -> codes.request(campaign, 1, manager, "m"));
            assertThat(over.messageKey()).isEqualTo("scan.codes.error.cap");
            assertThat(codes.counts(campaign)).containsEntry("issued", (long) expected);
        }
    }

    @Test
    void everyIssuanceAndChangeOfTheCampaignIsInItsAuditTrail() {
        long campaign = openCampaignFor(List.of(team(4, 0)));
        long manager = manager();
        requestAndPrint(campaign, 4, manager);
        campaigns.close(campaign, "Directeur #" + manager);

        List<AuditEntry> trail = audit.about(Campaigns.auditSubject(campaign), 0).items();
        assertThat(trail).extracting(AuditEntry::type).containsExactly(AuditEntry.Type.SCAN_CAMPAIGN_CLOSED,
                AuditEntry.Type.SCAN_CODES_ISSUED, AuditEntry.Type.SCAN_CODES_REQUESTED,
                AuditEntry.Type.SCAN_CAMPAIGN_OPENED, AuditEntry.Type.SCAN_CAMPAIGN_CREATED);
        AuditEntry issued = trail.get(1);
        assertThat(issued.actor()).isEqualTo("Directeur #" + manager);
        assertThat(issued.detail()).contains("4 codes");
    }

    @Test
    void withCoSigningABatchWaitsForAnotherCouncilMemberBeforeItCanBePrinted() {
        boolean before = codes.councilCosigns();
        try {
            codes.councilCosigns(true, "OR");
            long campaign = openCampaignFor(List.of(team(6, 0)));
            long manager = manager();
            long council = TestPeople.person(people, "OR-lid", Set.of(Role.WORKS_COUNCIL));
            ParticipationCodes.Batch batch = codes.request(campaign, 4, manager, "Directeur");
            assertThat(batch.status()).isEqualTo(ParticipationCodes.Batch.Status.PENDING);

            var early = catchThrowableOfType(InvalidScanInput.class,
                    () -> codes.print(campaign, batch.id(), manager, "Directeur", "http://x"));
            assertThat(early.messageKey()).isEqualTo("scan.codes.error.waitsForCouncil");
            assertThat(codes.counts(campaign)).containsEntry("issued", 0L);
            var pendingCounts = catchThrowableOfType(InvalidScanInput.class,
                    () -> codes.request(campaign, 3, manager, "Directeur"));
            assertThat(pendingCounts.messageKey()).as("a waiting batch counts towards the cap")
                    .isEqualTo("scan.codes.error.cap");

            var self = catchThrowableOfType(InvalidScanInput.class,
                    () -> codes.cosign(campaign, batch.id(), manager, "Directeur"));
            assertThat(self.messageKey()).isEqualTo("scan.codes.error.samePerson");

            codes.cosign(campaign, batch.id(), council, "OR-lid");
            var someoneElse = catchThrowableOfType(InvalidScanInput.class,
                    () -> codes.print(campaign, batch.id(), council, "OR-lid", "http://x"));
            assertThat(someoneElse.messageKey()).isEqualTo("scan.codes.error.notYours");
            assertThat(codes.print(campaign, batch.id(), manager, "Directeur", "http://x")).hasSize(4);
            var twice = catchThrowableOfType(InvalidScanInput.class,
                    () -> codes.print(campaign, batch.id(), manager, "Directeur", "http://x"));
            assertThat(twice.messageKey()).as("codes are shown once").isEqualTo("scan.codes.error.notPrintable");

            ParticipationCodes.Batch declined = codes.request(campaign, 2, manager, "Directeur");
            codes.decline(campaign, declined.id(), council, "OR-lid");
            assertThat(codes.reserved(campaign)).as("a declined batch frees its codes").isEqualTo(4);

            assertThat(audit.about(Campaigns.auditSubject(campaign), 0).items()).extracting(AuditEntry::type)
                    .contains(AuditEntry.Type.SCAN_CODES_COSIGNED, AuditEntry.Type.SCAN_CODES_DECLINED);
            assertThat(audit.about(Campaigns.auditSubject(campaign), 0).items())
                    .filteredOn(e -> e.type() == AuditEntry.Type.SCAN_CODES_COSIGNED).first()
                    .satisfies(e -> assertThat(e.actor()).isEqualTo("OR-lid"));
        } finally {
            codes.councilCosigns(before, "test");
        }
    }

    @Test
    void aBatchApprovedBeforeTheCouncilSwitchedCoSigningOnWaitsForTheCouncilToo() {
        boolean before = codes.councilCosigns();
        try {
            codes.councilCosigns(false, "OR");
            long campaign = openCampaignFor(List.of(team(6, 0)));
            long manager = manager();
            ParticipationCodes.Batch batch = codes.request(campaign, 3, manager, "Directeur");
            assertThat(batch.printable()).isTrue();

            codes.councilCosigns(true, "OR");
            assertThat(codes.batch(campaign, batch.id()).orElseThrow().status())
                    .isEqualTo(ParticipationCodes.Batch.Status.PENDING);
            var refused = catchThrowableOfType(InvalidScanInput.class,
                    () -> codes.print(campaign, batch.id(), manager, "Directeur", "http://x"));
            assertThat(refused.messageKey()).isEqualTo("scan.codes.error.waitsForCouncil");
            assertThat(codes.counts(campaign)).containsEntry("issued", 0L);
        } finally {
            codes.councilCosigns(before, "test");
        }
    }

    @Test
    void theTableDoesNotKeepTheCodesInTheOrderTheSlipsArePrinted() {
        long campaign = openCampaignFor(List.of(team(40, 0)));
        List<ParticipationCodes.Slip> slips = requestAndPrint(campaign, 40, manager());
        List<String> printed = slips.stream().map(slip -> codes.hash(slip.code())).toList();
        List<String> stored = jdbc.sql("select code_hash from scan_code where campaign_id = :c order by ctid")
                .param("c", campaign).query(String.class).list();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(printed);
        assertThat(stored).as("one chance in 40! to fail by luck").isNotEqualTo(printed);
    }

    @Test
    void managementAndWhoeverAskedForTheCodesCannotAnswerWithOne() {
        long campaign = openCampaignFor(List.of(team(5, 0)));
        long manager = manager();
        long employeeWhoAsked = TestPeople.person(people, "Vroeger directie", Set.of());
        List<ParticipationCodes.Slip> slips = requestAndPrint(campaign, 2, manager);
        ParticipationCodes.Batch other = codes.request(campaign, 1, employeeWhoAsked, "Vroeger directie");
        codes.print(campaign, other.id(), employeeWhoAsked, "Vroeger directie", "http://x");

        var asManager = catchThrowableOfType(InvalidScanInput.class,
                () -> answering.startWithCode(slips.get(0).code(), "nl", "10.18.0.1", manager));
        assertThat(asManager.messageKey()).isEqualTo("scan.answer.error.managementCode");
        var asIssuer = catchThrowableOfType(InvalidScanInput.class,
                () -> answering.startWithCode(slips.get(0).code(), "nl", "10.18.0.1", employeeWhoAsked));
        assertThat(asIssuer.messageKey()).isEqualTo("scan.answer.error.issuerCode");

        // started anonymously, sent while signed in as management
        var started = answering.startWithCode(slips.get(1).code(), "nl", "10.18.0.2", null);
        fillIn(started.token(), campaign);
        var sent = catchThrowableOfType(InvalidScanInput.class,
                () -> answering.submit(started.token(), Map.of(), manager));
        assertThat(sent.messageKey()).isEqualTo("scan.answer.error.managementCode");
        assertThat(sheets(campaign)).isZero();
        assertThat(codes.counts(campaign)).containsEntry("used", 0L);
        assertThat(campaigns.codeSheets(campaign)).isZero();

        answering.submit(started.token(), Map.of(), null);
        assertThat(sheets(campaign)).isEqualTo(1);
        campaigns.close(campaign, "test");
        assertThat(campaigns.codeSheets(campaign)).as("sheets that came by code are counted when released")
                .isEqualTo(1);
    }

    @Test
    void codesAreStoredAsKeyedHashesAndOldUnkeyedOnesStillWorkAndAreRekeyed() {
        long campaign = openCampaignFor(List.of(team(3, 0)));
        String fresh = requestAndPrint(campaign, 1, manager()).get(0).code();
        String stored = jdbc.sql("select code_hash from scan_code where campaign_id = :c").param("c", campaign)
                .query(String.class).single();
        assertThat(stored).isNotEqualTo(ParticipationCodes.unkeyed(fresh))
                .isEqualTo(secret.code(ParticipationCodes.unkeyed(fresh)));

        // a code made before V23: stored as the bare SHA-256
        String old = ParticipationCodes.generate();
        jdbc.sql("insert into scan_code (code_hash, hash_kind, campaign_id) values (:h, 'SHA256', :c)")
                .param("h", ParticipationCodes.unkeyed(old)).param("c", campaign).update();
        var startedOld = answering.startWithCode(old, "nl", "10.18.1.1");
        // another old code, re-keyed while its sheet is being filled in
        String older = ParticipationCodes.generate();
        jdbc.sql("insert into scan_code (code_hash, hash_kind, campaign_id) values (:h, 'SHA256', :c)")
                .param("h", ParticipationCodes.unkeyed(older)).param("c", campaign).update();
        var startedOlder = answering.startWithCode(older, "nl", "10.18.1.1");
        fillIn(startedOld.token(), campaign);
        answering.submit(startedOld.token(), Map.of(), null);

        assertThat(codes.rekeyLegacyHashes()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select count(*) from scan_code where hash_kind = 'SHA256'").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from scan_code where code_hash = :h").param("h", ParticipationCodes.unkeyed(older))
                .query(Long.class).single()).as("no unkeyed hash is left").isZero();
        fillIn(startedOlder.token(), campaign);
        answering.submit(startedOlder.token(), Map.of(), null);
        assertThat(answering.startWithCode(fresh, "nl", "10.18.1.2")).isNotNull();
        assertThat(sheets(campaign)).isEqualTo(2);
        var usedOld = catchThrowableOfType(InvalidScanInput.class, () -> answering.startWithCode(old, "nl", "10.18.1.3"));
        assertThat(usedOld.messageKey()).isEqualTo("scan.answer.error.codeUnknown");
    }
}
