package nl.meedenken.platform.push;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Push encryption byte for byte as RFC 8291 works it out in its Appendix A, and the phone's side
 * (the test's own decryption) reading both the RFC's message and messages made with fresh keys.
 */
class EncryptionTest {

    // RFC 8291, Appendix A
    static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
    static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    static final String AS_PUBLIC = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    static final String UA_PUBLIC = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
    static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";
    static final String BODY = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8"
            + "wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    private static KeyPair pair(String publicKey, String privateKey) {
        return new KeyPair(P256.publicKey(P256.unbase64(publicKey)), P256.privateKey(P256.unbase64(privateKey)));
    }

    @Test
    void encryptsTheRfcExampleToTheRfcsBytes() {
        byte[] body = Encryption.encrypt(PLAINTEXT.getBytes(StandardCharsets.US_ASCII), P256.unbase64(UA_PUBLIC),
                P256.unbase64(AUTH), P256.unbase64(SALT), pair(AS_PUBLIC, AS_PRIVATE));

        assertThat(P256.base64(body)).isEqualTo(BODY);
    }

    @Test
    void thePhoneReadsTheRfcsMessage() {
        byte[] read = FakePushService.decrypt(P256.unbase64(BODY), pair(UA_PUBLIC, UA_PRIVATE), P256.unbase64(AUTH));

        assertThat(new String(read, StandardCharsets.US_ASCII)).isEqualTo(PLAINTEXT);
    }

    @Test
    void keysWrittenTheWayBrowsersWriteThemComeBackTheSame() {
        KeyPair ua = pair(UA_PUBLIC, UA_PRIVATE);
        assertThat(P256.base64(P256.encode((ECPublicKey) ua.getPublic()))).isEqualTo(UA_PUBLIC);
        assertThat(P256.base64(P256.encode((java.security.interfaces.ECPrivateKey) ua.getPrivate()))).isEqualTo(UA_PRIVATE);
    }

    @Test
    void everyMessageGetsItsOwnKeyAndSaltAndOnlyThatPhoneReadsIt() {
        KeyPair phone = P256.generate();
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        byte[] text = "{\"title\":\"Actie voor jou\",\"text\":\"Zet de rolcontainers terug\"}".getBytes(StandardCharsets.UTF_8);
        byte[] phoneKey = P256.encode((ECPublicKey) phone.getPublic());

        byte[] first = Encryption.encrypt(text, phoneKey, auth);
        byte[] second = Encryption.encrypt(text, phoneKey, auth);

        assertThat(first).isNotEqualTo(second);
        assertThat(FakePushService.decrypt(first, phone, auth)).isEqualTo(text);
        assertThat(FakePushService.decrypt(second, phone, auth)).isEqualTo(text);
        assertThatThrownBy(() -> FakePushService.decrypt(first, P256.generate(), auth)).isInstanceOf(RuntimeException.class);
        byte[] otherAuth = auth.clone();
        otherAuth[0] ^= 1;
        assertThatThrownBy(() -> FakePushService.decrypt(first, phone, otherAuth)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aKeyThatIsNoPointOnTheCurveIsRefused() {
        byte[] key = P256.unbase64(UA_PUBLIC);
        key[64] ^= 1;

        assertThatThrownBy(() -> P256.publicKey(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> P256.publicKey(new byte[33])).isInstanceOf(IllegalArgumentException.class);
    }
}
