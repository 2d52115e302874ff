/**
 * What every module stands on: layout, navigation, security, languages, error pages, audit trail and the database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package nl.meedenken.platform;
