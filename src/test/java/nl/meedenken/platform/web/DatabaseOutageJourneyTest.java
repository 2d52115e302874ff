package nl.meedenken.platform.web;

import nl.meedenken.browser.Browser;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A driver on a phone, in the cab, while the database is gone: a calm page in his own language, not an error. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseOutageJourneyTest {

    @LocalServerPort
    int port;
    @Autowired
    DatabaseOutageFilter outage;

    /** The filter meets an unreachable database, exactly as a page would. */
    private void databaseGoesAway() throws Exception {
        outage.doFilter(new MockHttpServletRequest("GET", "/trips"), new MockHttpServletResponse(), (req, res) -> {
            throw new CannotGetJdbcConnectionException("gone",
                    new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT));
        });
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.MessageSource messages;

    private String polish(String key) {
        return messages.getMessage(key, null, java.util.Locale.forLanguageTag("pl"));
    }

    @Test
    void aDriverSeesTheUnavailablePageInTheLanguageHeChoseOnAPhone() throws Exception {
        try (Browser driver = Browser.start(port)) {
            driver.size(Browser.PHONE).signIn("driver", "demo");
            try {
                databaseGoesAway();
                driver.open("/ideas");
                // the demo driver reads Polish; no database is asked for it, his choice is remembered on the phone
                assertThat(driver.script("return document.documentElement.lang")).isEqualTo("pl");
                assertThat(driver.heading()).isEqualTo(polish("error.503.heading"));
                assertThat(driver.text()).contains(polish("error.503.text"));
                driver.assertAccessible("database unavailable");
                assertThat(driver.overflowsSideways()).isFalse();
                driver.screenshot("database-unavailable");
            } finally {
                outage.forgetOutage();
            }
            driver.open("/ideas");
            assertThat(driver.heading()).as("back once the database answers").isNotEqualTo(polish("error.503.heading"));
        }
    }
}
