package nl.meedenken.platform.delivery;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Both SMS adapters against a fake gateway: what they send, and which refusals are worth another try. */
class TextMessagesTest {

    private static final FakeSmsGateway gateway = new FakeSmsGateway();

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static String number() {
        return "+316" + (10000000 + ThreadLocalRandom.current().nextInt(89999999));
    }

    private static HttpTextMessages json() {
        return new HttpTextMessages(HttpTextMessages.Protocol.JSON, gateway.url("/send"), "key-123", "X-Api-Key",
                "Meedenken", Duration.ofSeconds(5));
    }

    private static HttpTextMessages messageBird() {
        return new HttpTextMessages(HttpTextMessages.Protocol.MESSAGEBIRD, gateway.url("/messages"), "live_abc",
                "X-Api-Key", "DeVaart", Duration.ofSeconds(5));
    }

    @Test
    void theJsonGatewayGetsToFromAndTextWithTheKeyInItsHeader() throws Channel.Failed {
        String to = number();
        json().send(to, "Je idee is aangenomen. https://meedenken.example/ideas/3");
        assertThat(gateway.to(to)).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/send");
            assertThat(r.from()).isEqualTo("Meedenken");
            assertThat(r.text()).isEqualTo("Je idee is aangenomen. https://meedenken.example/ideas/3");
            assertThat(r.headers().get("X-api-key")).containsExactly("key-123");
        });
    }

    @Test
    void messageBirdGetsRecipientsOriginatorAndBodyWithItsAccessKey() throws Channel.Failed {
        String to = number();
        messageBird().send(to, "Zadanie dla ciebie: sprawdź hamulce. https://meedenken.example/actions/9");
        assertThat(gateway.to(to.substring(1))).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/messages");
            assertThat(r.from()).isEqualTo("DeVaart");
            assertThat(r.text()).isEqualTo("Zadanie dla ciebie: sprawdź hamulce. https://meedenken.example/actions/9");
            assertThat(r.headers().get("Authorization")).containsExactly("AccessKey live_abc");
        });
    }

    @Test
    void busyAndOverloadedGatewaysAreWorthAnotherTryARefusalIsNot() {
        String to = number();
        gateway.lineUp(to, 503, 429, 400);
        assertThatThrownBy(() -> json().send(to, "a")).isInstanceOfSatisfying(Channel.Failed.class,
                f -> assertThat(f.retry()).isTrue());
        assertThatThrownBy(() -> json().send(to, "a")).isInstanceOfSatisfying(Channel.Failed.class,
                f -> assertThat(f.retry()).isTrue());
        assertThatThrownBy(() -> json().send(to, "a")).isInstanceOfSatisfying(Channel.Failed.class,
                f -> assertThat(f.retry()).isFalse());
        String bird = number();
        gateway.lineUp(bird.substring(1), 500, 422);
        assertThatThrownBy(() -> messageBird().send(bird, "a")).isInstanceOfSatisfying(Channel.Failed.class,
                f -> assertThat(f.retry()).isTrue());
        assertThatThrownBy(() -> messageBird().send(bird, "a")).isInstanceOfSatisfying(Channel.Failed.class,
                f -> assertThat(f.retry()).isFalse().isNotNull());
    }

    @Test
    void aGatewayThatDoesNotAnswerInTimeIsTriedAgainLater() {
        String to = number();
        gateway.lineUp(to, 0);
        var impatient = new HttpTextMessages(HttpTextMessages.Protocol.JSON, gateway.url("/send"), "", "X-Api-Key",
                "Meedenken", Duration.ofMillis(300));
        assertThatThrownBy(() -> impatient.send(to, "a")).isInstanceOfSatisfying(Channel.Failed.class, f -> {
            assertThat(f.retry()).isTrue();
            assertThat(f.getMessage()).doesNotContain("a\"");
        });
    }
}
