/**
 * Innovations: each technology change as a project with the people it affects, an involvement plan
 * checked before every phase, and acceptance pulses among those people.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Innovations")
package nl.meedenken.innovations;
