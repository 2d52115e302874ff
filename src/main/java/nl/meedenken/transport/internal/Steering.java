package nl.meedenken.transport.internal;

/** Who decides the order of the stops at a site. */
public enum Steering {
    /** The planner fixes the order. */
    CENTRAL,
    /** The driver may change the order. */
    DECENTRAL;

    public String labelKey() {
        return "transport.steering." + name();
    }
}
