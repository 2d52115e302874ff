package nl.meedenken.organisation;

import nl.meedenken.platform.Language;
import nl.meedenken.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The organisation module with its database, as the demo company leaves it. */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class DemoCompanyTest {

    @Autowired
    People people;
    @Autowired
    UserDetailsService users;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void aboutFortyPeopleOnTwoSitesInEveryKindOfDepartment() {
        var everyone = people.withRole(Role.EMPLOYEE).stream()
                .filter(p -> p.employeeNumber().matches("\\d{4}")).toList();
        assertThat(everyone).hasSizeBetween(35, 45);
        assertThat(people.sites()).extracting(SiteSummary::name).contains("Zwolle", "Venlo");
        assertThat(people.teams()).extracting(TeamSummary::name)
                .contains("Planning", "Magazijn Zwolle", "Chauffeurs Zwolle", "Kantoor", "Directie");
        assertThat(everyone.stream().map(PersonSummary::language).collect(Collectors.toSet()))
                .contains(Language.NL, Language.PL, Language.RO, Language.TR, Language.PT);
        assertThat(people.withRole(Role.DRIVER)).hasSizeGreaterThan(10);
        assertThat(people.withRole(Role.WAREHOUSE)).hasSizeGreaterThan(8);
    }

    @Test
    void theSevenDemoLoginsHaveTheirRolesAndPasswordDemo() {
        var expected = java.util.Map.of("manager", Role.MANAGEMENT, "teamlead", Role.TEAM_LEAD, "planner", Role.PLANNER,
                "driver", Role.DRIVER, "warehouse", Role.WAREHOUSE, "council", Role.WORKS_COUNCIL, "admin", Role.ADMIN);
        expected.forEach((login, role) -> {
            var user = (nl.meedenken.platform.SignedInUser) users.loadUserByUsername(login);
            assertThat(user.roles()).as(login).contains(role);
            assertThat(passwords.matches("demo", user.getPassword())).as(login).isTrue();
        });
    }

    @Test
    void teamsKnowTheirPeople() {
        TeamSummary drivers = people.teams().stream().filter(t -> t.name().equals("Chauffeurs Zwolle")).findFirst()
                .orElseThrow();
        assertThat(people.inTeam(drivers.id())).extracting(PersonSummary::name)
                .contains("Piotr Kowalski", "Ruud Jansen");
        assertThat(people.inTeam(drivers.id())).allMatch(p -> p.team().equals(drivers.id()));
        assertThat(Set.copyOf(people.withRole(Role.WORKS_COUNCIL).stream().map(PersonSummary::name).toList()))
                .contains("Henk Mulder", "Kees Dekker");
    }

    @Test
    void driversWhoReadPolishRomanianAndArabicCanSignIn() {
        for (var login : java.util.Map.of("driver", nl.meedenken.platform.Language.PL, "andrei", nl.meedenken.platform.Language.RO,
                "youssef", nl.meedenken.platform.Language.AR).entrySet()) {
            var user = (nl.meedenken.platform.SignedInUser) users.loadUserByUsername(login.getKey());
            assertThat(user.roles()).as(login.getKey()).contains(Role.DRIVER);
            assertThat(user.language()).as(login.getKey()).isEqualTo(login.getValue());
        }
    }
}
