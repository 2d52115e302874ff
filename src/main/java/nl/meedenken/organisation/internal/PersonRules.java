package nl.meedenken.organisation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a person's details acceptable. Used for the form and, line by line, for
 * imports, so both give the same reasons.
 */
public final class PersonRules {

    static final Pattern EMPLOYEE_NUMBER = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{6,40}");

    private PersonRules() {
    }

    /**
     * Problems with these details.
     *
     * @param takenNumbers lower-case employee numbers already used by someone else
     * @param takenEmails  lower-case e-mail addresses already used by someone else
     * @param teamIds      teams that exist and are active
     * @param siteIds      sites that exist and are active
     */
    public static List<InvalidInput.Problem> check(PersonDetails d, Set<String> takenNumbers, Set<String> takenEmails,
                                                   Set<Long> teamIds, Set<Long> siteIds) {
        List<InvalidInput.Problem> problems = new ArrayList<>();
        if (d.name() == null) {
            problems.add(new InvalidInput.Problem("name", "validation.required"));
        } else if (d.name().length() > 200) {
            problems.add(new InvalidInput.Problem("name", "validation.tooLong", 200));
        }
        if (d.employeeNumber() == null) {
            problems.add(new InvalidInput.Problem("employeeNumber", "validation.required"));
        } else if (!EMPLOYEE_NUMBER.matcher(d.employeeNumber()).matches()) {
            problems.add(new InvalidInput.Problem("employeeNumber", "person.error.employeeNumberFormat"));
        } else if (takenNumbers.contains(d.employeeNumber().toLowerCase())) {
            problems.add(new InvalidInput.Problem("employeeNumber", "person.error.employeeNumberTaken",
                    d.employeeNumber()));
        }
        if (d.email() != null) {
            if (d.email().length() > 254 || !EMAIL.matcher(d.email()).matches()) {
                problems.add(new InvalidInput.Problem("email", "person.error.emailFormat"));
            } else if (takenEmails.contains(d.email())) {
                problems.add(new InvalidInput.Problem("email", "person.error.emailTaken", d.email()));
            }
        }
        if (d.phone() != null && !PHONE.matcher(d.phone()).matches()) {
            problems.add(new InvalidInput.Problem("phone", "person.error.phoneFormat"));
        }
        if (d.teamId() != null && !teamIds.contains(d.teamId())) {
            problems.add(new InvalidInput.Problem("teamId", "person.error.unknownTeam"));
        }
        if (d.siteId() != null && !siteIds.contains(d.siteId())) {
            problems.add(new InvalidInput.Problem("siteId", "person.error.unknownSite"));
        }
        return problems;
    }
}
