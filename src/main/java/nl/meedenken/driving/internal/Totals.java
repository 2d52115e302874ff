package nl.meedenken.driving.internal;

/**
 * Summed intervals of one driver (or a group) over a period, read at the thresholds in force:
 * harsh braking and acceleration in seconds, overspeed in metres above the limit.
 */
public record Totals(long distanceM, long fuelMl, long movingS, long idleS, long idleFuelMl, long cruiseM, long coastM,
                     long speedTotalM, long brakeS, long accelS, long overspeedM) {

    public static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public Totals plus(Totals o) {
        return new Totals(distanceM + o.distanceM, fuelMl + o.fuelMl, movingS + o.movingS, idleS + o.idleS,
                idleFuelMl + o.idleFuelMl, cruiseM + o.cruiseM, coastM + o.coastM, speedTotalM + o.speedTotalM,
                brakeS + o.brakeS, accelS + o.accelS, overspeedM + o.overspeedM);
    }

    public double km() {
        return distanceM / 1000.0;
    }

    public double litres() {
        return fuelMl / 1000.0;
    }

    public double idleLitres() {
        return idleFuelMl / 1000.0;
    }

    /** Less than a kilometre says nothing about how someone drives. */
    public boolean enough() {
        return distanceM >= 1000;
    }

    /** The value of one metric, or null when there is too little driving to say. */
    public Double value(Metric metric) {
        if (!enough()) {
            return null;
        }
        return switch (metric) {
            case FUEL -> litres() / km() * 100;
            case IDLING -> idleS + movingS == 0 ? null : 100.0 * idleS / (idleS + movingS);
            case CRUISE -> 100.0 * cruiseM / distanceM;
            case COASTING -> 100.0 * coastM / distanceM;
            case HARSH_BRAKING -> brakeS / km() * 100;
            case HARSH_ACCELERATION -> accelS / km() * 100;
            case OVERSPEED -> speedTotalM == 0 ? null : 100.0 * overspeedM / speedTotalM;
        };
    }
}
