package nl.meedenken.platform.push;

import nl.meedenken.platform.delivery.Channel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Push messages against a push service the test starts: the phone reads what was sent, the push
 * service can check who signed it, and each answer of the push service leads to what a person would
 * want (tried again later, the device forgotten, or given up).
 */
@SpringBootTest(properties = {"meedenken.push.allow-insecure-endpoints=true", "meedenken.push.subject=mailto:beheer@example.nl",
        "meedenken.push.ttl=2h"})
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class PushChannelTest {

    static final FakePushService SERVICE = new FakePushService();

    @AfterAll
    static void stop() {
        SERVICE.close();
    }

    @Autowired
    PushChannel push;
    @Autowired
    Subscriptions subscriptions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    /** A person of this test's own: subscriptions hold only the id. */
    private static long someone() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    private FakePushService.Device subscribed(long person) {
        FakePushService.Device device = SERVICE.device();
        subscriptions.add(person, new Subscriptions.Offered(device.endpoint(), device.p256dh(), device.authText(),
                "Mozilla/5.0 (Linux; Android 14) Test"));
        return device;
    }

    private static Channel.Message message(long person, String text) {
        return new Channel.Message(ThreadLocalRandom.current().nextLong(1, 1_000_000), person, Locale.forLanguageTag("nl"),
                "Nieuwe actie voor jou", text, "https://meedenken.example.nl/actions/42");
    }

    @Test
    void thePhoneReadsTheMessageAndThePushServiceSeesWhoSignedIt() throws Exception {
        long person = someone();
        FakePushService.Device phone = subscribed(person);
        Instant before = Instant.now(clock);

        push.send(message(person, "Zet de rolcontainers terug bij dock 3."));

        var received = SERVICE.to(phone);
        assertThat(received).hasSize(1);
        var request = received.get(0);
        assertThat(request.header("Content-Encoding")).isEqualTo("aes128gcm");
        assertThat(request.header("TTL")).isEqualTo("7200");
        assertThat(request.header("Urgency")).isEqualTo("normal");
        JsonNode claims = FakePushService.verifiedClaims(request.header("Authorization"), push.publicKey());
        assertThat(claims.path("aud").asString()).isEqualTo(SERVICE.origin());
        assertThat(claims.path("sub").asString()).isEqualTo("mailto:beheer@example.nl");
        long expires = claims.path("exp").asLong();
        assertThat(expires).isGreaterThan(before.getEpochSecond())
                .isLessThanOrEqualTo(Instant.now(clock).plus(Duration.ofHours(24)).getEpochSecond());

        JsonNode read = phone.read(request.body());
        assertThat(read.path("title").asString()).isEqualTo("Nieuwe actie voor jou");
        assertThat(read.path("text").asString()).isEqualTo("Zet de rolcontainers terug bij dock 3.");
        assertThat(read.path("link").asString()).isEqualTo("https://meedenken.example.nl/actions/42");
    }

    @Test
    void everyDeviceOfThePersonGetsItAndNobodyElse() throws Exception {
        long person = someone();
        long colleague = someone();
        FakePushService.Device phone = subscribed(person);
        FakePushService.Device tablet = subscribed(person);
        FakePushService.Device colleaguesPhone = subscribed(colleague);

        push.send(message(person, "Je teamevaluatie is vandaag om 14:00."));

        assertThat(SERVICE.to(phone)).hasSize(1);
        assertThat(SERVICE.to(tablet)).hasSize(1);
        assertThat(SERVICE.to(colleaguesPhone)).isEmpty();
        assertThat(tablet.read(SERVICE.to(tablet).get(0).body()).path("text").asString())
                .isEqualTo("Je teamevaluatie is vandaag om 14:00.");
    }

    @Test
    void aBusyPushServiceIsTriedAgainLater() {
        for (int busy : new int[]{503, 500, 429}) {
            long person = someone();
            FakePushService.Device phone = subscribed(person);
            SERVICE.answers.put(phone.path(), busy);

            Channel.Failed failed = catchThrowableOfType(Channel.Failed.class, () -> push.send(message(person, "Later")));

            assertThat(failed.retry()).as("retry after %s", busy).isTrue();
            assertThat(subscriptions.count(person)).isEqualTo(1);
        }
    }

    @Test
    void aPushServiceThatDoesNotAnswerInTimeIsTriedAgainLater() throws Exception {
        long person = someone();
        try (var silent = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            // a push service that takes the connection and never answers
            subscriptions.add(person, new Subscriptions.Offered("http://127.0.0.1:" + silent.getLocalPort() + "/push/x",
                    SERVICE.device().p256dh(), P256.base64(new byte[16]), null));
            PushChannel impatient = new PushChannel(subscriptions, jdbc, clock, true, "", Duration.ofDays(1),
                    Duration.ofMillis(300));

            Channel.Failed failed = catchThrowableOfType(Channel.Failed.class, () -> impatient.send(message(person, "x")));

            assertThat(failed.retry()).isTrue();
        }
    }

    @Test
    void aDeviceThePushServiceNoLongerKnowsIsForgotten() {
        for (int gone : new int[]{410, 404}) {
            long person = someone();
            FakePushService.Device phone = subscribed(person);
            SERVICE.answers.put(phone.path(), gone);

            Channel.Failed failed = catchThrowableOfType(Channel.Failed.class, () -> push.send(message(person, "Weg")));

            assertThat(failed.retry()).isFalse();
            assertThat(subscriptions.count(person)).as("after %s", gone).isZero();
        }
    }

    @Test
    void aMessageThePushServiceRefusesIsNotTriedAgain() {
        long person = someone();
        FakePushService.Device phone = subscribed(person);
        SERVICE.answers.put(phone.path(), 400);

        Channel.Failed failed = catchThrowableOfType(Channel.Failed.class, () -> push.send(message(person, "Nee")));

        assertThat(failed.retry()).isFalse();
        assertThat(subscriptions.count(person)).isEqualTo(1);
    }

    @Test
    void oneDeviceThatTookItIsEnoughAndAGoneOneIsForgotten() throws Exception {
        long person = someone();
        FakePushService.Device phone = subscribed(person);
        FakePushService.Device oldPhone = subscribed(person);
        SERVICE.answers.put(oldPhone.path(), 410);

        push.send(message(person, "Je melding is beantwoord."));

        assertThat(SERVICE.to(phone)).hasSize(1);
        assertThat(subscriptions.of(person)).extracting(Subscriptions.Subscription::endpoint).containsExactly(phone.endpoint());
    }

    @Test
    void aPersonWithoutDevicesIsNotSentTo() {
        assertThatThrownBy(() -> push.send(message(someone(), "Niemand"))).isInstanceOfSatisfying(Channel.Failed.class,
                failed -> assertThat(failed.retry()).isFalse());
    }

    @Test
    void aLongTextIsCutToFitThePushService() throws Exception {
        long person = someone();
        FakePushService.Device phone = subscribed(person);
        String longText = "Łódź en Zoë schreven: ".repeat(400);

        push.send(message(person, longText));

        byte[] read = FakePushService.decrypt(SERVICE.to(phone).get(0).body(), phone.keys(), phone.auth());
        assertThat(read.length).isLessThanOrEqualTo(3072);
        String text = phone.read(SERVICE.to(phone).get(0).body()).path("text").asString();
        assertThat(text).endsWith("…");
        assertThat(longText).startsWith(text.substring(0, text.length() - 1));
        assertThat(new String(read, StandardCharsets.UTF_8)).contains("\"link\":\"https://meedenken.example.nl/actions/42\"");
    }

    @Test
    void onlyHttpsPushServicesAreTakenExceptLocalOnesInTests() {
        long person = someone();
        FakePushService.Device phone = SERVICE.device();
        Subscriptions strict = new Subscriptions(jdbc, clock, false);

        assertThatThrownBy(() -> strict.add(person, new Subscriptions.Offered(phone.endpoint(), phone.p256dh(),
                phone.authText(), null))).isInstanceOf(Subscriptions.Refused.class);
        assertThatThrownBy(() -> subscriptions.add(person, new Subscriptions.Offered("http://push.example.com/x",
                phone.p256dh(), phone.authText(), null))).isInstanceOf(Subscriptions.Refused.class);
        assertThatThrownBy(() -> subscriptions.add(person, new Subscriptions.Offered("file:///etc/passwd",
                phone.p256dh(), phone.authText(), null))).isInstanceOf(Subscriptions.Refused.class);
        strict.add(person, new Subscriptions.Offered("https://fcm.googleapis.com/fcm/send/abc" + person, phone.p256dh(),
                phone.authText(), null));
        assertThat(subscriptions.count(person)).isEqualTo(1);
    }

    @Test
    void readyWithKeysUnlessSwitchedOff() {
        assertThat(push.name()).isEqualTo("push");
        assertThat(push.ready()).isTrue();
        PushChannel off = new PushChannel(subscriptions, jdbc, clock, false, "", Duration.ofDays(1), Duration.ofSeconds(5));
        assertThat(off.ready()).isFalse();
        assertThatThrownBy(() -> off.send(message(someone(), "x"))).isInstanceOfSatisfying(Channel.Failed.class,
                failed -> assertThat(failed.retry()).isFalse());
    }

    @Test
    void aNodeThatStartsLaterSignsWithTheSameKeys() {
        // the application's keys, as a second node (or this one after a restart) reads them from the database
        VapidKeys nextStart = new VapidKeys(jdbc, "vapid", clock);

        assertThat(nextStart.publicKey()).isEqualTo(push.publicKey());
        assertThat(P256.unbase64(push.publicKey())).hasSize(65).startsWith((byte) 0x04);
        String header = nextStart.authorization(java.net.URI.create(SERVICE.origin() + "/push/x"), "");
        assertThat(FakePushService.verifiedClaims(header, push.publicKey()).has("sub")).isFalse();
    }

    @Test
    void twoNodesStartingAtOnceMakeOneKeyPair() throws Exception {
        String name = "race-" + ThreadLocalRandom.current().nextInt(1_000_000);
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> {
                start.await();
                return new VapidKeys(jdbc, name, clock).publicKey();
            });
            var second = pool.submit(() -> {
                start.await();
                return new VapidKeys(jdbc, name, clock).publicKey();
            });
            start.countDown();

            assertThat(first.get()).isEqualTo(second.get());
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from push_keys where name = :n").param("n", name).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(new VapidKeys(jdbc, name, clock).publicKey()).isEqualTo(new VapidKeys(jdbc, name, clock).publicKey());
        jdbc.sql("delete from push_keys where name = :n").param("n", name).update();
    }
}
