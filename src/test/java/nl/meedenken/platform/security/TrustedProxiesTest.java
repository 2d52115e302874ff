package nl.meedenken.platform.security;

import nl.meedenken.platform.AuditEntry;
import nl.meedenken.platform.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the real server (Tomcat's remote-IP handling, not MockMvc): X-Forwarded-For counts only
 * when the connection comes from a trusted proxy, by default this machine's 127.0.0.1. A client
 * on 127.0.0.5 stands for anyone else: its header is ignored and its own address is the one
 * that is counted and audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrustedProxiesTest {

    @LocalServerPort
    int port;
    @Autowired
    AuditLog audit;

    @Test
    void aForwardedForHeaderFromAnUntrustedClientIsIgnored() throws IOException {
        String login = "spoofer-" + UUID.randomUUID();
        failSignIn("127.0.0.5", login, "198.51.100.7");
        assertThat(addressAuditedFor(login)).isEqualTo("127.0.0.5");
    }

    @Test
    void aForwardedForHeaderFromTheTrustedProxyNamesTheClient() throws IOException {
        String login = "proxied-" + UUID.randomUUID();
        failSignIn("127.0.0.1", login, "198.51.100.8");
        assertThat(addressAuditedFor(login)).isEqualTo("198.51.100.8");
    }

    private String addressAuditedFor(String login) {
        return audit.entries(AuditEntry.Type.LOGIN_FAILED, 0).items().stream()
                .filter(e -> login.equals(e.actor())).findFirst().orElseThrow().address();
    }

    /** A wrong sign-in, sent from the given local address with an X-Forwarded-For header. */
    private void failSignIn(String from, String login, String forwardedFor) throws IOException {
        String form = send(from, "GET /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        Matcher cookie = Pattern.compile("(?im)^Set-Cookie: (JSESSIONID=[^;]+)").matcher(form);
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"")
                .matcher(form);
        assertThat(cookie.find()).as("a session").isTrue();
        assertThat(token.find()).as("a CSRF token").isTrue();
        String csrf = token.group(1) != null ? token.group(1) : token.group(2);
        String body = "username=" + URLEncoder.encode(login, StandardCharsets.UTF_8) + "&password=wrong&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        String answer = send(from, "POST /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Cookie: " + cookie.group(1) + "\r\nX-Forwarded-For: " + forwardedFor + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body);
        assertThat(answer).startsWith("HTTP/1.1 302").containsPattern("(?im)^Location: .*/login\\?error");
    }

    private String send(String from, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
