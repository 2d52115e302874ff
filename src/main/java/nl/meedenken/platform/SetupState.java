package nl.meedenken.platform;

/**
 * Whether this installation still needs its first administrator. Until it has one,
 * only the setup page is reachable.
 */
public interface SetupState {

    boolean needsFirstAdministrator();
}
