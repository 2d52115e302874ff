package nl.meedenken.scan.web;

import jakarta.servlet.http.Cookie;
import nl.meedenken.TestLogins;
import nl.meedenken.scan.internal.Answering;
import nl.meedenken.scan.internal.Campaigns;
import nl.meedenken.scan.internal.Questions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** When the database is full for a moment, sending the scan keeps the answers and tries again, never a 500. */
@SpringBootTest
@AutoConfigureMockMvc
class ScanBusyTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Campaigns campaigns;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Questions questions;
    @MockitoSpyBean
    Answering answering;

    @Test
    void aFullServerAnswersWithAPageThatKeepsTheTextAndSendsItAgain() throws Exception {
        long campaign = campaigns.create(new Campaigns.Draft("Druk " + System.nanoTime(), LocalDate.now(),
                LocalDate.now().plusDays(120), 5, List.of(), List.of()), "test");
        campaigns.open(campaign, "test");
        Cookie draft = mvc.perform(post("/scan/campaigns/" + campaign + "/answer").with(csrf())
                        .with(TestLogins.as(users, "warehouse")))
                .andExpect(redirectedUrl("/scan/answer/start")).andReturn().getResponse().getCookie("meedenken-scan");
        assertThat(draft).isNotNull();
        mvc.perform(post("/scan/answer/start").with(csrf()).with(TestLogins.as(users, "warehouse")).cookie(draft)
                        .param("teamId", "none").param("roleGroup", "WAREHOUSE"))
                .andExpect(redirectedUrl("/scan/answer/part/1"));
        List<String> items = questions.itemCodes(campaigns.find(campaign).orElseThrow());
        Map<String, Integer> answers = new HashMap<>();
        items.forEach(item -> answers.put(item, 4));
        answering.answer(draft.getValue(), items, answers);

        doThrow(new CannotGetJdbcConnectionException("every connection is in use"))
                .when(answering).submit(any(), anyMap(), any());
        mvc.perform(post("/scan/answer/submit").with(csrf()).with(TestLogins.as(users, "warehouse")).cookie(draft)
                        .param("o_works_well", "De koffie is goed & warm"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().string(containsString("Even druk")))
                .andExpect(content().string(containsString("De koffie is goed &amp; warm")))
                .andExpect(content().string(containsString("data-retry-after=\"5\"")));
        assertThat(jdbc.sql("select count(*) from scan_draft where campaign_id = :c").param("c", campaign)
                .query(Integer.class).single()).as("the draft is kept for the next try").isEqualTo(1);

        assertThat(campaigns.responses(campaign)).isZero();

        // the next try (the page sends itself again) gets through
        doCallRealMethod().when(answering).submit(any(), anyMap(), any());
        mvc.perform(post("/scan/answer/submit").with(csrf()).with(TestLogins.as(users, "warehouse")).cookie(draft)
                        .param("o_works_well", "De koffie is goed & warm"))
                .andExpect(redirectedUrl("/scan/answer/done"));
        assertThat(campaigns.responses(campaign)).isEqualTo(1);
    }
}
