package nl.meedenken.organisation.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Limits on signing in.
 *
 * @param maxFailedAttempts  failed passwords in a row before an account is locked
 * @param lockDuration       how long a locked account waits
 * @param addressMaxFailures failed attempts from one network address within {@code addressWindow} before it must wait
 * @param addressWindow      the period counted for one address
 * @param codeValidity       how long an activation or reset code works
 */
@ConfigurationProperties("meedenken.sign-in")
public record SignInProperties(Integer maxFailedAttempts, Duration lockDuration, Integer addressMaxFailures,
                               Duration addressWindow, Duration codeValidity) {

    public SignInProperties {
        maxFailedAttempts = maxFailedAttempts == null ? 5 : maxFailedAttempts;
        lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
        addressMaxFailures = addressMaxFailures == null ? 20 : addressMaxFailures;
        addressWindow = addressWindow == null ? Duration.ofMinutes(15) : addressWindow;
        codeValidity = codeValidity == null ? Duration.ofDays(7) : codeValidity;
    }
}
