/**
 * Open book: the company's monthly figures, simply explained for every employee, with questions and answers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open book")
package nl.meedenken.openbook;
