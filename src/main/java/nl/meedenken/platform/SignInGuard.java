package nl.meedenken.platform;

import java.time.Instant;
import java.util.Optional;

/**
 * Throttling of sign-in and code attempts. The platform's security filters ask; the
 * module that owns accounts answers and keeps the counts in the database, so every
 * application node sees the same numbers.
 */
public interface SignInGuard {

    /** Until when the account behind this login name is locked after failed attempts, if it is. */
    Optional<Instant> lockedUntil(String loginName);

    /** Whether this address made too many failed attempts lately and must wait. */
    boolean addressBlocked(String address);

    /**
     * Whether a session may go on: the person is still active and nothing happened that
     * ends their sessions (deactivation, other roles, a new password).
     */
    boolean stillValid(SignedInUser user);
}
