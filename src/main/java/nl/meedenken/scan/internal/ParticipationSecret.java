package nl.meedenken.scan.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret behind participation records. The database stores, instead of who took part,
 * a keyed hash of person and campaign. Without this secret, which is never stored in the
 * database, nobody can turn those hashes back into people.
 *
 * <p>Set {@code MEEDENKEN_SCAN_SECRET} (the same on every node). Without it the secret is
 * made once and kept in a file beside the data ({@code meedenken.scan.secret-file}).
 */
@Component
public class ParticipationSecret {

    private static final Logger log = LoggerFactory.getLogger(ParticipationSecret.class);

    private final byte[] key;

    ParticipationSecret(@Value("${meedenken.scan.secret:}") String configured,
                        @Value("${meedenken.scan.secret-file:data/scan-secret}") String file) {
        this.key = configured != null && !configured.isBlank()
                ? configured.getBytes(StandardCharsets.UTF_8) : fromFile(Path.of(file));
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
            log.warn("Made a new scan participation secret in {}. Keep this file, or set MEEDENKEN_SCAN_SECRET: "
                    + "without the same secret, people could answer a running scan a second time.", file);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write the scan secret " + file, e);
        }
    }

    /** The participation record of a person in a campaign. */
    String participant(long personId, long campaignId) {
        return hmac(personId + ":" + campaignId);
    }

    /**
     * The stored fingerprint of a paper code, from the code's unkeyed digest: without the
     * secret, a reader of the database cannot test the codes a manager saw against it.
     */
    String code(String unkeyedDigest) {
        return hmac("code:" + unkeyedDigest);
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
