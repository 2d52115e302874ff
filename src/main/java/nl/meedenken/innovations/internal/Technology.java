package nl.meedenken.innovations.internal;

/** What kind of technology a project brings. */
public enum Technology {
    IN_CAB, WMS, MECHANISATION, OFFICE_ICT, OTHER;

    public String labelKey() {
        return "innovations.technology." + name();
    }
}
