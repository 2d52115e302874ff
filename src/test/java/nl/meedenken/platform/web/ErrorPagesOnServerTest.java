package nl.meedenken.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error pages are rendered by the servlet container's error dispatch, which MockMvc does
 * not run; so these go through a real server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPagesOnServerTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String language) throws Exception {
        return get(path, language, "text/html");
    }

    private HttpResponse<String> get(String path, String language, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", language).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unknownAddressGivesTheNotFoundPageInDutch() throws Exception {
        var response = get("/webjars/nothing-here.js", "nl");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Pagina niet gevonden").contains("Naar de startpagina")
                .doesNotContain("Whitelabel").doesNotContain("Exception");
    }

    @Test
    void unknownAddressGivesTheNotFoundPageInEnglish() throws Exception {
        var response = get("/webjars/nothing-here.js", "en");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page not found");
    }

    @Test
    void behindAnHttpsProxyTheSessionCookieIsSecure() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-Proto", "https").header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().allValues("Set-Cookie"))
                .anyMatch(c -> c.startsWith("JSESSIONID=") && c.contains("Secure") && c.contains("HttpOnly"));
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void withoutHttpsTheCookieStaysUsableForLocalTrials() throws Exception {
        var response = get("/login", "nl");
        assertThat(response.headers().allValues("Set-Cookie"))
                .anyMatch(c -> c.startsWith("JSESSIONID=") && !c.contains("Secure"));
    }

    @Test
    void healthIsPublic() throws Exception {
        var response = get("/actuator/health", "nl", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("UP");
    }
}
