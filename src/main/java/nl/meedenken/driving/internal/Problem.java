package nl.meedenken.driving.internal;

/** A status that was not taken in, and why. */
public record Problem(Reason reason, String vin, String detail) {

    public enum Reason {
        /** The same status again, or one older than the last status taken in for the vehicle. */
        DUPLICATE,
        /** A VIN that is not in the vehicle list. */
        UNKNOWN,
        /** A counter went down (odometer or fuel counter reset): the status becomes the new starting point. */
        BACKWARDS,
        /** Not readable: bad JSON, a missing field, a wrong type or a negative counter. */
        MALFORMED,
        /** More distance or fuel than a truck can manage in the time between two statuses. */
        IMPLAUSIBLE;

        public String labelKey() {
            return "driving.problem." + name();
        }
    }

    public Problem {
        vin = vin == null ? null : vin.length() > 40 ? vin.substring(0, 40) : vin;
        detail = detail == null ? "" : detail.length() > 300 ? detail.substring(0, 300) : detail;
    }
}
