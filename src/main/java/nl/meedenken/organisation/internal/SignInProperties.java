package nl.meedenken.organisation.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Limits on signing in.
 *
 * @param maxFailedAttempts  failed passwords in a row, from one address, before that address must wait for the account
 * @param firstWait          the first wait; each further failure doubles it
 * @param longestWait        the wait never grows beyond this
 * @param addressMaxFailures failed attempts from one network address within {@code addressWindow} before it must wait
 * @param addressWindow      the period counted for one address
 * @param codeValidity       how long an activation or reset code works
 */
@ConfigurationProperties("meedenken.sign-in")
public record SignInProperties(Integer maxFailedAttempts, Duration firstWait, Duration longestWait, Integer addressMaxFailures,
                               Duration addressWindow, Duration codeValidity) {

    public SignInProperties {
        maxFailedAttempts = maxFailedAttempts == null ? 5 : maxFailedAttempts;
        firstWait = firstWait == null ? Duration.ofSeconds(30) : firstWait;
        longestWait = longestWait == null ? Duration.ofMinutes(15) : longestWait;
        addressMaxFailures = addressMaxFailures == null ? 20 : addressMaxFailures;
        addressWindow = addressWindow == null ? Duration.ofMinutes(15) : addressWindow;
        codeValidity = codeValidity == null ? Duration.ofDays(7) : codeValidity;
    }

    SignInBackoff backoff() {
        return new SignInBackoff(maxFailedAttempts, firstWait, longestWait);
    }
}
