/**
 * The company's people, their roles, teams and sites, and the accounts they sign in with.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation")
package nl.meedenken.organisation;
