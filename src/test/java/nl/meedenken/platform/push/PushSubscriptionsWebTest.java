package nl.meedenken.platform.push;

import nl.meedenken.TestLogins;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the profile page's script asks of the server: the public key, keeping this phone's
 * subscription, turning it off on this device, and the off switch for all of a person's devices.
 */
@SpringBootTest(properties = {"meedenken.push.allow-insecure-endpoints=true", "meedenken.push.subject=mailto:beheer@example.nl",
        "meedenken.push.ttl=2h"})
@AutoConfigureMockMvc
class PushSubscriptionsWebTest {

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
    Subscriptions subscriptions;
    @Autowired
    PushChannel push;
    @Autowired
    JdbcClient jdbc;

    long driver;

    @BeforeEach
    void noDevicesYet() {
        driver = TestLogins.personId(users, "driver");
        subscriptions.removeAll(driver);
    }

    private static String json(FakePushService.Device device) {
        return "{\"endpoint\":\"" + device.endpoint() + "\",\"expirationTime\":null,\"keys\":{\"p256dh\":\""
                + device.p256dh() + "\",\"auth\":\"" + device.authText() + "\"}}";
    }

    private Document panel(String login) throws Exception {
        return Jsoup.parse(mvc.perform(get("/push/panel").with(TestLogins.as(users, login)).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void thePageGetsThePublicKeyToSubscribeWith() throws Exception {
        mvc.perform(get("/push/key").with(TestLogins.as(users, "driver")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.publicKey").value(push.publicKey()));
        mvc.perform(get("/push/key")).andExpect(status().is3xxRedirection());
    }

    @Test
    void aDriverTurnsOnNotificationsOnThisPhoneAndOffAgain() throws Exception {
        FakePushService.Device phone = SERVICE.device();
        assertThat(panel("driver").select("[data-push-subscribe]")).hasSize(1);
        assertThat(panel("driver").select("form[action='/push/off']")).isEmpty();

        mvc.perform(post("/push/subscriptions").with(TestLogins.as(users, "driver")).with(csrf())
                        .header("User-Agent", "Mozilla/5.0 (Linux; Android 14; Pixel 7)")
                        .contentType(MediaType.APPLICATION_JSON).content(json(phone)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.devices").value(1));

        var kept = jdbc.sql("select endpoint, p256dh, auth, user_agent, created_at from push_subscription where person_id = :p")
                .param("p", driver).query().singleRow();
        assertThat(kept.get("endpoint")).isEqualTo(phone.endpoint());
        assertThat(kept.get("p256dh")).isEqualTo(phone.p256dh());
        assertThat(kept.get("auth")).isEqualTo(phone.authText());
        assertThat(kept.get("user_agent")).isEqualTo("Mozilla/5.0 (Linux; Android 14; Pixel 7)");
        assertThat(kept.get("created_at")).isNotNull();
        assertThat(panel("driver").select("form[action='/push/off'] button")).hasSize(1);

        mvc.perform(post("/push/subscriptions/remove").with(TestLogins.as(users, "driver")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"endpoint\":\"" + phone.endpoint() + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.devices").value(0));
        assertThat(subscriptions.count(driver)).isZero();
    }

    @Test
    void theOffSwitchStopsEveryDeviceOfThePerson() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/push/subscriptions").with(TestLogins.as(users, "driver")).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content(json(SERVICE.device())))
                    .andExpect(status().isCreated());
        }
        assertThat(panel("driver").select("form[action='/push/off']").text()).contains("3");

        mvc.perform(post("/push/off").with(TestLogins.as(users, "driver")).with(csrf()))
                .andExpect(redirectedUrl("/profile"))
                .andExpect(flash().attribute("saved", "push.off.done"));

        assertThat(subscriptions.count(driver)).isZero();
    }

    @Test
    void nobodyTurnsOffSomeoneElsesPhone() throws Exception {
        FakePushService.Device phone = SERVICE.device();
        subscriptions.add(driver, new Subscriptions.Offered(phone.endpoint(), phone.p256dh(), phone.authText(), null));

        mvc.perform(post("/push/subscriptions/remove").with(TestLogins.as(users, "warehouse")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"endpoint\":\"" + phone.endpoint() + "\"}"))
                .andExpect(status().isOk());

        assertThat(subscriptions.count(driver)).isEqualTo(1);
    }

    @Test
    void aSubscriptionThatIsNotOneIsRefused() throws Exception {
        FakePushService.Device phone = SERVICE.device();
        String badKey = json(phone).replace(phone.p256dh(), "BAAA");
        String plainHttp = json(phone).replace(SERVICE.origin(), "http://push.example.com");

        for (String body : new String[]{badKey, plainHttp, "{\"endpoint\":null}"}) {
            mvc.perform(post("/push/subscriptions").with(TestLogins.as(users, "driver")).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(post("/push/subscriptions").with(TestLogins.as(users, "driver"))
                        .contentType(MediaType.APPLICATION_JSON).content(json(phone)))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).as("without the CSRF token")
                        .isIn(303, 403));
        assertThat(subscriptions.count(driver)).isZero();
    }
}
