package nl.meedenken.platform;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a person may do. Everyone is an {@link #EMPLOYEE}; the other roles add to that,
 * and one person can hold several.
 */
public enum Role {
    EMPLOYEE,
    DRIVER,
    WAREHOUSE,
    PLANNER,
    TEAM_LEAD,
    MANAGEMENT,
    WORKS_COUNCIL,
    ADMIN;

    /** The Spring Security authority name, e.g. {@code ROLE_DRIVER}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The message key of the role's name in the user's language. */
    public String labelKey() {
        return "role." + name();
    }

    /** Drivers and warehouse staff mostly use a phone and get the short shop-floor navigation. */
    public boolean isShopFloor() {
        return this == DRIVER || this == WAREHOUSE;
    }

    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toUpperCase().replace(' ', '_').replace('-', '_');
        return Arrays.stream(values()).filter(r -> r.name().equals(wanted)).findFirst();
    }
}
