package nl.meedenken.scan;

import java.util.EnumSet;
import java.util.Set;

/** The kind of work a respondent says they do; results are shown per group. */
public enum RoleGroup {
    DRIVER, WAREHOUSE, OFFICE, TEAM_LEAD, MANAGEMENT, UNDISCLOSED;

    /** Drivers and warehouse staff together: the shop floor in the gap with leadership. */
    public static final Set<RoleGroup> SHOP_FLOOR = EnumSet.of(DRIVER, WAREHOUSE);

    /**
     * Management and team leads together. In a company of forty, management alone is too
     * small a group to ever be shown, so the gap compares everyone who leads with the shop floor.
     */
    public static final Set<RoleGroup> LEADERSHIP = EnumSet.of(MANAGEMENT, TEAM_LEAD);

    public String labelKey() {
        return "scan.roleGroup." + name();
    }
}
