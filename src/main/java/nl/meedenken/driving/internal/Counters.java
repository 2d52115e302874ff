package nl.meedenken.driving.internal;

/**
 * The lifetime counters of one vehicle status, flattened into one array so that two statuses can
 * be subtracted. Class histograms are stored as tails: the seconds or metres beyond each edge, so
 * a threshold chosen later can still be read from data taken in earlier.
 */
public final class Counters {

    /** Edges in m/s² for harsh braking (deceleration beyond -edge) and harsh acceleration (beyond +edge). */
    public static final double[] HARSH_EDGES = {0.5, 0.7, 0.9, 1.1, 1.5, 2.0, 2.5, 3.0};
    /** Speed edges in km/h: 40, 44, ... 136, the boundaries of rFMS's 4 km/h speed classes. */
    public static final int SPEED_FIRST_EDGE = 40;
    public static final int SPEED_STEP = 4;
    public static final int SPEED_EDGES = 25;

    public static final int ODOMETER_M = 0;
    public static final int FUEL_ML = 1;
    public static final int MOVING_S = 2;
    public static final int IDLE_S = 3;
    public static final int IDLE_FUEL_ML = 4;
    public static final int CRUISE_M = 5;
    public static final int COAST_M = 6;
    public static final int SPEED_TOTAL_M = 7;
    public static final int BRAKE_S = 8;
    public static final int ACCEL_S = BRAKE_S + HARSH_EDGES.length;
    public static final int SPEED_M = ACCEL_S + HARSH_EDGES.length;
    public static final int SIZE = SPEED_M + SPEED_EDGES;

    private Counters() {
    }

    /** The index into the brake or acceleration tails for a threshold, or -1 when it is not an edge. */
    public static int harshIndex(double threshold) {
        for (int i = 0; i < HARSH_EDGES.length; i++) {
            if (Math.abs(HARSH_EDGES[i] - threshold) < 1e-9) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the first speed edge at or above the limit (a limit between edges rounds up). */
    public static int speedIndex(int limitKmh) {
        int index = (int) Math.ceil((limitKmh - SPEED_FIRST_EDGE) / (double) SPEED_STEP);
        return Math.max(0, Math.min(SPEED_EDGES - 1, index));
    }

    /** The speed edge a limit is rounded up to. */
    public static int speedEdge(int limitKmh) {
        return SPEED_FIRST_EDGE + SPEED_STEP * speedIndex(limitKmh);
    }
}
