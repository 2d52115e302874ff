package nl.meedenken.openbook;

import nl.meedenken.TestLogins;
import nl.meedenken.openbook.internal.CostCategory;
import nl.meedenken.openbook.internal.FiguresImport;
import nl.meedenken.openbook.internal.Months;
import nl.meedenken.platform.AuditEntry;
import nl.meedenken.platform.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class OpenBookTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.context.MessageSource messages;
    @Autowired
    UserDetailsService users;
    @Autowired
    FiguresImport figuresImport;
    @Autowired
    Months months;
    @Autowired
    OpenBook openBook;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    private static final String HEADER = "month;revenue;personnel;fuel;vehicles;buildings;subcontracting;ict;other\n";

    /** A month far in the future that no other test uses. */
    private static YearMonth freeMonth(int offset) {
        return YearMonth.of(2090 + offset, 1 + (int) (System.nanoTime() % 12));
    }

    @Test
    void everyKindOfBadInputIsListedByLineAndNothingIsImported() {
        YearMonth good = freeMonth(1);
        String existing = months.publishedMonths().get(0).toString();
        String csv = HEADER
                + good + ";400000;170000;70000;48000;24000;44000;12000;16000\n"
                + "2091-13;400000;170000;70000;48000;24000;44000;12000;16000\n"
                + freeMonth(2) + ";veel;170000;70000;48000;24000;44000;12000;16000\n"
                + freeMonth(3) + ";400000;-5;70000;48000;24000;44000;12000;16000\n"
                + existing + ";400000;170000;70000;48000;24000;44000;12000;16000\n"
                + good + ";1;1;1;1;1;1;1;1\n";
        var outcome = figuresImport.run(csv, "test");
        assertThat(outcome.imported()).isZero();
        assertThat(outcome.problems()).extracting(FiguresImport.LineProblem::line, FiguresImport.LineProblem::messageKey)
                .containsExactlyInAnyOrder(
                        tuple(3, "openbook.import.badMonth"),
                        tuple(4, "input.number.invalid"),
                        tuple(5, "input.number.negative"),
                        tuple(6, "openbook.error.monthExists"),
                        tuple(7, "openbook.error.monthExists"));
        assertThat(months.all()).noneMatch(m -> m.month().equals(good));
    }

    @Test
    void anUnknownCostCategoryIsRefusedOnTheHeaderLine() {
        var outcome = figuresImport.run("month;revenue;personnel;fuel;vehicles;buildings;subcontracting;ict;other;snacks\n"
                + freeMonth(4) + ";1;1;1;1;1;1;1;1;1\n", "test");
        assertThat(outcome.problems()).extracting(FiguresImport.LineProblem::line, FiguresImport.LineProblem::messageKey)
                .containsExactly(tuple(1, "input.csv.unknownColumn"));
    }

    @Test
    void aDraftIsVisibleToNobodyButManagementAndPublishingIsRecorded() throws Exception {
        YearMonth month = freeMonth(5);
        assertThat(figuresImport.run(HEADER + month + ";500000;200000;80000;50000;25000;50000;15000;20000\n", "test")
                .imported()).isEqualTo(1);
        long id = months.all().stream().filter(m -> m.month().equals(month)).findFirst().orElseThrow().id();

        mvc.perform(get("/openbook").param("month", month.toString()).with(TestLogins.as(users, "warehouse")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("500.000"))));
        mvc.perform(get("/openbook/manage").with(TestLogins.as(users, "warehouse"))).andExpect(status().isForbidden());
        mvc.perform(post("/openbook/manage/" + id + "/publish").with(csrf()).with(TestLogins.as(users, "council")))
                .andExpect(status().isForbidden());

        // without an explanation it cannot be published
        mvc.perform(post("/openbook/manage/" + id + "/publish").with(csrf()).with(TestLogins.as(users, "manager")))
                .andExpect(flash().attribute("refused", "openbook.error.explanationFirst"));
        jdbc.sql("update openbook_month set explanation = 'Een goede maand.' where id = :id").param("id", id).update();
        Instant before = Instant.now().minusSeconds(1);
        mvc.perform(post("/openbook/manage/" + id + "/publish").with(csrf()).with(TestLogins.as(users, "manager")))
                .andExpect(flash().attribute("saved", "openbook.saved.published"));
        assertThat(audit.entries(AuditEntry.Type.FIGURES_PUBLISHED, 0).items())
                .anyMatch(e -> e.subject().equals(month.toString()) && e.actor().startsWith("Ingrid van den Berg")
                        && !e.occurredAt().isBefore(before));
        mvc.perform(get("/openbook").param("month", month.toString()).with(TestLogins.as(users, "warehouse")))
                .andExpect(content().string(containsString("Een goede maand.")))
                .andExpect(content().string(containsString("Van elke € 100 die klanten ons betaalden, bleef na alle kosten € 12 over.")));
    }

    @Test
    void theEmployeePageExplainsWhereTheMoneyWent() throws Exception {
        // last month: a demo month with shop-floor figures (other tests may publish later months)
        // Piotr reads it in Polish
        java.util.Locale polish = java.util.Locale.forLanguageTag("pl");
        String page = mvc.perform(get("/openbook").param("month", YearMonth.now().minusMonths(1).toString())
                        .with(TestLogins.as(users, "driver")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String heading = messages.getMessage("openbook.hundred.heading", new Object[]{"\u0000"}, polish);
        assertThat(page).contains(org.springframework.web.util.HtmlUtils.htmlEscape(heading.substring(0, heading.indexOf('\u0000')).strip(), "UTF-8"))
                .contains(org.springframework.web.util.HtmlUtils.htmlEscape(messages.getMessage("openbook.cost.FUEL", null, polish), "UTF-8"))
                .contains(org.springframework.web.util.HtmlUtils.htmlEscape(messages.getMessage("openbook.onTime", null, polish), "UTF-8"));
    }

    @Test
    void anAnonymousQuestionKeepsNoTraceOfWhoAskedAndAnAnswerIsForEveryone() throws Exception {
        String text = "Hoeveel kost een lege rit? " + System.nanoTime();
        mvc.perform(post("/openbook/questions").with(csrf()).with(TestLogins.as(users, "warehouse"))
                        .param("text", text).param("anonymous", "yes"))
                .andExpect(flash().attribute("saved", "openbook.question.sentAnonymous"));
        Map<String, Object> row = jdbc.sql("select id, asked_by from openbook_question where text = :t").param("t", text)
                .query().singleRow();
        assertThat(row.get("asked_by")).isNull();
        mvc.perform(post("/openbook/manage/questions/" + row.get("id") + "/answer").with(csrf())
                        .with(TestLogins.as(users, "manager")).param("answer", "Ongeveer de helft van een volle rit."))
                .andExpect(flash().attribute("saved", "openbook.saved.answered"));
        mvc.perform(get("/openbook").with(TestLogins.as(users, "planner")))
                .andExpect(content().string(containsString(text)))
                .andExpect(content().string(containsString("Ongeveer de helft van een volle rit.")));
    }

    @Test
    void aNamedQuestionRemembersWhoAskedSoTheyCanSeeItWaiting() throws Exception {
        String text = "Waarom is de omzet lager? " + System.nanoTime();
        mvc.perform(post("/openbook/questions").with(csrf()).with(TestLogins.as(users, "planner")).param("text", text));
        assertThat(jdbc.sql("select asked_by from openbook_question where text = :t").param("t", text)
                .query(Long.class).single()).isNotNull();
        mvc.perform(get("/openbook").with(TestLogins.as(users, "planner")))
                .andExpect(content().string(containsString("Je vragen die nog op antwoord wachten")));
        mvc.perform(post("/openbook/questions").with(csrf()).with(TestLogins.as(users, "planner")).param("text", " "))
                .andExpect(flash().attribute("refused", "openbook.question.empty"));
    }

    @Test
    void otherModulesSupplyShopFloorFiguresThroughTheApi() {
        YearMonth month = freeMonth(6);
        openBook.recordShopFloorFigures(month, 95.5, null, null, "transport");
        openBook.recordShopFloorFigures(month, null, 30.2, 3, "driving");
        var row = jdbc.sql("select on_time_pct, fuel_l_100, damages, source from openbook_shop_floor where month = :m")
                .param("m", month.atDay(1)).query().singleRow();
        assertThat(((BigDecimal) row.get("on_time_pct")).doubleValue()).isEqualTo(95.5);
        assertThat(((BigDecimal) row.get("fuel_l_100")).doubleValue()).isEqualTo(30.2);
        assertThat(row.get("damages")).isEqualTo(3);
    }

    @Test
    void theEntryFormRefusesNegativeAndNonNumericAmountsNextToTheField() throws Exception {
        var request = post("/openbook/manage").with(csrf()).with(TestLogins.as(users, "manager"))
                .param("month", freeMonth(7).toString()).param("revenue", "-10");
        for (CostCategory c : CostCategory.values()) {
            request = request.param(c.column(), c == CostCategory.FUEL ? "veel" : "100");
        }
        mvc.perform(request)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("gebruik hier nul of meer")))
                .andExpect(content().string(containsString("kunnen we niet als getal lezen")));
    }
}
