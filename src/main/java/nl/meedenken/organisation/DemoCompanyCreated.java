package nl.meedenken.organisation;

/**
 * The demo company's people exist now. Other modules add their own demo content on this.
 */
public record DemoCompanyCreated() {
}
