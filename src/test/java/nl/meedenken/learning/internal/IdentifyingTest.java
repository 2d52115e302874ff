package nl.meedenken.learning.internal;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonId;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.platform.Language;
import nl.meedenken.platform.Role;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifyingTest {

    private final Identifying identifying;

    IdentifyingTest() {
        People people = Mockito.mock(People.class);
        Mockito.when(people.withRole(Role.EMPLOYEE)).thenReturn(List.of(
                new PersonSummary(new PersonId(1), "2002", "Jan de Vries", Language.NL, null, null, Set.of(), true),
                new PersonSummary(new PersonId(2), "3001", "Fatima el Idrissi", Language.NL, null, null, Set.of(), true)));
        identifying = new Identifying(people);
    }

    private List<String> found(String text) {
        return identifying.find(text).stream().map(f -> f.kind() + ":" + f.text()).toList();
    }

    @Test
    void findsDutchAndGermanPlatesButNotDatesOrCodes() {
        assertThat(found("De wagen VZ-123-B en 12-ABC-3 en ab-12-cd")).containsExactly("PLATE:VZ-123-B",
                "PLATE:12-ABC-3", "PLATE:ab-12-cd");
        assertThat(found("Een Duitse wagen B-AB 1234 stond er ook")).containsExactly("PLATE:B-AB 1234");
        assertThat(found("Op 12-03-2026 om 10:15 bij dock 4, route A-2")).isEmpty();
    }

    @Test
    void findsAddressesNumbersAndNamesOfColleagues() {
        assertThat(found("Mail jan@voorbeeld.nl of bel 06-12345678")).containsExactly("EMAIL:jan@voorbeeld.nl",
                "PHONE:06-12345678");
        assertThat(found("Volgens jan de vries ging het zo")).containsExactly("PERSON:Jan de Vries");
        assertThat(found("Fatima zag het gebeuren")).containsExactly("FIRST_NAME:Fatima");
        assertThat(found("De vloer in januari was nat")).isEmpty();
        assertThat(Identifying.blocks(identifying.find("Fatima zag het"))).as("a first name only warns").isFalse();
        assertThat(Identifying.blocks(identifying.find("Jan de Vries zag het"))).isTrue();
    }
}
