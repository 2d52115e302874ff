package nl.meedenken.platform;

import java.time.Instant;
import java.util.Optional;

/**
 * Throttling of sign-in and code attempts. The platform's security filters ask; the
 * module that owns accounts answers and keeps the counts in the database, so every
 * application node sees the same numbers.
 */
public interface SignInGuard {

    /**
     * Until when sign-ins for this login name from this address wait after failed attempts, if
     * they do now. Never tell the person: the refusal looks the same as a wrong password.
     */
    Optional<Instant> waitingUntil(String loginName, String address);

    /** An attempt refused because it came during such a wait: counted for the address and audited. */
    void refusedWhileWaiting(String loginName, String address);

    /** Whether this address made too many failed attempts lately and must wait. */
    boolean addressBlocked(String address);

    /**
     * Whether a session may go on: the person is still active and nothing happened that
     * ends their sessions (deactivation, other roles, a new password).
     */
    boolean stillValid(SignedInUser user);
}
