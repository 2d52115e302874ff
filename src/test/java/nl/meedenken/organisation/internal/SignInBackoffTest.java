package nl.meedenken.organisation.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SignInBackoffTest {

    private final SignInBackoff backoff = new SignInProperties(null, null, null, null, null, null).backoff();

    @Test
    void theFirstFourFailuresAreFree() {
        assertThat(backoff.after(1)).isZero();
        assertThat(backoff.after(4)).isZero();
    }

    @Test
    void theWaitStartsAtThirtySecondsAndDoublesWithEachFurtherFailure() {
        assertThat(backoff.after(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.after(7)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.after(9)).isEqualTo(Duration.ofMinutes(8));
    }

    @Test
    void theWaitNeverGrowsBeyondFifteenMinutesHoweverLongTheAttackGoesOn() {
        assertThat(backoff.after(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(backoff.after(1_000_000)).isEqualTo(Duration.ofMinutes(15));
    }
}
