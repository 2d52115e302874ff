package nl.meedenken.platform.notify;

import nl.meedenken.TestLogins;
import nl.meedenken.platform.Notifications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class NotificationsTest {

    @Autowired
    Notifications notifications;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    private long id(String login) {
        return TestLogins.personId(users, login);
    }

    @Test
    void theBellCountsUnreadNotificationsInTheReadersLanguageAndOpeningOneMarksItRead() throws Exception {
        notifications.readAll(id("council"));
        int managerBefore = notifications.unread(id("manager"));
        notifications.tell(List.of(id("council"), id("manager")), id("manager"), "challenges.notify.closed",
                "/challenges/1", "Test uitdaging");
        mvc.perform(get("/").with(TestLogins.as(users, "council")))
                .andExpect(content().string(containsString("Berichten: één nieuw")));
        assertThat(notifications.unread(id("manager"))).as("the actor is not told about their own doing")
                .isEqualTo(managerBefore);
        String page = mvc.perform(get("/notifications").with(TestLogins.as(users, "council")))
                .andExpect(content().string(containsString("De uitdaging &quot;Test uitdaging&quot; is afgesloten.")))
                .andReturn().getResponse().getContentAsString();
        long notification = notifications.of(id("council"), 0).items().get(0).id();
        mvc.perform(post("/notifications/{id}", notification).with(csrf()).with(TestLogins.as(users, "driver")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/notifications/{id}", notification).with(csrf()).with(TestLogins.as(users, "council")))
                .andExpect(redirectedUrl("/challenges/1"));
        assertThat(notifications.unread(id("council"))).isZero();
        assertThat(page).contains("Nieuw");
    }

    @Test
    void administratorsReadThatEMailIsOffWithoutSmtpSettings() throws Exception {
        assertThat(notifications.mailOn()).isFalse();
        mvc.perform(get("/").with(TestLogins.as(users, "admin")))
                .andExpect(content().string(containsString("E-mail staat uit")));
    }
}
