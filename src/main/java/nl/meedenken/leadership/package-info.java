/**
 * Leadership: a coaching programme for team leads and management (lessons with practice
 * assignments and private reflections), anonymous upward feedback through the scan's
 * pulses, and the company scan's leadership dimensions per department beside it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Leadership")
package nl.meedenken.leadership;
