package nl.meedenken.platform.delivery;

/**
 * A {@link Channel} that reaches only some people (e-mail needs an address, SMS a phone number, push a device
 * that opted in). A channel that does not implement it reaches everyone once it is {@link Channel#ready()}.
 */
public interface Reachable {

    boolean reaches(long personId);
}
