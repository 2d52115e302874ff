package nl.meedenken.scan.web;

import nl.meedenken.TestLogins;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.TeamSummary;
import nl.meedenken.scan.internal.Campaign;
import nl.meedenken.scan.internal.Campaigns;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class ScanWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Campaigns campaigns;
    @Autowired
    People people;

    private Campaign demoRecent() {
        return campaigns.all().stream().filter(c -> c.status() == Campaign.Status.CLOSED)
                .filter(c -> c.title().startsWith("Meedenken-scan")).findFirst().orElseThrow();
    }

    private long team(String name) {
        return people.teams().stream().filter(t -> t.name().equals(name)).map(TeamSummary::id).findFirst()
                .orElseThrow().value();
    }

    @Test
    void aTeamLeadSeesOnlyTheirOwnDepartment() throws Exception {
        long id = demoRecent().id();
        long own = team("Chauffeurs Zwolle");
        mvc.perform(get("/scan/campaigns/" + id + "/results").with(TestLogins.as(users, "teamlead")))
                .andExpect(redirectedUrl("/scan/campaigns/" + id + "/results?team=" + own));
        mvc.perform(get("/scan/campaigns/" + id + "/results").param("team", String.valueOf(team("Planning")))
                        .with(TestLogins.as(users, "teamlead")))
                .andExpect(redirectedUrl("/scan/campaigns/" + id + "/results?team=" + own));
        mvc.perform(get("/scan/campaigns/" + id + "/results").param("team", String.valueOf(own))
                        .with(TestLogins.as(users, "teamlead")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Scores per thema")))
                .andExpect(content().string(not(containsString("Thema&#39;s per afdeling"))))
                .andExpect(content().string(not(containsString("Magazijn Venlo"))))
                .andExpect(content().string(not(containsString("Chauffeurs Venlo"))))
                .andExpect(content().string(containsString("\"heatDepartments\":{\"columns\":[]")))
                .andExpect(content().string(containsString("\"map\":[]")));
        mvc.perform(get("/scan/campaigns/" + id + "/report").with(TestLogins.as(users, "teamlead")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aFilterThatSinglesOutAFewPeopleShowsNothing() throws Exception {
        long id = demoRecent().id();
        mvc.perform(get("/scan/campaigns/" + id + "/results").param("team", String.valueOf(team("Planning")))
                        .with(TestLogins.as(users, "council")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Minder dan 5 mensen in deze groep hebben geantwoord")))
                .andExpect(content().string(not(containsString("chart-data"))));
    }

    @Test
    void aDepartmentAndAKindOfWorkTogetherAreNotShown() throws Exception {
        long id = demoRecent().id();
        mvc.perform(get("/scan/campaigns/" + id + "/results").param("team", String.valueOf(team("Chauffeurs Zwolle")))
                        .param("role", "DRIVER").with(TestLogins.as(users, "manager")))
                .andExpect(content().string(containsString("niet voor allebei tegelijk")))
                .andExpect(content().string(not(containsString("chart-data"))));
    }

    @Test
    void whileACampaignRunsThereAreNoResultsReportOrExport() throws Exception {
        long open = campaigns.open().stream().filter(c -> c.kind() == Campaign.Kind.FULL).findFirst().orElseThrow().id();
        mvc.perform(get("/scan/campaigns/" + open + "/results").with(TestLogins.as(users, "manager")))
                .andExpect(content().string(containsString("De uitkomsten verschijnen als de ronde gesloten is")))
                .andExpect(content().string(not(containsString("chart-data"))));
        mvc.perform(get("/scan/campaigns/" + open + "/report.pdf").with(TestLogins.as(users, "manager")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/scan/campaigns/" + open + "/results.csv").with(TestLogins.as(users, "council")))
                .andExpect(status().isNotFound());
    }

    @Test
    void managementAndWorksCouncilGetTheFullResults() throws Exception {
        long id = demoRecent().id();
        for (String who : new String[]{"manager", "council"}) {
            mvc.perform(get("/scan/campaigns/" + id + "/results").with(TestLogins.as(users, who)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Thema&#39;s per afdeling")))
                    .andExpect(content().string(containsString("Leiding en werkvloer vergeleken")))
                    .andExpect(content().string(containsString("Vergeleken met de vorige keer")))
                    .andExpect(content().string(containsString("Open over geld")));
        }
    }

    @Test
    void thePdfReportHasTheCampaignAndItsFindings() throws Exception {
        Campaign campaign = demoRecent();
        byte[] pdf = mvc.perform(get("/scan/campaigns/" + campaign.id() + "/report.pdf")
                        .with(TestLogins.as(users, "council")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Scanrapport: " + campaign.title()).contains("Open over geld")
                    .contains("Leiding en werkvloer vergeleken");
        }
    }

    @Test
    void theCsvHoldsAggregatesOnlyNeverSingleSheetsOrOpenAnswers() throws Exception {
        long id = demoRecent().id();
        String csv = mvc.perform(get("/scan/campaigns/" + id + "/results.csv").with(TestLogins.as(users, "manager")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("Groep;Niveau;Code;Naam;Antwoorden");
        assertThat(csv).contains("\"Het hele bedrijf\";\"dimension\";\"financial_transparency\"")
                .contains("\"minder dan 5\"").contains("\"verborgen om een kleinere groep te beschermen\"")
                .doesNotContain("Vertel ons hoe het bedrijf ervoor staat");
        assertThat(csv.lines().skip(1)).allMatch(line -> line.contains("minder dan 5") || line.contains("verborgen")
                || Integer.parseInt(line.split(";")[4].replace("\"", "")) >= 5);
    }

    @Test
    void aCampaignWithWrongDatesIsRefusedWithAReason() throws Exception {
        mvc.perform(post("/scan/campaigns").with(csrf()).with(TestLogins.as(users, "manager"))
                        .param("title", "Voorjaar").param("opensOn", "2027-03-10").param("closesOn", "2027-03-01")
                        .param("minGroupSize", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("De sluitdatum moet op of na de openingsdatum liggen.")));
        mvc.perform(post("/scan/campaigns").with(csrf()).with(TestLogins.as(users, "manager"))
                        .param("title", "Voorjaar").param("opensOn", "2027-03-01").param("closesOn", "2027-03-10")
                        .param("minGroupSize", "2"))
                .andExpect(content().string(containsString("Gebruik een getal van 3 tot 50.")));
    }

    @Test
    void onlyManagementStartsCampaignsAndMakesCodes() throws Exception {
        mvc.perform(get("/scan/campaigns/new").with(TestLogins.as(users, "council"))).andExpect(status().isForbidden());
        mvc.perform(post("/scan/campaigns").with(csrf()).with(TestLogins.as(users, "teamlead")).param("title", "x"))
                .andExpect(status().isForbidden());
        long open = campaigns.open().stream().filter(c -> c.kind() == Campaign.Kind.FULL).findFirst().orElseThrow().id();
        mvc.perform(post("/scan/campaigns/" + open + "/codes").with(csrf()).with(TestLogins.as(users, "council"))
                .param("count", "3")).andExpect(status().isForbidden());
        mvc.perform(post("/scan/campaigns/" + open + "/codes").with(csrf()).with(TestLogins.as(users, "manager"))
                        .param("count", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Er zijn 3 codes klaar")))
                .andExpect(content().string(containsString("<svg")));
    }

    @Test
    void anEmployeeStartsAnsweringFromTheirScanPage() throws Exception {
        mvc.perform(get("/scan").with(TestLogins.as(users, "warehouse")))
                .andExpect(content().string(containsString("Beginnen")));
        long open = campaigns.open().stream().filter(c -> c.kind() == Campaign.Kind.FULL).findFirst().orElseThrow().id();
        mvc.perform(post("/scan/campaigns/" + open + "/answer").with(csrf()).with(TestLogins.as(users, "warehouse")))
                .andExpect(redirectedUrl("/scan/answer/start"));
    }

    @Test
    void aWrongCodeIsExplainedOnThePage() throws Exception {
        mvc.perform(post("/scan/answer").with(csrf()).param("code", "AAAA-BBBB")
                        .with(TestLogins.from("10.9.1.1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Deze code werkt niet.")));
        mvc.perform(get("/scan/answer/part/1")).andExpect(redirectedUrlPattern("/scan/answer*"));
    }
}
