package nl.meedenken.platform.push;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The application server's VAPID key pair (RFC 8292), kept in the database so that every node signs
 * with the same keys: a browser subscribes with the public key, and a push service refuses messages
 * signed with any other. The first node to start makes the pair; when two start at once, both insert
 * and the database keeps the first ({@code on conflict do nothing}), and both read what was kept.
 */
final class VapidKeys {

    private static final Logger LOG = LoggerFactory.getLogger(VapidKeys.class);
    /** A token is good for twelve hours; RFC 8292 allows at most twenty-four. */
    static final Duration TOKEN_VALIDITY = Duration.ofHours(12);

    private final JdbcClient jdbc;
    private final String name;
    private final Clock clock;
    private volatile Pair pair;

    record Pair(ECPublicKey publicKey, ECPrivateKey privateKey, String publicText) {
    }

    VapidKeys(JdbcClient jdbc, String name, Clock clock) {
        this.jdbc = jdbc;
        this.name = name;
        this.clock = clock;
    }

    /** The pair, made and stored when there is none yet. */
    Pair pair() {
        Pair known = pair;
        if (known == null) {
            synchronized (this) {
                if (pair == null) {
                    pair = loadOrCreate();
                }
                known = pair;
            }
        }
        return known;
    }

    /** The public key as a browser's {@code applicationServerKey}: the uncompressed point in base64url. */
    String publicKey() {
        return pair().publicText();
    }

    private Pair loadOrCreate() {
        KeyPair fresh = P256.generate();
        int made = jdbc.sql("""
                        insert into push_keys (name, public_key, private_key, created_at)
                        values (:name, :public, :private, :at) on conflict (name) do nothing""")
                .param("name", name)
                .param("public", P256.base64(P256.encode((ECPublicKey) fresh.getPublic())))
                .param("private", P256.base64(P256.encode((ECPrivateKey) fresh.getPrivate())))
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .update();
        if (made == 1) {
            LOG.info("Made the VAPID key pair for push notifications; every node uses it from now on");
        }
        return jdbc.sql("select public_key, private_key from push_keys where name = :name").param("name", name)
                .query((rs, row) -> {
                    String publicText = rs.getString("public_key");
                    return new Pair(P256.publicKey(P256.unbase64(publicText)),
                            P256.privateKey(P256.unbase64(rs.getString("private_key"))), publicText);
                })
                .single();
    }

    /**
     * The {@code Authorization} header for one request to a push service: {@code vapid t=<JWT>, k=<key>},
     * the JWT signed with ES256 for the endpoint's origin, valid for twelve hours, with the contact
     * address ({@code mailto:…}) as subject when there is one.
     */
    String authorization(URI endpoint, String subject) {
        Pair keys = pair();
        String audience = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
        long expires = Instant.now(clock).plus(TOKEN_VALIDITY).getEpochSecond();
        StringBuilder claims = new StringBuilder("{\"aud\":\"").append(json(audience)).append("\",\"exp\":").append(expires);
        if (subject != null && !subject.isBlank()) {
            claims.append(",\"sub\":\"").append(json(subject)).append('"');
        }
        claims.append('}');
        String signed = P256.base64("{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + P256.base64(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initSign(keys.privateKey());
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return "vapid t=" + signed + "." + P256.base64(signature.sign()) + ", k=" + keys.publicText();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The VAPID token could not be signed", e);
        }
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
