/**
 * Recurring team evaluations: a board of what goes well, what can be better and ideas, with
 * votes, groups and the top items turned into actions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluations")
package nl.meedenken.evaluations;
