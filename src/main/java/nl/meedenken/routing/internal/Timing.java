package nl.meedenken.routing.internal;

/**
 * When a truck reaches a stop, starts unloading and leaves, and how long it has driven since its
 * last break. Driving that would pass the break limit is interrupted by a break on the way.
 *
 * @param arrival           when the truck arrives
 * @param start             when unloading starts: at arrival, or when the window opens
 * @param departure         when the truck leaves again
 * @param drivingSinceBreak driving time since the last break
 * @param breaks            breaks taken so far on the trip
 */
public record Timing(long arrival, long start, long departure, long drivingSinceBreak, int breaks) {

    /** The moment a truck leaves the depot, rested. */
    public static Timing leaving(long at) {
        return new Timing(at, at, at, 0, 0);
    }

    /**
     * Drives on to the next place and serves it.
     *
     * @param travel      driving time of the leg
     * @param ready       earliest start of service there
     * @param service     time spent there
     * @param breakAfter  driving allowed between breaks
     * @param breakLength length of a break
     */
    public Timing next(long travel, long ready, long service, long breakAfter, long breakLength) {
        long clock = departure;
        long driving = drivingSinceBreak;
        long left = travel;
        int taken = breaks;
        while (breakAfter > 0 && driving + left > breakAfter) {
            long part = breakAfter - driving;
            clock += part + breakLength;
            left -= part;
            driving = 0;
            taken++;
        }
        clock += left;
        driving += left;
        long begin = Math.max(clock, ready);
        return new Timing(clock, begin, begin + service, driving, taken);
    }
}
