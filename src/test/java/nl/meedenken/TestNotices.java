package nl.meedenken;

import nl.meedenken.platform.Language;
import nl.meedenken.platform.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Set;
import java.util.function.Supplier;

/** What the notification triggers left in the bell, and doing something as a signed-in person. */
public final class TestNotices {

    private TestNotices() {
    }

    /** How many notifications with this message and link the person has. */
    public static int told(JdbcClient jdbc, long person, String messageKey, String link) {
        return jdbc.sql("select count(*) from notification where person_id = :p and message = :m and link = :l")
                .param("p", person).param("m", messageKey).param("l", link).query(Integer.class).single();
    }

    /** Does the work as if this person were signed in and had asked for it (the actor of a trigger). */
    public static <T> T as(long personId, Supplier<T> work) {
        SignedInUser user = new SignedInUser(0, personId, "test" + personId, "Test " + personId, null, Language.NL,
                Set.of(), true, false, 0);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    public static void run(long personId, Runnable work) {
        as(personId, () -> {
            work.run();
            return null;
        });
    }
}
