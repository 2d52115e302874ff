/**
 * Ideas answered in time, experiments and innovation teams: room to experiment for everyone.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ideas")
package nl.meedenken.ideas;
