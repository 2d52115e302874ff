package nl.meedenken.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.URI;

/**
 * The address people use to reach the application ({@code meedenken.public-url}, e.g.
 * {@code https://meedenken.example.nl}). Every absolute link that leaves the screen (a QR
 * code on a paper slip, a link in an e-mail, an activation link to pass on) starts with it,
 * never with the Host or X-Forwarded-Host of the request that made it: those are written by
 * whoever sends the request.
 */
@Component
public class PublicUrl {

    private final String base;

    public PublicUrl(@Value("${meedenken.public-url:${meedenken.base-url:http://localhost:8080}}") String configured) {
        String url = configured == null ? "" : configured.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("meedenken.public-url is not an address: " + configured, e);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalStateException("meedenken.public-url must be like https://meedenken.example.nl, not: "
                    + configured);
        }
        this.base = url;
    }

    /** The address itself, without a slash at the end. */
    public String base() {
        return base;
    }

    /** An absolute link to a path of the application ({@code /scan/answer}). */
    public String of(String path) {
        return base + (path.startsWith("/") ? path : "/" + path);
    }
}
