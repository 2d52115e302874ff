/**
 * Driving: telematics taken in through rFMS or a CSV file, fuel and safety figures per driver,
 * and the data agreement with the works council that decides who may see them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Driving")
package nl.meedenken.driving;
