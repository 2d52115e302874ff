package nl.meedenken.scan.web;

import nl.meedenken.TestLogins;
import nl.meedenken.TestPeople;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.internal.Teams;
import nl.meedenken.scan.RoleGroup;
import nl.meedenken.scan.internal.Campaign;
import nl.meedenken.scan.internal.Campaigns;
import nl.meedenken.scan.internal.ParticipationCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class ScanCodesWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Campaigns campaigns;
    @Autowired
    ParticipationCodes codes;
    @Autowired
    People people;
    @Autowired
    Teams teams;
    @Autowired
    nl.meedenken.scan.internal.Answering answering;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    // closing late on purpose: other tests take the first open campaign (soonest to close), which
    // must stay one that asks everyone
    private long campaignForPeopleWithoutAccount(int people) {
        long team = TestPeople.team(teams);
        for (int i = 0; i < people; i++) {
            TestPeople.member(this.people, team, "Zonder account " + i);
        }
        long id = campaigns.create(new Campaigns.Draft("Codes web " + System.nanoTime(), LocalDate.now(),
                LocalDate.now().plusDays(90), 5, List.of(), List.of(team)), "Ingrid van den Berg");
        campaigns.open(id, "Ingrid van den Berg");
        return id;
    }

    @Test
    void moreCodesThanPeopleWithoutAnAccountAreRefusedWithTheNumbers() throws Exception {
        long id = campaignForPeopleWithoutAccount(5);
        mvc.perform(get("/scan/campaigns/" + id).with(TestLogins.as(users, "manager")))
                .andExpect(content().string(containsString("Je kunt nog 5 codes maken")))
                .andExpect(content().string(containsString("0 gemaakt, hoogstens 5")));
        mvc.perform(post("/scan/campaigns/" + id + "/codes").with(csrf()).with(TestLogins.as(users, "manager"))
                        .param("count", "5"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Er zijn 5 codes klaar")));
        mvc.perform(post("/scan/campaigns/" + id + "/codes").with(csrf()).with(TestLogins.as(users, "manager"))
                        .param("count", "1"))
                .andExpect(redirectedUrl("/scan/campaigns/" + id))
                .andExpect(flash().attribute("refused", "scan.codes.error.cap"));
        String page = mvc.perform(get("/scan/campaigns/" + id).with(TestLogins.as(users, "manager"))
                        .flashAttr("refused", "scan.codes.error.cap").flashAttr("refusedArgs", new Object[]{5, 0}))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Deze ronde vraagt 5 mensen zonder account; je kunt nog 0 codes maken.");
    }

    @Test
    void theAuditTrailShowsIssuanceAndExportsToTheCouncilAndManagementOnly() throws Exception {
        long id = campaignForPeopleWithoutAccount(3);
        mvc.perform(post("/scan/campaigns/" + id + "/codes").with(csrf()).with(TestLogins.as(users, "manager"))
                .param("count", "2")).andExpect(status().isOk());
        long demo = campaigns.all().stream().filter(c -> c.status() == Campaign.Status.CLOSED)
                .filter(c -> c.title().startsWith("Meedenken-scan")).findFirst().orElseThrow().id();
        mvc.perform(get("/scan/campaigns/" + demo + "/results.csv").with(TestLogins.as(users, "manager")))
                .andExpect(status().isOk());
        mvc.perform(get("/scan/campaigns/" + demo + "/report").with(TestLogins.as(users, "council")))
                .andExpect(status().isOk());

        for (String reader : new String[]{"council", "manager"}) {
            mvc.perform(get("/scan/campaigns/" + id + "/audit").with(TestLogins.as(users, reader)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Papieren codes aangevraagd")))
                    .andExpect(content().string(containsString("Papieren codes gemaakt en getoond om te printen")))
                    .andExpect(content().string(containsString("Scanronde geopend")))
                    .andExpect(content().string(containsString("2 codes")))
                    .andExpect(content().string(containsString("Ingrid van den Berg")));
        }
        mvc.perform(get("/scan/campaigns/" + demo + "/audit").with(TestLogins.as(users, "council")))
                .andExpect(content().string(containsString("results.csv")))
                .andExpect(content().string(containsString("Henk Mulder")));
        for (String outsider : new String[]{"driver", "teamlead", "warehouse"}) {
            mvc.perform(get("/scan/campaigns/" + id + "/audit").with(TestLogins.as(users, outsider)))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void aCoSignedBatchIsPrintedByWhoAskedAndTheCouncilSwitchesTheSetting() throws Exception {
        boolean before = codes.councilCosigns();
        try {
            mvc.perform(post("/scan/campaigns/cosigning").with(csrf()).with(TestLogins.as(users, "manager"))
                    .param("on", "false")).andExpect(status().isForbidden());
            mvc.perform(post("/scan/campaigns/cosigning").with(csrf()).with(TestLogins.as(users, "council"))
                    .param("on", "true")).andExpect(status().is3xxRedirection());
            long id = campaignForPeopleWithoutAccount(4);
            mvc.perform(post("/scan/campaigns/" + id + "/codes").with(csrf()).with(TestLogins.as(users, "manager"))
                            .param("count", "3"))
                    .andExpect(redirectedUrl("/scan/campaigns/" + id + "/batches"))
                    .andExpect(flash().attribute("saved", "scan.codes.saved.pending"));
            long batch = codes.batches(id).get(0).id();
            mvc.perform(get("/scan/campaigns/" + id + "/batches").with(TestLogins.as(users, "manager")))
                    .andExpect(content().string(containsString("Wacht op de OR")))
                    .andExpect(content().string(not(containsString("/batches/" + batch + "/print"))));
            mvc.perform(post("/scan/campaigns/" + id + "/batches/" + batch + "/print").with(csrf())
                            .with(TestLogins.as(users, "manager")))
                    .andExpect(flash().attribute("refused", "scan.codes.error.waitsForCouncil"));
            mvc.perform(post("/scan/campaigns/" + id + "/batches/" + batch + "/cosign").with(csrf())
                    .with(TestLogins.as(users, "manager"))).andExpect(status().isForbidden());
            mvc.perform(get("/scan/campaigns/" + id + "/batches").with(TestLogins.as(users, "council")))
                    .andExpect(content().string(containsString("/batches/" + batch + "/cosign")));
            mvc.perform(post("/scan/campaigns/" + id + "/batches/" + batch + "/cosign").with(csrf())
                            .with(TestLogins.as(users, "council")))
                    .andExpect(flash().attribute("saved", "scan.codes.saved.cosigned"));
            mvc.perform(post("/scan/campaigns/" + id + "/batches/" + batch + "/print").with(csrf())
                            .with(TestLogins.as(users, "manager")))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("Er zijn 3 codes klaar")));
        } finally {
            codes.councilCosigns(before, "test");
        }
    }

    @Test
    void managementIsRefusedOnTheCodePage() throws Exception {
        mvc.perform(get("/scan/answer").with(TestLogins.as(users, "manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("de directie kan niet antwoorden met een papieren code")))
                .andExpect(content().string(not(containsString("name=\"code\""))));
        mvc.perform(post("/scan/answer").with(csrf()).with(TestLogins.as(users, "manager")).param("code", "AAAA-BBBB"))
                .andExpect(content().string(containsString("de directie kan niet antwoorden met een papieren code")));
        mvc.perform(get("/scan/answer").with(TestLogins.as(users, "warehouse")))
                .andExpect(content().string(containsString("name=\"code\"")));
    }

    @Test
    void aClosedCampaignSaysHowManySheetsCameByCodeButNeverFewerThanK() throws Exception {
        long demo = campaigns.all().stream().filter(c -> c.status() == Campaign.Status.CLOSED)
                .filter(c -> c.title().startsWith("Meedenken-scan")).findFirst().orElseThrow().id();
        mvc.perform(get("/scan/campaigns/" + demo).with(TestLogins.as(users, "council")))
                .andExpect(content().string(containsString("0 van de " + campaigns.responses(demo)
                        + " lijsten kwamen via een papieren code.")));

        // ten sheets, two of them by code: the page says "fewer than 5", never 2
        long id = campaignForPeopleWithoutAccount(0);
        for (int i = 0; i < 10; i++) {
            answering.store(id, 0, RoleGroup.DRIVER, "nl", Map.of(), Map.of());
        }
        jdbc.sql("update scan_campaign set code_sheets = 2 where id = :id").param("id", id).update();
        campaigns.close(id, "test");
        mvc.perform(get("/scan/campaigns/" + id).with(TestLogins.as(users, "council")))
                .andExpect(content().string(containsString("Minder dan 5 van de 10 lijsten kwamen via een papieren code.")))
                .andExpect(content().string(not(containsString("2 van de 10"))));
        mvc.perform(get("/scan/campaigns/" + id + "/results").with(TestLogins.as(users, "manager")))
                .andExpect(content().string(containsString("Minder dan 5 van de 10 lijsten kwamen via een papieren code.")));

        // eight of ten by code: "8 of 10" would say that two answered with their account
        long most = campaignForPeopleWithoutAccount(0);
        for (int i = 0; i < 10; i++) {
            answering.store(most, 0, RoleGroup.DRIVER, "nl", Map.of(), Map.of());
        }
        jdbc.sql("update scan_campaign set code_sheets = 8 where id = :id").param("id", most).update();
        campaigns.close(most, "test");
        mvc.perform(get("/scan/campaigns/" + most).with(TestLogins.as(users, "council")))
                .andExpect(content().string(containsString("Op minder dan 5 na kwamen alle 10 lijsten via een papieren code.")))
                .andExpect(content().string(not(containsString("8 van de 10"))));
        mvc.perform(get("/scan/campaigns/" + most + "/results").with(TestLogins.as(users, "manager")))
                .andExpect(content().string(containsString("Op minder dan 5 na kwamen alle 10 lijsten via een papieren code.")))
                .andExpect(content().string(not(containsString("8 van de 10"))));
    }
}
