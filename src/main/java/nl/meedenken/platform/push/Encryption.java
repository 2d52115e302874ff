package nl.meedenken.platform.push;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

/**
 * Message encryption for Web Push (RFC 8291) in the {@code aes128gcm} content coding (RFC 8188):
 * a fresh key pair and salt per message, ECDH with the browser's key, HKDF-SHA-256 mixed with the
 * browser's auth secret, and one AES-128-GCM record. Only the browser that subscribed can read it;
 * the push service in between cannot.
 */
final class Encryption {

    /** The record size written in the header; one record holds the whole message. */
    static final int RECORD_SIZE = 4096;
    /** The most a single record can carry: the record less the 16-byte tag and the 1-byte delimiter. */
    static final int MAX_PLAINTEXT = RECORD_SIZE - 17;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Encryption() {
    }

    /** Encrypts for a browser's public key ({@code p256dh}) and auth secret, with a new key pair and salt. */
    static byte[] encrypt(byte[] plaintext, byte[] browserKey, byte[] authSecret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return encrypt(plaintext, browserKey, authSecret, salt, P256.generate());
    }

    /** The same with a given salt and sender key pair, as the RFC's worked example needs. */
    static byte[] encrypt(byte[] plaintext, byte[] browserKey, byte[] authSecret, byte[] salt, KeyPair sender) {
        if (plaintext.length > MAX_PLAINTEXT) {
            throw new IllegalArgumentException("a push message holds at most " + MAX_PLAINTEXT + " bytes");
        }
        if (authSecret.length != 16 || salt.length != 16) {
            throw new IllegalArgumentException("the auth secret and the salt are 16 bytes");
        }
        try {
            ECPublicKey browser = P256.publicKey(browserKey);
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(sender.getPrivate());
            agreement.doPhase(browser, true);
            byte[] shared = agreement.generateSecret();
            byte[] senderKey = P256.encode((ECPublicKey) sender.getPublic());

            byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), browserKey, senderKey);
            byte[] ikm = hkdf(authSecret, shared, keyInfo, 32);
            byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
            byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);

            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
            // the last (and only) record ends with the delimiter 0x02, without further padding
            byte[] record = cipher.doFinal(concat(plaintext, new byte[]{2}));

            ByteBuffer header = ByteBuffer.allocate(16 + 4 + 1 + senderKey.length);
            header.put(salt).putInt(RECORD_SIZE).put((byte) senderKey.length).put(senderKey);
            return concat(header.array(), record);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The push message could not be encrypted", e);
        }
    }

    /** HKDF-SHA-256 (RFC 5869) for one block of output, which is all Web Push needs. */
    static byte[] hkdf(byte[] salt, byte[] secret, byte[] info, int length) throws GeneralSecurityException {
        byte[] prk = hmac(salt, secret);
        return Arrays.copyOf(hmac(prk, concat(info, new byte[]{1})), length);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
