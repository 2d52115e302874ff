/**
 * Follow-up actions with an owner and a due date, created from every other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Actions")
package nl.meedenken.actions;
