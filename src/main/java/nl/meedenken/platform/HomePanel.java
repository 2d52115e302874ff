package nl.meedenken.platform;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A block of information a module puts on the home page of the people it concerns, such
 * as "the scan is open: answer now" for employees or its response so far for management.
 * The home page shows the panels of all modules for the signed-in person's roles.
 */
public interface HomePanel {

    /** Who sees the panel; {@link Role#EMPLOYEE} means everyone signed in. */
    Set<Role> roles();

    /** Position on the page, low first. */
    int order();

    /** The template and fragment that draw the panel, e.g. {@code scan/home :: open}. */
    String template();

    /** The panel's figures for this person; empty to leave the panel out this time. */
    Optional<Map<String, Object>> data(SignedInUser me);
}
