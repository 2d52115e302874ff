package nl.meedenken.innovations.internal;

/** The phases an innovation goes through, in order. */
public enum Phase {
    EXPLORE, CO_DESIGN, PILOT, ROLL_OUT, EVALUATE;

    public Phase next() {
        return this == EVALUATE ? null : values()[ordinal() + 1];
    }

    public String labelKey() {
        return "innovations.phase." + name();
    }
}
