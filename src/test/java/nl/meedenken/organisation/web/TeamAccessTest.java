package nl.meedenken.organisation.web;

import nl.meedenken.TestLogins;
import nl.meedenken.TestPeople;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.organisation.internal.PersonDetails;
import nl.meedenken.organisation.internal.Teams;
import nl.meedenken.platform.AuditEntry;
import nl.meedenken.platform.AuditLog;
import nl.meedenken.platform.Language;
import nl.meedenken.platform.Role;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.FlashMap;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Team leads hand out access to their own team only, and never to accounts with more rights. */
@SpringBootTest
@AutoConfigureMockMvc
class TeamAccessTest {

    private static final Pattern SLIP_CODE = Pattern.compile("id=\"slip-code\"[^>]*>([A-Z2-9-]+)<");
    private static final Role[] ROLES = {null, Role.DRIVER, Role.WAREHOUSE, Role.PLANNER, Role.ADMIN, Role.MANAGEMENT,
            Role.WORKS_COUNCIL, Role.TEAM_LEAD};

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    People people;
    @Autowired
    Accounts accounts;
    @Autowired
    Teams teams;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TeamAccessController controller;

    /** One person of the random organisation, as the test set it up. */
    record Someone(long id, Long team, Set<Role> roles, boolean active, boolean hasAccount) {
    }

    @RepeatedTest(3)
    void aLeadActsOnlyOnEligibleMembersOfTheOwnTeam() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Long> teamIds = new ArrayList<>();
        Map<Long, String> leads = new HashMap<>();
        List<Someone> everyone = new ArrayList<>();
        int teamCount = 2 + random.nextInt(3);
        for (int t = 0; t < teamCount; t++) {
            long team = TestPeople.team(teams);
            teamIds.add(team);
            String lead = TestPeople.loginInTeam(people, accounts, team, Role.TEAM_LEAD);
            leads.put(team, lead);
            everyone.add(new Someone(TestLogins.personId(users, lead), team, Set.of(Role.TEAM_LEAD), true, true));
            int size = 3 + random.nextInt(5);
            for (int i = 0; i < size; i++) {
                everyone.add(someone(random, team));
            }
        }
        for (int i = 0; i < 2; i++) {
            everyone.add(someone(random, null)); // people without a team
        }

        for (long team : teamIds) {
            String lead = leads.get(team);
            long leadId = TestLogins.personId(users, lead);
            var listing = mvc.perform(get("/team/access").with(TestLogins.as(users, lead)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            for (Someone s : everyone) {
                boolean listed = s.team() != null && s.team() == team && s.active();
                assertThat(listing.contains("id=\"member-" + s.id() + "\"")).as("seed %d: listed %s", seed, s)
                        .isEqualTo(listed);
            }
            for (int i = 0; i < everyone.size(); i++) {
                Someone s = everyone.get(i);
                boolean own = s.team() != null && s.team() == team && s.active();
                boolean eligible = own && s.id() != leadId && EnumSet.of(Role.ADMIN, Role.MANAGEMENT,
                        Role.WORKS_COUNCIL, Role.TEAM_LEAD).stream().noneMatch(s.roles()::contains);
                long codesBefore = codes(s.id());
                boolean accountBefore = accounts.ofPerson(s.id()).isPresent();

                var open = mvc.perform(post("/team/access/" + s.id() + "/account").with(csrf())
                        .with(TestLogins.as(users, lead))).andReturn().getResponse();
                if (!own) {
                    assertThat(open.getStatus()).as("seed %d: open %s", seed, s).isEqualTo(404);
                } else if (!eligible) {
                    assertThat(open.getStatus()).as("seed %d: open %s", seed, s).isEqualTo(403);
                } else if (!accountBefore) {
                    assertThat(open.getRedirectedUrl()).as("seed %d: open %s", seed, s).isEqualTo("/team/access/slip");
                } else {
                    assertThat(open.getRedirectedUrl()).isEqualTo("/team/access"); // already has one: refused
                }
                boolean opened = eligible && !accountBefore;
                assertThat(codes(s.id())).as("seed %d: codes after open %s", seed, s)
                        .isEqualTo(codesBefore + (opened ? 1 : 0));
                assertThat(accounts.ofPerson(s.id()).isPresent()).isEqualTo(accountBefore || opened);

                long codesBetween = codes(s.id());
                var renew = mvc.perform(post("/team/access/" + s.id() + "/code").param("replace", "true").with(csrf())
                        .with(TestLogins.as(users, lead))).andReturn().getResponse();
                if (!own) {
                    assertThat(renew.getStatus()).as("seed %d: code %s", seed, s).isEqualTo(404);
                } else if (!eligible) {
                    assertThat(renew.getStatus()).as("seed %d: code %s", seed, s).isEqualTo(403);
                } else {
                    assertThat(renew.getRedirectedUrl()).as("seed %d: code %s", seed, s).isEqualTo("/team/access/slip");
                }
                assertThat(codes(s.id())).as("seed %d: codes after new code %s", seed, s)
                        .isEqualTo(codesBetween + (eligible ? 1 : 0));
                if (opened) {
                    everyone.set(i, new Someone(s.id(), s.team(), s.roles(), s.active(), true));
                }
            }
        }
    }

    @Test
    void peopleWhoAreNoTeamLeadGet403AndALeadWithoutATeamToo() throws Exception {
        for (String login : List.of("driver", "admin", "manager", "council", "planner")) {
            mvc.perform(get("/team/access").with(TestLogins.as(users, login))).andExpect(status().isForbidden());
        }
        long team = TestPeople.team(teams);
        long member = TestPeople.member(people, team, "Zonder Leider", Role.DRIVER);
        String loose = TestPeople.withAccount(people, accounts, "secret-password-1", Role.TEAM_LEAD);
        mvc.perform(get("/team/access").with(TestLogins.as(users, loose))).andExpect(status().isForbidden());
        mvc.perform(post("/team/access/" + member + "/account").with(csrf()).with(TestLogins.as(users, loose)))
                .andExpect(status().isForbidden());
        assertThat(accounts.ofPerson(member)).isEmpty();
    }

    @Test
    void theSlipIsInThePersonsLanguageAndItsCodeActivatesTheAccount() throws Exception {
        long team = TestPeople.team(teams);
        String lead = TestPeople.loginInTeam(people, accounts, team, Role.TEAM_LEAD);
        String leadName = people.details(TestLogins.personId(users, lead)).orElseThrow().name();
        String number = TestPeople.uniqueNumber();
        long marta = people.register(new PersonDetails(number, "Marta Testowa", Language.PL, null, null, team, null,
                Set.of(Role.DRIVER)), "test").value();

        mvc.perform(get("/team/access").with(TestLogins.as(users, lead)))
                .andExpect(content().string(containsString("Marta Testowa")))
                .andExpect(content().string(containsString("Nog geen account")));
        MvcResult opened = mvc.perform(post("/team/access/" + marta + "/account").with(csrf())
                        .with(TestLogins.as(users, lead)))
                .andExpect(redirectedUrl("/team/access/slip")).andReturn();
        FlashMap flash = opened.getFlashMap();
        String slip = mvc.perform(get("/team/access/slip").flashAttrs(flash).with(TestLogins.as(users, lead)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"pl\"")))
                .andExpect(content().string(containsString("Twoje konto w Meedenken")))
                .andExpect(content().string(containsString("Codebriefje voor Marta Testowa")))
                .andReturn().getResponse().getContentAsString();
        Matcher found = SLIP_CODE.matcher(slip);
        assertThat(found.find()).as(slip).isTrue();
        String code = found.group(1);
        assertThat(slip).contains("/activate?code=" + code, number);

        // shown once: the page without the flash says it is gone
        mvc.perform(get("/team/access/slip").with(TestLogins.as(users, lead)))
                .andExpect(content().string(not(containsString(code))))
                .andExpect(content().string(containsString("Code al getoond")));

        // audited with the lead's name, never the code
        List<AuditEntry> issued = audit.entries(AuditEntry.Type.ACTIVATION_CODE_ISSUED, 0).items().stream()
                .filter(e -> e.subject() != null && e.subject().contains("#" + marta + ")")).toList();
        assertThat(issued).hasSize(1);
        assertThat(issued.get(0).actor()).contains(leadName);
        assertThat(issued.get(0).detail()).contains("by team lead");
        assertThat(audit.entries(null, 0).items()).noneMatch(e -> String.valueOf(e.detail()).contains(code)
                || String.valueOf(e.subject()).contains(code) || String.valueOf(e.actor()).contains(code));

        // the administrator sees who made the last code, on the person's page and in the audit log
        mvc.perform(get("/admin/people/" + marta).with(TestLogins.as(users, "admin")))
                .andExpect(content().string(containsString("Laatste code gemaakt door")))
                .andExpect(content().string(containsString(leadName)));
        mvc.perform(get("/admin/audit").with(TestLogins.as(users, "admin")))
                .andExpect(content().string(containsString("Marta Testowa")));

        mvc.perform(post("/activate").with(csrf()).with(TestLogins.from("10.21.6.1")).param("code", code)
                        .param("password", "moje nowe hasło").param("repeated", "moje nowe hasło"))
                .andExpect(redirectedUrl("/login?activated"));
        assertThat(accounts.ofPerson(marta).orElseThrow().activated()).isTrue();
    }

    @Test
    void aNewCodeThatReplacesAnOpenOneIsConfirmedFirst() throws Exception {
        long team = TestPeople.team(teams);
        String lead = TestPeople.loginInTeam(people, accounts, team, Role.TEAM_LEAD);
        long kees = TestPeople.member(people, team, "Kees Vergeten", Role.WAREHOUSE);
        accounts.open(kees, null, "test");
        long before = codes(kees);

        mvc.perform(post("/team/access/" + kees + "/code").with(csrf()).with(TestLogins.as(users, lead)))
                .andExpect(redirectedUrl("/team/access/" + kees + "/code"));
        assertThat(codes(kees)).isEqualTo(before);
        mvc.perform(get("/team/access/" + kees + "/code").with(TestLogins.as(users, lead)))
                .andExpect(content().string(containsString("Nieuwe code maken voor Kees Vergeten?")))
                .andExpect(content().string(containsString("werkt dan niet meer")));
        mvc.perform(post("/team/access/" + kees + "/code").param("replace", "true").with(csrf())
                        .with(TestLogins.as(users, lead)))
                .andExpect(redirectedUrl("/team/access/slip"));
        assertThat(codes(kees)).isEqualTo(before + 1);
    }

    @Test
    void aLeadsCodeStopsWorkingWhenThePersonGetsMoreRights() throws Exception {
        long team = TestPeople.team(teams);
        String lead = TestPeople.loginInTeam(people, accounts, team, Role.TEAM_LEAD);
        long anna = TestPeople.member(people, team, "Anna Promotie", Role.DRIVER);
        MvcResult opened = mvc.perform(post("/team/access/" + anna + "/account").with(csrf())
                .with(TestLogins.as(users, lead))).andReturn();
        String slip = mvc.perform(get("/team/access/slip").flashAttrs(opened.getFlashMap())
                .with(TestLogins.as(users, lead))).andReturn().getResponse().getContentAsString();
        Matcher found = SLIP_CODE.matcher(slip);
        assertThat(found.find()).isTrue();

        var details = people.details(anna).orElseThrow().details();
        people.change(anna, new PersonDetails(details.employeeNumber(), details.name(), details.language(), null, null,
                team, null, Set.of(Role.DRIVER, Role.MANAGEMENT)), "test");
        mvc.perform(post("/activate").with(csrf()).with(TestLogins.from("10.21.6.2")).param("code", found.group(1))
                        .param("password", "een lange zin").param("repeated", "een lange zin"))
                .andExpect(content().string(containsString("Deze code werkt niet.")));
        assertThat(accounts.ofPerson(anna).orElseThrow().activated()).isFalse();
    }

    @Test
    void theTextMessageSeamGivesTheCodeInThePersonsLanguageWithoutSendingIt() {
        long id = people.register(new PersonDetails(TestPeople.uniqueNumber(), "Olena Sms", Language.UK, null,
                "+31612345678", null, null, Set.of(Role.DRIVER)), "test").value();
        var issued = accounts.open(id, null, "test");
        String text = controller.textMessage(people.details(id).orElseThrow(), issued);
        assertThat(text).contains(issued.code(), "Твій код для Meedenken", "/activate?code=" + issued.code());
    }

    private Someone someone(Random random, Long team) {
        Role role = ROLES[random.nextInt(ROLES.length)];
        Set<Role> roles = role == null ? Set.of() : Set.of(role);
        long id = people.register(new PersonDetails(TestPeople.uniqueNumber(), "Lid " + TestPeople.uniqueNumber(),
                Language.NL, null, null, team, null, roles), "test").value();
        boolean hasAccount = random.nextBoolean();
        if (hasAccount) {
            if (random.nextBoolean()) {
                accounts.open(id, null, "test"); // waiting for activation, with an open code
            } else {
                accounts.openWithPassword(id, "acc" + id, "secret-password-1");
            }
        }
        boolean active = random.nextInt(5) > 0;
        if (!active) {
            people.deactivate(id, "test");
        }
        return new Someone(id, team, roles, active, hasAccount);
    }

    private long codes(long personId) {
        return jdbc.sql("select count(*) from account_code c join account a on a.id = c.account_id where a.person_id = :p")
                .param("p", personId).query(Long.class).single();
    }
}
