package nl.meedenken.organisation.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Codes people type over from a slip of paper or a message: 13 characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L), which gives more than 64 random bits.
 * Only a hash of a code is ever stored.
 */
public final class OneTimeCodes {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 13;
    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimeCodes() {
    }

    /** A new code, grouped for reading: {@code ABCD-EFGH-JKMNP}. */
    public static String generate() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i == 4 || i == 8) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as typed, without spaces or dashes and in capitals. */
    public static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        return typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    public static String hash(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(normalise(code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
