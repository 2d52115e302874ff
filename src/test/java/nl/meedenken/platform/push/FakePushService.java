package nl.meedenken.platform.push;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for a browser's push service (FCM, Mozilla's autopush, Apple's), started by a test on a
 * free port. It keeps every message it receives and answers with the status a test chose. Its
 * {@link Device}s play the browser: each holds its subscription's private key and auth secret and
 * decrypts what reached it, the way the phone would (RFC 8291 section 3.4, RFC 8188).
 */
final class FakePushService implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One POST as the push service saw it. */
    record Received(String path, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    /** The answer per device path; 201 Created when none was set. */
    final Map<String, Integer> answers = new ConcurrentHashMap<>();
    private final HttpServer server;

    FakePushService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/push/", exchange -> {
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, headers, exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(answers.getOrDefault(path, 201), -1);
            exchange.close();
        });
        server.start();
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A new browser subscription on this push service. */
    Device device() {
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        return new Device(origin() + "/push/" + UUID.randomUUID(), P256.generate(), auth);
    }

    List<Received> to(Device device) {
        return received.stream().filter(r -> device.endpoint().endsWith(r.path())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A browser's subscription: the endpoint, its key pair ({@code p256dh}) and its auth secret. */
    record Device(String endpoint, KeyPair keys, byte[] auth) {

        String p256dh() {
            return P256.base64(P256.encode((ECPublicKey) keys.getPublic()));
        }

        String authText() {
            return P256.base64(auth);
        }

        String path() {
            return java.net.URI.create(endpoint).getPath();
        }

        /** What the phone reads from a message, as JSON. */
        JsonNode read(byte[] body) {
            return JSON.readTree(new String(decrypt(body, keys, auth), StandardCharsets.UTF_8));
        }
    }

    /**
     * The receiving side of RFC 8291, written out step by step: the header (salt, record size, the
     * sender's key), ECDH with the browser's private key, the two HKDF steps, AES-128-GCM, and the
     * padding delimiter 0x02 at the end of the last record.
     */
    static byte[] decrypt(byte[] body, KeyPair browser, byte[] auth) {
        try {
            ByteBuffer in = ByteBuffer.wrap(body);
            byte[] salt = new byte[16];
            in.get(salt);
            int recordSize = in.getInt();
            byte[] senderKey = new byte[in.get() & 0xff];
            in.get(senderKey);
            byte[] record = new byte[in.remaining()];
            in.get(record);
            if (record.length > recordSize) {
                throw new IllegalStateException("more than one record: " + record.length + " > " + recordSize);
            }
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init((ECPrivateKey) browser.getPrivate());
            agreement.doPhase(P256.publicKey(senderKey), true);
            byte[] shared = agreement.generateSecret();
            byte[] browserKey = P256.encode((ECPublicKey) browser.getPublic());

            byte[] prkKey = hmac(auth, shared);
            byte[] ikm = hmac(prkKey, join("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), browserKey, senderKey,
                    new byte[]{1}));
            byte[] prk = hmac(salt, ikm);
            byte[] cek = Arrays.copyOf(hmac(prk, join("Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII),
                    new byte[]{1})), 16);
            byte[] nonce = Arrays.copyOf(hmac(prk, join("Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII),
                    new byte[]{1})), 12);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
            byte[] padded = cipher.doFinal(record);
            int end = padded.length - 1;
            while (end >= 0 && padded[end] == 0) {
                end--;
            }
            if (end < 0 || padded[end] != 2) {
                throw new IllegalStateException("the last record does not end with the delimiter 0x02");
            }
            return Arrays.copyOf(padded, end);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the message could not be decrypted", e);
        }
    }

    /** Checks a {@code vapid t=…, k=…} header as a push service does, and gives the JWT's claims. */
    static JsonNode verifiedClaims(String authorization, String expectedKey) {
        if (authorization == null || !authorization.startsWith("vapid ")) {
            throw new AssertionError("no VAPID authorization: " + authorization);
        }
        Map<String, String> parts = new java.util.HashMap<>();
        for (String part : authorization.substring(6).split(",")) {
            String[] pair = part.strip().split("=", 2);
            parts.put(pair[0], pair[1]);
        }
        if (!expectedKey.equals(parts.get("k"))) {
            throw new AssertionError("signed with another key: " + parts.get("k"));
        }
        String[] jwt = parts.get("t").split("\\.");
        JsonNode header = JSON.readTree(new String(P256.unbase64(jwt[0]), StandardCharsets.UTF_8));
        if (!"ES256".equals(header.path("alg").asString()) || !"JWT".equals(header.path("typ").asString())) {
            throw new AssertionError("not an ES256 JWT: " + header);
        }
        try {
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initVerify(P256.publicKey(P256.unbase64(parts.get("k"))));
            signature.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(P256.unbase64(jwt[2]))) {
                throw new AssertionError("the JWT's signature does not match the key");
            }
        } catch (GeneralSecurityException e) {
            throw new AssertionError("the JWT's signature could not be checked", e);
        }
        return JSON.readTree(new String(P256.unbase64(jwt[1]), StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] join(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            out.put(part);
        }
        return out.array();
    }
}
