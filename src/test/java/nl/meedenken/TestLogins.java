package nl.meedenken;

import nl.meedenken.platform.SignedInUser;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Signs MockMvc requests in as one of the demo personas, loaded the way a real sign-in loads them. */
public final class TestLogins {

    /** The seven demo logins, all with password {@code demo}. */
    public static final String[] PERSONAS = {"manager", "teamlead", "planner", "driver", "warehouse", "council", "admin"};

    private TestLogins() {
    }

    public static RequestPostProcessor as(UserDetailsService users, String login) {
        SignedInUser signedIn = (SignedInUser) users.loadUserByUsername(login);
        return user(signedIn);
    }

    /** The person behind a login. */
    public static long personId(UserDetailsService users, String login) {
        return ((SignedInUser) users.loadUserByUsername(login)).personId();
    }

    /** A request that seems to come from its own network address, so throttling in one test never hits another. */
    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
