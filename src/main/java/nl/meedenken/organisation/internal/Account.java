package nl.meedenken.organisation.internal;

import java.time.Instant;

/** A way for a person to sign in. Without a password hash it waits for activation. */
public record Account(long id, long personId, String loginName, String passwordHash, int failedAttempts,
                      Instant lockedUntil, Instant createdAt, Instant lastSignInAt, int sessionVersion) {

    public boolean activated() {
        return passwordHash != null;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
