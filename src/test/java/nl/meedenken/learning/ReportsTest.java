package nl.meedenken.learning;

import nl.meedenken.TestLogins;
import nl.meedenken.TestPeople;
import nl.meedenken.learning.internal.Category;
import nl.meedenken.learning.internal.InvalidReport;
import nl.meedenken.learning.internal.Lessons;
import nl.meedenken.learning.internal.Report;
import nl.meedenken.learning.internal.Reports;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class ReportsTest {

    private static final Pattern CODE = Pattern.compile("id=\"follow-up-code\" class=\"code-box\">([A-Z0-9-]{14})<");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    People people;
    @Autowired
    Accounts accounts;
    @Autowired
    Reports reports;
    @Autowired
    Lessons lessons;
    @Autowired
    JdbcClient jdbc;

    @Test
    void nothingThatIdentifiesTheReporterIsStoredForAnAnonymousReport() throws Exception {
        String login = TestPeople.withAccount(people, accounts, "secret-password-1", Role.WAREHOUSE);
        PersonSummary reporter = people.withRole(Role.EMPLOYEE).stream()
                .filter(p -> p.employeeNumber().equalsIgnoreCase(login.substring("login".length()))).findFirst()
                .orElseThrow();
        String what = "Unieke situatie " + unique() + ": een pallet stond half op de looproute.";
        long auditBefore = jdbc.sql("select count(*) from audit_event").query(Long.class).single();

        String page = mvc.perform(post("/learning/report").with(csrf()).with(TestLogins.as(users, login))
                        .with(TestLogins.from("10.77.1.9"))
                        .param("category", "NEAR_MISS").param("whatHappened", what).param("location", "Hal B")
                        .param("who", "anonymous").param("key", UUID.randomUUID().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Schrijf deze code op")))
                .andReturn().getResponse().getContentAsString();
        Matcher code = CODE.matcher(page);
        assertThat(code.find()).as("the page shows the follow-up code").isTrue();

        Map<String, Object> row = jdbc.sql("select * from mistake_report where what_happened = :w").param("w", what)
                .query().singleRow();
        assertThat(row.get("reporter_id")).isNull();
        assertThat(row.get("reported_at")).as("no exact time").isNull();
        assertThat(row.get("reported_in")).as("only the month")
                .isEqualTo(java.sql.Date.valueOf(LocalDate.now(ZoneId.of("Europe/Amsterdam")).withDayOfMonth(1)));
        assertThat(row.get("follow_up_hash").toString()).doesNotContain(code.group(1))
                .doesNotContain(code.group(1).replace("-", ""));
        List<String> identifying = List.of(reporter.name(), login, reporter.employeeNumber(), "10.77.1.9");
        for (Map.Entry<String, Object> column : row.entrySet()) {
            if (column.getValue() instanceof Number number) {
                assertThat(number.longValue()).as("column %s", column.getKey()).isNotEqualTo(reporter.id().value());
                continue;
            }
            String value = String.valueOf(column.getValue());
            for (String id : identifying) {
                assertThat(value).as("column %s", column.getKey()).doesNotContain(id);
            }
        }
        long auditAfter = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        assertThat(auditAfter).as("reporting writes nothing to the audit log").isEqualTo(auditBefore);
        assertThat(reports.of(reporter.id().value())).as("it is not among the person's own reports").isEmpty();
    }

    @Test
    void theAnonymousReporterReadsTheAnswerWithTheCodeWithoutSigningIn() throws Exception {
        Reports.Reported done = reports.reportAnonymously(new Reports.NewReport(Category.SAFETY,
                "De nooduitgang stond vol met dozen.", null, null, null, false, null));
        mvc.perform(post("/learning/follow-up").with(csrf()).param("code", done.followUpCode()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("De nooduitgang stond vol met dozen.")))
                .andExpect(content().string(containsString("Er is nog geen antwoord.")));

        reports.answer(done.id(), "De dozen hadden geen vaste plek.", "Er komt een vak op de vloer waar niets mag staan.",
                "Dank je wel voor het melden!", "Gerrit Bos");
        mvc.perform(post("/learning/follow-up").with(csrf()).param("code", done.followUpCode().toLowerCase()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Er komt een vak op de vloer waar niets mag staan.")))
                .andExpect(content().string(containsString("Dank je wel voor het melden!")));
        mvc.perform(post("/learning/follow-up").with(csrf()).param("code", "AAAA-BBBB-CCCC"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Deze code kennen we niet.")));
    }

    @Test
    void aRepeatedSubmissionIsStoredOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String what = "Dubbel verstuurd " + unique();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/learning/report").with(csrf()).with(TestLogins.as(users, "driver"))
                            .param("category", "DAMAGE").param("whatHappened", what).param("who", "named")
                            .param("key", key))
                    .andExpect(status().isOk());
        }
        assertThat(jdbc.sql("select count(*) from mistake_report where what_happened = :w").param("w", what)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theFormAsksAgainWhenTheTextPointsToSomeone() throws Exception {
        // the demo driver, who reads Polish, has switched this phone to English
        String what = "Jan de Vries reed met VZ-123-B tegen de paal " + unique();
        mvc.perform(post("/learning/report").with(csrf()).with(TestLogins.as(users, "driver")).requestAttr("meedenken-lang", java.util.Locale.ENGLISH)
                        .param("category", "DAMAGE").param("whatHappened", what).param("who", "named")
                        .param("key", UUID.randomUUID().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Name of a colleague: Jan de Vries")))
                .andExpect(content().string(containsString("Licence plate: VZ-123-B")))
                .andExpect(content().string(containsString("Send as it is")));
        assertThat(jdbc.sql("select count(*) from mistake_report where what_happened = :w").param("w", what)
                .query(Integer.class).single()).as("nothing stored before the reporter decides").isZero();
        String fingerprint = page(what).split("name=\"confirmed\" value=\"")[1].split("\"")[0];
        String changed = what + " Bel 06-12345678.";
        mvc.perform(post("/learning/report").with(csrf()).with(TestLogins.as(users, "driver")).requestAttr("meedenken-lang", java.util.Locale.ENGLISH)
                        .param("category", "DAMAGE").param("whatHappened", changed).param("who", "named")
                        .param("confirmed", fingerprint).param("key", UUID.randomUUID().toString()))
                .andExpect(content().string(containsString("Phone number: 06-12345678")));
        mvc.perform(post("/learning/report").with(csrf()).with(TestLogins.as(users, "driver")).requestAttr("meedenken-lang", java.util.Locale.ENGLISH)
                        .param("category", "DAMAGE").param("whatHappened", what).param("who", "named")
                        .param("confirmed", fingerprint).param("key", UUID.randomUUID().toString()))
                .andExpect(content().string(containsString("Thank you for your report")));
        mvc.perform(post("/learning/report").with(csrf()).with(TestLogins.as(users, "driver")).requestAttr("meedenken-lang", java.util.Locale.ENGLISH)
                        .param("category", "").param("whatHappened", "").param("who", "named"))
                .andExpect(content().string(containsString("Choose what it is about.")));
    }

    @Test
    void aLessonNeedsConsentAnAnswerAndATextWithoutIdentifyingDetails() {
        Reports.Reported secret = reports.reportAnonymously(new Reports.NewReport(Category.QUALITY,
                "Verkeerde sticker", null, null, null, false, null));
        reports.answer(secret.id(), "geleerd", "veranderd", "dank", "lead");
        assertThatThrownBy(() -> lessons.publish(secret.id(), new Lessons.Draft("Les", "Situatie", "Les", true), "lead"))
                .isInstanceOf(InvalidReport.class).hasMessageContaining("learning.error.noConsent");

        Reports.Reported shared = reports.reportAnonymously(new Reports.NewReport(Category.DAMAGE,
                "Schade aan de oplegger", null, null, null, true, null));
        assertThatThrownBy(() -> lessons.publish(shared.id(), new Lessons.Draft("Les", "Situatie", "Les", true), "lead"))
                .hasMessageContaining("learning.error.answerFirst");
        reports.answer(shared.id(), "Palen zijn slecht te zien", "Reflectoren", "Dank", "lead");
        assertThatThrownBy(() -> lessons.publish(shared.id(), new Lessons.Draft("Paal geraakt",
                "Wagen 12-ABC-3 raakte een paal", "Reflectoren helpen", true), "lead"))
                .hasMessageContaining("learning.error.identifying");
        assertThatThrownBy(() -> lessons.publish(shared.id(), new Lessons.Draft("Paal geraakt",
                "Een oplegger raakte een paal", "Reflectoren helpen", false), "lead"))
                .hasMessageContaining("learning.error.notChecked");
        long lesson = lessons.publish(shared.id(), new Lessons.Draft("Paal geraakt", "Een oplegger raakte een paal",
                "Reflectoren helpen", true), "lead");
        assertThat(lessons.find(lesson)).isPresent();
        assertThatThrownBy(() -> lessons.publish(shared.id(), new Lessons.Draft("Nog eens", "Situatie", "Les", true),
                "lead")).hasMessageContaining("learning.error.alreadyPublished");
    }

    @Test
    void aTeamLeadAnswersAndTurnsAReportIntoAnActionAndEveryoneReadsTheLesson() throws Exception {
        Reports.Reported done = reports.reportNamed(new Reports.NewReport(Category.SAFETY,
                "Spanband brak tijdens het vastzetten " + unique(), "Oplegger", null, null, true, null),
                idOf("driver"));
        mvc.perform(post("/learning/reports/{id}/answer", done.id()).with(csrf()).with(TestLogins.as(users, "teamlead"))
                        .param("learned", "").param("change", "x").param("thanks", "y"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Vul dit in.")));
        mvc.perform(post("/learning/reports/{id}/answer", done.id()).with(csrf()).with(TestLogins.as(users, "teamlead"))
                        .param("learned", "Oude banden werden niet vervangen.")
                        .param("change", "Elke maand kijken we de banden na.").param("thanks", "Goed dat je het meldde."))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/learning/reports/{id}/actions", done.id()).with(csrf()).with(TestLogins.as(users, "teamlead"))
                        .param("title", "Nieuwe spanbanden bestellen").param("ownerId", Long.toString(idOf("teamlead")))
                        .param("dueOn", LocalDate.now().plusDays(14).toString()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/learning/reports/{id}", done.id()).with(TestLogins.as(users, "teamlead")))
                .andExpect(content().string(containsString("Nieuwe spanbanden bestellen")));
        mvc.perform(get("/learning/mine/{id}", done.id()).with(TestLogins.as(users, "driver")))
                .andExpect(content().string(containsString("Elke maand kijken we de banden na.")))
                .andExpect(content().string(containsString("Goed dat je het meldde.")));
        mvc.perform(get("/learning/mine/{id}", done.id()).with(TestLogins.as(users, "warehouse")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/learning/reports/{id}", done.id()).with(TestLogins.as(users, "warehouse")))
                .andExpect(status().isForbidden());

        String title = "Versleten banden " + unique();
        mvc.perform(post("/learning/reports/{id}/lesson", done.id()).with(csrf()).with(TestLogins.as(users, "teamlead"))
                        .param("title", title).param("situation", "Een spanband brak.")
                        .param("lesson", "Elke maand nakijken.").param("checked", "on"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/learning/lessons").with(TestLogins.as(users, "warehouse")))
                .andExpect(content().string(containsString(title)));
    }

    @Test
    void theOverviewCountsReportsPerMonthAndSiteAsAHealthySign() throws Exception {
        mvc.perform(get("/learning").with(TestLogins.as(users, "warehouse")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Veel meldingen betekent dat mensen durven te praten")))
                .andExpect(content().string(containsString("Zwolle")))
                .andExpect(content().string(containsString("Venlo")))
                .andExpect(content().string(not(containsString("Meldingen ("))));
        Reports.MonthlyCounts counts = reports.monthly();
        assertThat(counts.all()).as("the demo reports of the last six months").isGreaterThanOrEqualTo(15);
    }

    @Test
    void theDemoCodeReadsAnAnsweredAnonymousReport() {
        Report report = reports.byCode("demo-leer-code").orElseThrow();
        assertThat(report.anonymous()).isTrue();
        assertThat(report.answered()).isTrue();
        assertThat(lessons.list(null, 0).total()).isGreaterThanOrEqualTo(5);
    }

    private String page(String what) throws Exception {
        return mvc.perform(post("/learning/report").with(csrf()).with(TestLogins.as(users, "driver"))
                        .param("category", "DAMAGE").param("whatHappened", what).param("who", "named")
                        .param("key", UUID.randomUUID().toString()))
                .andReturn().getResponse().getContentAsString();
    }

    /** Letters only, so the detector of plates and phone numbers never sees a pattern in it. */
    private static String unique() {
        return UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    }

    private long idOf(String login) {
        return TestLogins.personId(users, login);
    }

    // ---- what reaches whom

    @Test
    void theReporterOfANamedReportIsToldOfTheAnswerAndAnAnonymousOneTellsNobody() throws Exception {
        long reporter = TestPeople.person(people, "Melder " + unique(), java.util.Set.of(Role.WAREHOUSE));
        Reports.Reported named = reports.reportNamed(new Reports.NewReport(Category.SAFETY,
                "Een kar rolde van de laadklep " + unique(), null, null, null, false, null), reporter);
        Reports.Reported anonymous = reports.reportAnonymously(new Reports.NewReport(Category.SAFETY,
                "Een deur klemde " + unique(), null, null, null, false, null));
        long told = jdbc.sql("select count(*) from notification where message = 'learning.notify.answered'")
                .query(Long.class).single();
        for (long id : List.of(named.id(), anonymous.id())) {
            mvc.perform(post("/learning/reports/{id}/answer", id).with(csrf()).with(TestLogins.as(users, "teamlead"))
                            .param("learned", "Wielen blokkeren").param("change", "Wiggen bij elke klep")
                            .param("thanks", "Dank je"))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(nl.meedenken.TestNotices.told(jdbc, reporter, "learning.notify.answered",
                "/learning/mine/" + named.id())).isEqualTo(1);
        assertThat(nl.meedenken.TestNotices.told(jdbc, idOf("teamlead"), "learning.notify.answered",
                "/learning/mine/" + named.id())).isZero();
        assertThat(jdbc.sql("select count(*) from notification where message = 'learning.notify.answered'")
                .query(Long.class).single()).as("one notification, none for the anonymous report").isEqualTo(told + 1);
    }
}
