/**
 * Learning from mistakes without blame: reports (named or anonymous), answers, actions and
 * lessons published to everyone.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Learning")
package nl.meedenken.learning;
