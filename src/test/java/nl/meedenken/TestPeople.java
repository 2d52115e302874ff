package nl.meedenken;

import nl.meedenken.organisation.People;
import nl.meedenken.organisation.internal.Accounts;
import nl.meedenken.organisation.internal.PersonDetails;
import nl.meedenken.organisation.internal.Teams;
import nl.meedenken.platform.Language;
import nl.meedenken.platform.Role;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Makes people of a test's own, so tests never change the demo personas others rely on. */
public final class TestPeople {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 100000));

    private TestPeople() {
    }

    /** A unique employee number such as {@code T12345}. */
    public static String uniqueNumber() {
        return "T" + NEXT.incrementAndGet();
    }

    public static long person(People people, String name, Set<Role> roles) {
        return people.register(new PersonDetails(uniqueNumber(), name, Language.NL, null, null, null, null, roles),
                "test").value();
    }

    /** A person with a working account; returns the login name. */
    public static String withAccount(People people, Accounts accounts, String password, Role... roles) {
        String number = uniqueNumber();
        long id = people.register(new PersonDetails(number, "Test " + number, Language.NL, null, null, null, null,
                Set.of(roles)), "test").value();
        accounts.openWithPassword(id, "login" + number.toLowerCase(), password);
        return "login" + number.toLowerCase();
    }

    /** A team of a test's own. */
    public static long team(Teams teams) {
        return teams.create("Testteam " + uniqueNumber(), null);
    }

    /** A person in the given team, without an account. */
    public static long member(People people, long teamId, String name, Role... roles) {
        return people.register(new PersonDetails(uniqueNumber(), name, Language.NL, null, null, teamId, null,
                Set.of(roles)), "test").value();
    }

    /** A person in the given team with a working account (password {@code secret-password-1}); returns the login. */
    public static String loginInTeam(People people, Accounts accounts, long teamId, Role... roles) {
        String number = uniqueNumber();
        long id = people.register(new PersonDetails(number, "Test " + number, Language.NL, null, null, teamId, null,
                Set.of(roles)), "test").value();
        accounts.openWithPassword(id, "login" + number.toLowerCase(), "secret-password-1");
        return "login" + number.toLowerCase();
    }
}
