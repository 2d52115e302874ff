package nl.meedenken.organisation.internal;

import java.time.Duration;

/**
 * How long one account waits from one address after failed sign-ins: the first failures are
 * free, then the wait starts at {@code firstWait} and doubles with every further failure, up to
 * {@code longestWait}. It never becomes a lock: after the wait the right password works.
 */
record SignInBackoff(int freeFailures, Duration firstWait, Duration longestWait) {

    /** The wait after this many failures in a row (zero while they are still free). */
    Duration after(int failures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeFailures, 30);
        Duration wait = firstWait.multipliedBy(1L << doublings);
        return wait.compareTo(longestWait) > 0 || wait.isNegative() ? longestWait : wait;
    }
}
