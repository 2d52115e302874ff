package nl.meedenken.openbook.web;

import nl.meedenken.TestLogins;
import nl.meedenken.openbook.internal.CostCategory;
import nl.meedenken.openbook.internal.MonthFigures;
import nl.meedenken.openbook.internal.Months;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The month form reads amounts as the manager writes them, saves all or nothing and says why next to the field. */
@SpringBootTest
@AutoConfigureMockMvc
class MonthFormTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Months months;
    @Autowired
    JdbcClient jdbc;

    /** A site of this test only, so that its months never meet those of other tests. */
    long site;

    @BeforeEach
    void ownSite() {
        site = jdbc.sql("insert into site (name) values (:n) returning id")
                .param("n", "Cijfersite " + System.nanoTime()).query(Long.class).single();
    }

    private MockHttpServletRequestBuilder form(YearMonth month, String revenue, Map<String, String> other) {
        MockHttpServletRequestBuilder request = post("/openbook/manage").with(csrf())
                .with(TestLogins.as(users, "manager"))
                .param("month", other.getOrDefault("month", month.toString()))
                .param("siteId", other.getOrDefault("siteId", String.valueOf(site))).param("revenue", revenue);
        for (CostCategory c : CostCategory.values()) {
            request = request.param(c.column(), other.getOrDefault(c.column(), "10000"));
        }
        for (var e : other.entrySet()) {
            if (CostCategory.fromColumn(e.getKey()).isEmpty() && !e.getKey().equals("month") && !e.getKey().equals("siteId")) {
                request = request.param(e.getKey(), e.getValue());
            }
        }
        return request;
    }

    private static Document page(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString());
    }

    private static String text(Document page, String css) {
        Element found = page.selectFirst(css);
        assertThat(found).as(css).isNotNull();
        return found.text();
    }

    private long count() {
        return jdbc.sql("select count(*) from openbook_month where site_id = :s").param("s", site).query(Long.class).single();
    }

    private MonthFigures only() {
        return months.all().stream().filter(m -> site == (m.siteId() == null ? -1 : m.siteId())).findFirst().orElseThrow();
    }

    @Test
    void storesDutchThousandsAsTheyAreMeant() throws Exception {
        mvc.perform(form(YearMonth.of(2098, 3), "412.000", Map.of("fuel", "€ 74.000,50", "personnel", "176000")))
                .andExpect(status().is3xxRedirection());
        MonthFigures saved = only();
        assertThat(saved.revenue()).isEqualByComparingTo("412000");
        assertThat(saved.costs().get(CostCategory.FUEL)).isEqualByComparingTo("74000.50");
        assertThat(saved.costs().get(CostCategory.PERSONNEL)).isEqualByComparingTo("176000");
    }

    @Test
    void readsEnglishNotationForAManagerWhoChoseEnglish() throws Exception {
        Document refused = page(mvc.perform(form(YearMonth.of(2098, 2), "412.000", Map.of())
                .requestAttr("meedenken-lang", Locale.ENGLISH)).andExpect(status().isOk()));
        assertThat(text(refused, "[data-field=revenue]")).contains("412,000 or 412000");
        assertThat(count()).isZero();
        mvc.perform(form(YearMonth.of(2098, 2), "412,000", Map.of("fuel", "1,234.50"))
                        .requestAttr("meedenken-lang", Locale.ENGLISH))
                .andExpect(status().is3xxRedirection());
        assertThat(only().revenue()).isEqualByComparingTo("412000");
        assertThat(only().costs().get(CostCategory.FUEL)).isEqualByComparingTo("1234.50");
    }

    @Test
    void refusesAnAmbiguousAmountNextToItsFieldAndStoresNothing() throws Exception {
        Document page = page(mvc.perform(form(YearMonth.of(2098, 4), "412,000", Map.of())).andExpect(status().isOk()));
        assertThat(text(page, "[data-field=revenue]")).contains("412.000 of 412000");
        assertThat(page.selectFirst("input#revenue").hasClass("is-invalid")).isTrue();
        assertThat(page.selectFirst("input#revenue").attr("aria-describedby")).isEqualTo("revenue-error");
        assertThat(page.select("[data-field]")).hasSize(1);
        assertThat(count()).isZero();
    }

    @Test
    void showsEachProblemNextToTheFieldItIsAbout() throws Exception {
        Document page = page(mvc.perform(form(YearMonth.of(2098, 5), "-10", Map.of("fuel", "veel", "onTime", "140",
                "fuelUse", "31,2.5", "damages", "2,5", "siteId", "x"))).andExpect(status().isOk()));
        assertThat(text(page, "[data-field=revenue]")).contains("minder dan nul");
        assertThat(text(page, "[data-field=fuel]")).contains("\"veel\"");
        assertThat(text(page, "[data-field=onTime]")).contains("100");
        assertThat(text(page, "[data-field=fuelUse]")).contains("31,2.5");
        assertThat(text(page, "[data-field=damages]")).contains("heel getal");
        assertThat(text(page, "[data-field=siteId]")).contains("vestigingen");
        assertThat(page.text()).doesNotContain("{0}").doesNotContain("??");
        assertThat(count()).isZero();
    }

    @Test
    void aMonthWrittenBadlyOrFarFromNowIsRefusedWithWhatWasTyped() throws Exception {
        assertThat(text(page(mvc.perform(form(YearMonth.of(2098, 5), "1000", Map.of("month", "2026-13")))),
                "[data-field=month]")).contains("2026-13");
        assertThat(text(page(mvc.perform(form(YearMonth.of(2098, 5), "1000", Map.of("month", "1899-01")))),
                "[data-field=month]")).contains("1899").contains("2000");
        assertThat(count()).isZero();
    }

    @Test
    void aRefusedShopFloorFigureLeavesNoHalfSavedDraft() throws Exception {
        // every field reads well, but the month already has figures for the whole company: refused on saving
        YearMonth month = YearMonth.of(2098, 6);
        jdbc.sql("insert into openbook_month (month, revenue, created_by, created_at) values (:m, 1, 'test', now())")
                .param("m", month.atDay(1)).update();
        try {
            Document page = page(mvc.perform(form(month, "412.000", Map.of("onTime", "95,5"))).andExpect(status().isOk()));
            assertThat(text(page, "[data-field=month]")).contains("2098-06");
            assertThat(count()).isZero();
            assertThat(jdbc.sql("select count(*) from openbook_shop_floor where month = :m").param("m", month.atDay(1))
                    .query(Long.class).single()).isZero();
        } finally {
            jdbc.sql("delete from openbook_month where month = :m and site_id is null").param("m", month.atDay(1)).update();
        }
    }

    @Test
    void theMonthAndItsShopFloorFiguresAreSavedTogetherOrNotAtAll() {
        YearMonth month = YearMonth.of(2099, 1);
        Map<CostCategory, BigDecimal> costs = new EnumMap<>(CostCategory.class);
        for (CostCategory c : CostCategory.values()) {
            costs.put(c, BigDecimal.TEN);
        }
        var entry = new Months.Entry(month, site, BigDecimal.valueOf(100), costs, null);
        var wrong = new nl.meedenken.openbook.internal.ShopFloor(month, 140.0, null, null, "manual");
        try {
            months.save(null, entry, wrong, "test");
        } catch (nl.meedenken.openbook.internal.InvalidFigures refused) {
            assertThat(refused.field()).isEqualTo("onTime");
        }
        assertThat(count()).as("the month is not kept when its shop-floor figures are refused").isZero();
    }

    @Test
    void warnsAboutAFigureFarFromThePreviousMonthsAndStillSavesIt() throws Exception {
        for (int m = 1; m <= 3; m++) {
            mvc.perform(form(YearMonth.of(2099, m), "400.000", Map.of())).andExpect(status().is3xxRedirection());
        }
        mvc.perform(form(YearMonth.of(2099, 4), "4.000.000", Map.of("fuel", "2.000")))
                .andExpect(redirectedUrlPattern("/openbook/manage/*/edit"))
                .andExpect(flash().attribute("saved", "openbook.saved.draftUnusual"));
        MonthFigures unusual = months.all().stream()
                .filter(f -> f.siteId() != null && f.siteId() == site && f.month().equals(YearMonth.of(2099, 4)))
                .findFirst().orElseThrow();
        Document edit = page(mvc.perform(get("/openbook/manage/" + unusual.id() + "/edit")
                .with(TestLogins.as(users, "manager"))));
        assertThat(text(edit, "[data-warning=revenue]")).contains("meer dan drie keer").contains("€ 400.000");
        assertThat(text(edit, "[data-warning=fuel]")).contains("minder dan een derde");
        assertThat(edit.select("[data-warning=personnel]")).isEmpty();
        Document confirm = page(mvc.perform(get("/openbook/manage/" + unusual.id() + "/publish")
                .with(TestLogins.as(users, "manager"))));
        assertThat(confirm.select("#unusual")).hasSize(1);
    }

    @Test
    void warnsAboutShopFloorFiguresFarFromThePreviousMonthsAndShowsThemBeforePublishing() throws Exception {
        for (int m = 1; m <= 3; m++) {
            mvc.perform(form(YearMonth.of(2097, m), "400.000", Map.of("onTime", "95", "fuelUse", "32", "damages", "2")))
                    .andExpect(status().is3xxRedirection());
        }
        // close enough: a few points, a little more fuel, two more damages
        mvc.perform(form(YearMonth.of(2097, 4), "400.000", Map.of("onTime", "88,5", "fuelUse", "36,4", "damages", "4")))
                .andExpect(redirectedUrlPattern("/openbook/manage#month-*"));
        // slips of the keyboard: 9,5 for 95 %, 3,2 for 32 litres, 12 damages where 2 is usual
        mvc.perform(form(YearMonth.of(2097, 5), "400.000", Map.of("onTime", "9,5", "fuelUse", "3,2", "damages", "12"))
                        .param("explanation", "Een maand."))
                .andExpect(redirectedUrlPattern("/openbook/manage/*/edit"))
                .andExpect(flash().attribute("saved", "openbook.saved.draftUnusual"));
        MonthFigures month = months.all().stream()
                .filter(f -> f.siteId() != null && f.siteId() == site && f.month().equals(YearMonth.of(2097, 5)))
                .findFirst().orElseThrow();
        Document edit = page(mvc.perform(get("/openbook/manage/" + month.id() + "/edit").with(TestLogins.as(users, "manager"))));
        assertThat(text(edit, "[data-warning=onTime]")).contains("ver van het gemiddelde van de 4 maanden").contains("93,4 %");
        assertThat(text(edit, "[data-warning=fuelUse]")).contains("33,1 l/100 km");
        assertThat(text(edit, "[data-warning=damages]")).contains("(2,5)");
        assertThat(edit.select("[data-warning=revenue]")).isEmpty();
        Document confirm = page(mvc.perform(get("/openbook/manage/" + month.id() + "/publish")
                .with(TestLogins.as(users, "manager"))).andExpect(status().isOk()));
        assertThat(confirm.select("#unusual")).hasSize(1);
        assertThat(text(confirm, "tr[data-figure=onTime] td")).isEqualTo("9,5 %");
        assertThat(text(confirm, "tr[data-figure=fuelUse] td")).isEqualTo("3,2");
        assertThat(text(confirm, "tr[data-figure=damages] td")).isEqualTo("12");
        assertThat(confirm.text()).contains("93,4 %", "33,1 l/100 km");
        // fewer damages than usual is good news, not a warning
        mvc.perform(form(YearMonth.of(2097, 6), "400.000", Map.of("damages", "0")))
                .andExpect(redirectedUrlPattern("/openbook/manage#month-*"));
    }

    @Test
    void aFigureCloseToThePreviousMonthsGivesNoWarning() throws Exception {
        for (int m = 1; m <= 2; m++) {
            mvc.perform(form(YearMonth.of(2099, 4 + m), "400.000", Map.of())).andExpect(status().is3xxRedirection());
        }
        mvc.perform(form(YearMonth.of(2099, 7), "1.100.000", Map.of("fuel", "4.000")))
                .andExpect(redirectedUrlPattern("/openbook/manage#month-*"));
    }

    @Test
    void thePublishConfirmationShowsTheFiguresThatWillBePublished() throws Exception {
        mvc.perform(form(YearMonth.of(2099, 8), "412.000", Map.of("personnel", "176.000,25")).param("explanation", "Goed."))
                .andExpect(status().is3xxRedirection());
        MonthFigures month = only();
        Document confirm = page(mvc.perform(get("/openbook/manage/" + month.id() + "/publish")
                .with(TestLogins.as(users, "manager"))).andExpect(status().isOk()));
        assertThat(text(confirm, "tr[data-figure=revenue] td")).isEqualTo("€ 412.000,00");
        assertThat(text(confirm, "tr[data-figure=personnel] td")).isEqualTo("€ 176.000,25");
        assertThat(confirm.text()).contains("Goed.");
        assertThat(confirm.select("#unusual")).isEmpty();
        assertThat(confirm.select("form[action$=/publish]")).hasSize(1);

        mvc.perform(post("/openbook/manage/" + month.id() + "/publish").with(csrf()).with(TestLogins.as(users, "manager")))
                .andExpect(flash().attribute("saved", "openbook.saved.published"));
        Document published = page(mvc.perform(get("/openbook/manage/" + month.id() + "/publish")
                .with(TestLogins.as(users, "manager"))).andExpect(status().isOk()));
        assertThat(text(published, "tr[data-figure=revenue] td")).isEqualTo("€ 412.000,00");
        assertThat(published.select("form[action$=/publish]")).as("a published month offers no second publish").isEmpty();
        assertThat(published.text()).contains("gepubliceerd");
        MockHttpServletRequestBuilder change = post("/openbook/manage/" + month.id()).with(csrf())
                .with(TestLogins.as(users, "manager")).param("month", "2099-08").param("siteId", String.valueOf(site))
                .param("revenue", "500.000");
        for (CostCategory c : CostCategory.values()) {
            change = change.param(c.column(), "1");
        }
        Document refused = page(mvc.perform(change).andExpect(status().isOk()));
        assertThat(text(refused, "[data-field=month]")).contains("gepubliceerd");
        assertThat(only().revenue()).as("published figures cannot change").isEqualByComparingTo("412000");
    }

    @Test
    void theEditFormShowsAmountsAsTheReaderWritesThem() throws Exception {
        mvc.perform(form(YearMonth.of(2099, 9), "412.000", Map.of())).andExpect(status().is3xxRedirection());
        Document edit = page(mvc.perform(get("/openbook/manage/" + only().id() + "/edit")
                .with(TestLogins.as(users, "manager"))));
        assertThat(edit.selectFirst("input#revenue").val()).isEqualTo("412.000");
    }

    @Test
    void anUploadedLatin1FileKeepsItsLettersAndDutchThousands() throws Exception {
        String name = jdbc.sql("select name from site where id = :id").param("id", site).query(String.class).single();
        String file = "month;site;revenue;personnel;fuel;vehicles;buildings;subcontracting;ict;other;explanation\n"
                + "2099-10;" + name + ";412.000;176.000;74.000;49.000;24.500;45.000;12.500;16.000;Koffie en crème voor het café\n";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/openbook/manage/import")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "maanden.csv", "text/csv",
                                file.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
                        .with(csrf()).with(TestLogins.as(users, "manager")))
                .andExpect(status().is3xxRedirection());
        assertThat(only().revenue()).isEqualByComparingTo("412000");
        assertThat(only().explanation()).isEqualTo("Koffie en crème voor het café");
    }
}
