package nl.meedenken.learning.internal;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.platform.Role;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds details in a text that could point to a person: licence plates, e-mail addresses,
 * phone numbers and the names of colleagues. A help for the writer and the editor, not a
 * guarantee: customer names and descriptions ("the new guy on the night shift") it cannot see.
 */
@Component
public class Identifying {

    /** What was found; the blocking kinds must be gone before a lesson is published. */
    public record Finding(Kind kind, String text) {
    }

    public enum Kind {
        PLATE(true), EMAIL(true), PHONE(true), PERSON(true), FIRST_NAME(false);

        private final boolean blocking;

        Kind(boolean blocking) {
            this.blocking = blocking;
        }

        public boolean blocking() {
            return blocking;
        }

        public String labelKey() {
            return "learning.identifying." + name();
        }
    }

    // Dutch plates are six letters and digits in three groups (VZ-123-B, 12-ABC-3, AB-12-CD);
    // German ones a district, letters and digits (B-AB 1234).
    private static final Pattern DUTCH_PLATE = Pattern.compile(
            "(?<![\\p{L}\\d-])(?=[A-Za-z0-9-]{8}(?![\\p{L}\\d-]))[A-Za-z0-9]{1,3}-[A-Za-z0-9]{1,3}-[A-Za-z0-9]{1,3}(?![\\p{L}\\d-])");
    private static final Pattern GERMAN_PLATE = Pattern.compile("(?<![\\p{L}\\d-])[A-ZÄÖÜ]{1,3}-[A-Z]{1,2} ?\\d{1,4}(?![\\p{L}\\d])");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern PHONE = Pattern.compile("(?<![\\d])\\+?\\d[\\d \\-]{7,}\\d(?![\\d])");

    private final People people;

    Identifying(People people) {
        this.people = people;
    }

    public List<Finding> find(String... texts) {
        Set<Finding> found = new LinkedHashSet<>();
        List<PersonSummary> everyone = people.withRole(Role.EMPLOYEE);
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            Matcher plate = DUTCH_PLATE.matcher(text);
            while (plate.find()) {
                String p = plate.group();
                if (p.chars().anyMatch(Character::isDigit) && p.chars().anyMatch(Character::isLetter)) {
                    found.add(new Finding(Kind.PLATE, p));
                }
            }
            Matcher german = GERMAN_PLATE.matcher(text);
            while (german.find()) {
                found.add(new Finding(Kind.PLATE, german.group()));
            }
            Matcher email = EMAIL.matcher(text);
            while (email.find()) {
                found.add(new Finding(Kind.EMAIL, email.group()));
            }
            Matcher phone = PHONE.matcher(text.replaceAll(EMAIL.pattern(), " "));
            while (phone.find()) {
                if (phone.group().chars().filter(Character::isDigit).count() >= 9) {
                    found.add(new Finding(Kind.PHONE, phone.group().strip()));
                }
            }
            String lower = text.toLowerCase(Locale.ROOT);
            for (PersonSummary person : everyone) {
                String full = person.name().toLowerCase(Locale.ROOT);
                if (containsWord(lower, full)) {
                    found.add(new Finding(Kind.PERSON, person.name()));
                    continue;
                }
                String first = person.name().split(" ")[0];
                if (first.length() >= 3 && containsWord(text, first)) {
                    found.add(new Finding(Kind.FIRST_NAME, first));
                }
            }
        }
        return new ArrayList<>(found);
    }

    public static boolean blocks(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.kind().blocking());
    }

    private static boolean containsWord(String text, String word) {
        return Pattern.compile("(?<!\\p{L})" + Pattern.quote(word) + "(?!\\p{L})").matcher(text).find();
    }
}
