/** Route optimisation: proposes a day's trips to the planner and an order of stops to the driver. */
@org.springframework.modulith.ApplicationModule(displayName = "Routing")
package nl.meedenken.routing;
