package nl.meedenken.driving.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** "Import now" while an import runs starts no second one and tells so, instead of waiting or failing. */
@SpringBootTest
class RfmsImportWhileRunningTest {

    @Autowired
    RfmsImport rfmsImport;

    private static final byte[] EMPTY = ("{\"vehicleStatusResponse\":{\"vehicleStatuses\":[]},"
            + "\"vehiclePositionResponse\":{\"vehiclePositions\":[]},\"vehicleResponse\":{\"vehicles\":[]},"
            + "\"moreDataAvailable\":false,\"requestServerDateTime\":\"2026-03-02T10:00:00Z\"}").getBytes(StandardCharsets.UTF_8);

    @Test
    void aSecondImportWhileOneRunsDoesNothingAndSaysSo() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean entered = new AtomicBoolean();
        RfmsClient slow = new RfmsClient((resource, query) -> {
            entered.set(true);
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return EMPTY;
        });
        AtomicInteger secondAsked = new AtomicInteger();
        RfmsClient second = new RfmsClient((resource, query) -> {
            secondAsked.incrementAndGet();
            return EMPTY;
        });
        CompletableFuture<Optional<Telemetry.Counts>> first = CompletableFuture.supplyAsync(() -> {
            try {
                return rfmsImport.runUnlessRunning(slow, "first");
            } catch (RuntimeException e) {
                return Optional.of(Telemetry.Counts.NONE);
            }
        });
        await().atMost(Duration.ofSeconds(20)).untilTrue(entered);

        Optional<Telemetry.Counts> whileRunning = rfmsImport.runUnlessRunning(second, "second");

        assertThat(whileRunning).isEmpty();
        assertThat(secondAsked).hasValue(0);
        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isPresent();
        assertThat(rfmsImport.runUnlessRunning(second, "third")).isPresent();
    }
}
