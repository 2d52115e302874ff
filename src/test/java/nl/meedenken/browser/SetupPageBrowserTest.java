package nl.meedenken.browser;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A new installation without the demo: the only page is the setup page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"meedenken.demo=false", "meedenken.embedded.database=setup_browser"})
class SetupPageBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void firstVisitLeadsToSetupWhichCreatesTheAdministrator() {
        try (Browser b = Browser.start(port)) {
            for (int width : new int[]{Browser.PHONE, Browser.DESKTOP}) {
                b.size(width).open("/");
                assertThat(b.path()).isEqualTo("/setup");
                assertThat(b.overflowsSideways()).isFalse();
                b.assertAccessible("setup");
                b.screenshot("setup");
            }
            b.type("name", "Sam Start");
            b.type("employeeNumber", "1");
            b.type("password", "een lange zin");
            b.type("repeated", "een lange zin");
            b.submit("Beheerder aanmaken");
            assertThat(b.text()).contains("Je wachtwoord is ingesteld.");
            b.signIn("1", "een lange zin");
            assertThat(b.heading()).isEqualTo("Hallo Sam Start");
        }
    }
}
