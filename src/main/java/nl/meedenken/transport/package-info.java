/**
 * Transport: customers, addresses and their wishes, orders, the day's trips with central or
 * decentral steering, load lists for the warehouse, and the driver app in the cab.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Transport")
package nl.meedenken.transport;
