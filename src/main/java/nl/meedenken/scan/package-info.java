/**
 * The structure-and-culture scan: questionnaire, campaigns, anonymous answers, results, advice and reports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scan")
package nl.meedenken.scan;
