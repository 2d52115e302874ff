package nl.meedenken.organisation;

import nl.meedenken.organisation.internal.FirstAdministrator;
import nl.meedenken.organisation.internal.InvalidInput;
import nl.meedenken.organisation.internal.PersonDetails;
import nl.meedenken.platform.Language;
import nl.meedenken.platform.Role;
import nl.meedenken.platform.SetupState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** An installation of its own with exactly one administrator, so the rule is tested for real. */
@SpringBootTest(properties = {"meedenken.demo=false", "meedenken.embedded.database=last_admin"})
class LastAdministratorTest {

    @Autowired
    FirstAdministrator first;
    @Autowired
    People people;
    @Autowired
    SetupState setup;
    @Autowired
    nl.meedenken.organisation.internal.Accounts accounts;

    @Test
    void thereIsAlwaysSomeoneWhoCanSignInAsAdministrator() {
        first.create(new FirstAdministrator.FirstAdmin("Ada Eerste", "1", "ada", "een lange zin", "een lange zin",
                Language.NL), "test");
        long ada = people.withRole(Role.ADMIN).get(0).id().value();
        PersonDetails adaDetails = people.details(ada).orElseThrow().details();
        PersonDetails withoutAdmin = new PersonDetails("1", "Ada Eerste", Language.NL, null, null, null, null,
                Set.of(Role.PLANNER));

        var refused = catchThrowableOfType(InvalidInput.class, () -> people.change(ada, withoutAdmin, "test"));
        assertThat(refused.problems().get(0).messageKey()).isEqualTo("person.error.lastAdmin");
        refused = catchThrowableOfType(InvalidInput.class, () -> people.deactivate(ada, "test"));
        assertThat(refused.problems().get(0).messageKey()).isEqualTo("person.error.lastAdmin");

        // an administrator who never activated the account does not count
        long bob = people.register(new PersonDetails("2", "Bob Tweede", Language.NL, null, null, null, null,
                Set.of(Role.ADMIN)), "test").value();
        accounts.open(bob, "bob", "test");
        assertThat(catchThrowableOfType(InvalidInput.class, () -> people.deactivate(ada, "test"))).isNotNull();

        // once a second administrator can sign in, the first may step down
        long cas = people.register(new PersonDetails("3", "Cas Derde", Language.NL, null, null, null, null,
                Set.of(Role.ADMIN)), "test").value();
        accounts.openWithPassword(cas, "cas", "een lange zin");
        people.change(ada, withoutAdmin, "test");
        assertThat(people.details(ada).orElseThrow().roles()).doesNotContain(Role.ADMIN);
        assertThat(adaDetails.roles()).contains(Role.ADMIN);

        // and setup never reopens, whatever happens to administrators later
        assertThat(setup.needsFirstAdministrator()).isFalse();
    }
}
