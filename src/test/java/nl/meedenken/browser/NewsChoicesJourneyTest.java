package nl.meedenken.browser;

import nl.meedenken.platform.delivery.DeliveryChoices;
import nl.meedenken.platform.delivery.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Piotr, a driver without a company e-mail address, opens his profile on his phone and chooses that news about
 * his trips and actions reaches him by text message; everything else stays in the app.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NewsChoicesJourneyTest {

    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    DeliveryChoices choices;
    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aDriverChoosesTextMessagesForTripsAndActionsOnHisPhone() {
        if (browser == null) {
            browser = Browser.start(port);
        }
        long piotr = jdbc.sql("select person_id from account where login_name = 'driver'").query(Long.class).single();
        choices.save(piotr, Map.of());
        Browser b = browser;
        b.signOutEverywhere();
        b.size(Browser.PHONE);
        b.signIn("driver", "demo");
        b.open("/profile#news");
        assertThat(b.text()).contains("Jak docierają do ciebie wiadomości", "SMS", "Twoje pomysły");
        assertThat(b.findAll(By.cssSelector("#news input[type=checkbox]:checked"))).isEmpty();
        b.click(By.id("kind-TRIPS-sms"));
        b.click(By.id("kind-ACTIONS-sms"));
        b.screenshot("news-choices-driver-phone");
        b.assertAccessible("/profile (news choices)");
        assertThat(b.overflowsSideways()).isFalse();
        b.submit("Zapisz wybór");
        assertThat(b.text()).contains("Twój wybór jest zapisany.");
        assertThat(b.find(By.id("kind-TRIPS-sms")).isSelected()).isTrue();
        assertThat(b.find(By.id("kind-IDEAS-sms")).isSelected()).isFalse();
        assertThat(choices.channels(piotr, Kind.TRIPS)).containsExactly("sms");
        assertThat(choices.channels(piotr, Kind.ACTIONS)).containsExactly("sms");
        assertThat(choices.channels(piotr, Kind.SCAN)).isEmpty();
        b.screenshot("news-choices-driver-phone-saved");
        choices.save(piotr, Map.of());
    }

    @Test
    void theAdministratorSeesAFailedTextMessageAndPutsItBackInTheQueue() {
        if (browser == null) {
            browser = Browser.start(port);
        }
        long piotr = jdbc.sql("select person_id from account where login_name = 'driver'").query(Long.class).single();
        long notification = jdbc.sql("""
                        insert into notification (person_id, message, arguments, link, created_at)
                        values (:p, 'challenges.notify.closed', 'Nachtrit', '/challenges/1', now()) returning id""")
                .param("p", piotr).query(Long.class).single();
        long delivery = jdbc.sql("""
                        insert into delivery (notification_id, person_id, channel, kind, status, attempts, next_attempt_at,
                                              last_error, created_at)
                        values (:n, :p, 'sms', 'CHALLENGES', 'FAILED', 5, now(), 'the SMS gateway answered HTTP 503', now())
                        returning id""")
                .param("n", notification).param("p", piotr).query(Long.class).single();
        Browser b = browser;
        b.signOutEverywhere();
        b.size(Browser.DESKTOP);
        b.signIn("admin", "demo");
        b.open("/");
        assertThat(b.text()).contains("Berichten buiten de app");
        b.open("/admin/deliveries?status=FAILED");
        assertThat(b.text()).contains("Piotr Kowalski", "Niet verstuurd", "the SMS gateway answered HTTP 503")
                .doesNotContain("Nachtrit");
        b.screenshot("deliveries-admin");
        b.assertAccessible("/admin/deliveries");
        b.clickAndWait(By.cssSelector("tr[data-delivery='" + delivery + "'] button"));
        assertThat(b.text()).contains("Het bericht staat weer in de wachtrij.");
        assertThat(jdbc.sql("select status from delivery where id = :id").param("id", delivery).query(String.class)
                .single()).isEqualTo("WAITING");
        b.size(Browser.PHONE);
        b.open("/admin/deliveries");
        assertThat(b.overflowsSideways()).isFalse();
        b.screenshot("deliveries-admin");
        jdbc.sql("delete from notification where id = :id").param("id", notification).update();
    }
}
