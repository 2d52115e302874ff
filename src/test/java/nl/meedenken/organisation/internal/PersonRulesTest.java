package nl.meedenken.organisation.internal;

import nl.meedenken.platform.Language;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PersonRulesTest {

    private static PersonDetails details(String number, String name, String email, String phone) {
        return new PersonDetails(number, name, Language.NL, email, phone, null, null, Set.of());
    }

    @Test
    void acceptsAPersonWithOnlyNameAndNumber() {
        assertThat(PersonRules.check(details("4711", "Eva", null, null), Set.of(), Set.of(), Set.of(), Set.of()))
                .isEmpty();
    }

    @Test
    void trimsInputAndTreatsBlankAsMissing() {
        var d = details("  4711 ", "  ", " ", "");
        assertThat(d.employeeNumber()).isEqualTo("4711");
        assertThat(d.email()).isNull();
        assertThat(PersonRules.check(d, Set.of(), Set.of(), Set.of(), Set.of()))
                .extracting(InvalidInput.Problem::field).containsExactly("name");
    }

    @Test
    void refusesTakenNumbersRegardlessOfCapitals() {
        assertThat(PersonRules.check(details("ab12", "Eva", null, null), Set.of("ab12"), Set.of(), Set.of(), Set.of()))
                .extracting(InvalidInput.Problem::messageKey).containsExactly("person.error.employeeNumberTaken");
        assertThat(details("AB12", "x", "Eva@Example.ORG", null).email()).isEqualTo("eva@example.org");
    }

    @Test
    void refusesMalformedContactDetailsAndUnknownTeams() {
        var d = new PersonDetails("1", "Eva", Language.NL, "eva@", "call me", 99L, 98L, Set.of());
        assertThat(PersonRules.check(d, Set.of(), Set.of(), Set.of(1L), Set.of(1L)))
                .extracting(InvalidInput.Problem::field).containsExactly("email", "phone", "teamId", "siteId");
    }
}
