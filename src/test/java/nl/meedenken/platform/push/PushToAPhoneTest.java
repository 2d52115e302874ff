package nl.meedenken.platform.push;

import nl.meedenken.TestLogins;
import nl.meedenken.platform.delivery.Deliveries;
import nl.meedenken.platform.delivery.DeliveryChoices;
import nl.meedenken.platform.delivery.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole way from a team lead's click to a driver's phone: Piotr turns on notifications on his phone and
 * chooses push for actions; the team lead gives him an action; the delivery queue sends it, encrypted, to
 * the phone's push service, and the phone reads the action's title in Polish. (Headless Chromium cannot
 * subscribe to a real push service, so the phone is the test's own: it holds the keys and decrypts.)
 */
@SpringBootTest(properties = {"meedenken.push.allow-insecure-endpoints=true", "meedenken.push.subject=mailto:beheer@example.nl",
        // no quiet hours in this test, whatever the time it runs at
        "meedenken.delivery.quiet-from=00:00", "meedenken.delivery.quiet-until=00:00"})
@AutoConfigureMockMvc
class PushToAPhoneTest {

    static final FakePushService SERVICE = new FakePushService();

    @AfterAll
    static void stop() {
        SERVICE.close();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    DeliveryChoices choices;
    @Autowired
    Deliveries deliveries;

    @Test
    void anActionGivenByTheTeamLeadReachesTheDriversPhone() throws Exception {
        FakePushService.Device phone = SERVICE.device();
        mvc.perform(post("/push/subscriptions").with(TestLogins.as(users, "driver")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"endpoint\":\"" + phone.endpoint() + "\",\"keys\":{\"p256dh\":\"" + phone.p256dh()
                                + "\",\"auth\":\"" + phone.authText() + "\"}}"))
                .andExpect(status().isCreated());
        long piotr = TestLogins.personId(users, "driver");
        choices.save(piotr, Map.of(Kind.ACTIONS, Set.of("push")));

        String title = "Spiegels afstellen " + System.nanoTime();
        mvc.perform(post("/actions").with(TestLogins.as(users, "teamlead")).with(csrf())
                        .param("title", title).param("description", "Voor de rit van morgen")
                        .param("ownerId", String.valueOf(piotr)).param("dueOn", java.time.LocalDate.now().plusDays(7).toString()))
                .andExpect(status().is3xxRedirection());
        deliveries.run();

        var reached = SERVICE.to(phone);
        assertThat(reached).as("one push to Piotr's phone").hasSize(1);
        assertThat(reached.get(0).header("Content-Encoding")).isEqualTo("aes128gcm");
        String payload = new String(FakePushService.decrypt(reached.get(0).body(), phone.keys(), phone.auth()),
                StandardCharsets.UTF_8);
        assertThat(payload).contains(title).contains("/actions/");
        choices.save(piotr, Map.of());
    }
}
