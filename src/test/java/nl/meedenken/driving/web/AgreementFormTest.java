package nl.meedenken.driving.web;

import nl.meedenken.TestLogins;
import nl.meedenken.driving.internal.Agreements;
import nl.meedenken.driving.internal.Metric;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The numbers of a draft data agreement (weights, days kept) are read as management types them, or refused at their field. */
@SpringBootTest
@AutoConfigureMockMvc
class AgreementFormTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Agreements agreements;

    private MockHttpServletRequestBuilder draft(Map<String, String> changed) {
        MockHttpServletRequestBuilder request = post("/driving/agreement").with(csrf()).with(TestLogins.as(users, "manager"))
                .param("purpose", "Zuinig en veilig rijden, met elkaar bespreken en nooit voor een beoordeling.")
                .param("teamAggregate", "on");
        for (Metric m : Metric.values()) {
            request = request.param("metric" + m.name(), "on").param("weight" + m.name(), changed.getOrDefault("weight" + m.name(), "20"));
        }
        return request.param("retentionDays", changed.getOrDefault("retentionDays", "182"));
    }

    private Document refused(Map<String, String> changed) throws Exception {
        int before = agreements.all().size();
        String html = mvc.perform(draft(changed)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(agreements.all()).as("no draft was stored").hasSize(before);
        return Jsoup.parse(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12,5", "12.5", "twintig", "-1", "101", "1.000"})
    void aWeightThatIsNotAWholeNumberFrom0To100IsRefusedAtItsField(String typed) throws Exception {
        Document page = refused(Map.of("weightIDLING", typed));
        assertThat(page.select("#weightIDLING.is-invalid")).hasSize(1);
        assertThat(page.select("#weightIDLING ~ .field-error").text()).isEqualTo("Vul een gewicht in van 0 tot 100.");
        assertThat(page.select("#weightIDLING").attr("value")).isEqualTo(typed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"27", "731", "1.000", "182,5", "half jaar", ""})
    void daysKeptOutsideTheRangeOrNotAWholeNumberAreRefusedAtTheField(String typed) throws Exception {
        Document page = refused(Map.of("retentionDays", typed));
        assertThat(page.select("#retentionDays.is-invalid")).hasSize(1);
        assertThat(page.select("#retentionDays ~ .field-error").text()).isEqualTo("Vul een aantal dagen in tussen 28 en 730.");
    }

    @Test
    void wholeNumbersAsTypedMakeADraft() throws Exception {
        mvc.perform(draft(Map.of("retentionDays", " 365 ", "weightFUEL", "040", "weightOVERSPEED", "0")))
                .andExpect(redirectedUrl("/driving/agreement"));
        var made = agreements.all().stream().filter(a -> a.consentOn() == null && a.retentionDays() == 365)
                .reduce((first, second) -> second).orElseThrow();
        try {
            assertThat(made.weights()).containsEntry(Metric.FUEL, 40).containsEntry(Metric.OVERSPEED, 0).containsEntry(Metric.IDLING, 20);
        } finally {
            agreements.discard(made.id(), "test");
        }
    }
}
