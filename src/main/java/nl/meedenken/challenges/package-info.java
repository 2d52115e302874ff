/**
 * Company challenges and shop-floor problems: everyone gives input, votes on options and
 * links ideas; the poster closes with what was done with it all.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Challenges")
package nl.meedenken.challenges;
