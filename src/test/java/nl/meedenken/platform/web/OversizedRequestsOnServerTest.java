package nl.meedenken.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A form post of 10 MB and an upload over the limit go back to the form with the reason, not to
 * a server error, a bare 413 or a "not for you" page. The servlet container's limits apply only
 * on a real server, so these go through one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OversizedRequestsOnServerTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String csrf(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("a CSRF token on the page").isTrue();
        return token.group(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String signInAndOpenTheIdeaForm() throws Exception {
        String token = csrf(get("/login").body());
        var signIn = http.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=warehouse&password=demo&_csrf=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        return csrf(get("/ideas/new").body());
    }

    @Test
    void aFormPostOfTenMegabytesGoesBackToTheFormWithTheLimit() throws Exception {
        String token = signInAndOpenTheIdeaForm();
        String body = "_csrf=" + token + "&title=" + URLEncoder.encode("x".repeat(10 * 1024 * 1024), StandardCharsets.UTF_8);

        var sent = http.send(HttpRequest.newBuilder(URI.create(url("/ideas"))).header("Referer", url("/ideas/new"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location")).hasValue("/ideas/new");
        assertThat(get("/ideas/new").body()).containsAnyOf("larger than 2 MB", "groter dan 2 MB");
    }

    @Test
    void anUploadOverTheLimitGoesBackToTheFormWithTheLimit() throws Exception {
        String token = signInAndOpenTheIdeaForm();
        String boundary = "----meedenken";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"big.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 25 * 1024 * 1024 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);

        var sent = http.send(HttpRequest.newBuilder(URI.create(url("/ideas"))).header("Referer", url("/ideas/new"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location")).hasValue("/ideas/new");
        assertThat(get("/ideas/new").body()).containsAnyOf("larger than 20 MB", "groter dan 20 MB");
    }
}
