package nl.meedenken.organisation.web;

import nl.meedenken.TestLogins;
import nl.meedenken.TestPeople;
import nl.meedenken.organisation.People;
import nl.meedenken.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** An activation link to pass on starts with the configured public address, whatever Host the request named. */
@SpringBootTest
@AutoConfigureMockMvc
class PublicLinksTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    People people;
    @Autowired
    UserDetailsService users;

    @Test
    void aForgedHostOrForwardedHostDoesNotChangeTheActivationLink() throws Exception {
        long person = TestPeople.person(people, "Link Ontvanger", Set.of(Role.WAREHOUSE));
        var opened = mvc.perform(post("/admin/people/{id}/account", person).with(csrf())
                        .with(TestLogins.as(users, "admin")).param("loginName", "link" + TestPeople.uniqueNumber()))
                .andReturn();
        String page = mvc.perform(get("/admin/people/{id}", person).with(TestLogins.as(users, "admin"))
                        .flashAttrs(opened.getFlashMap())
                        .header("Host", "evil.example").header("X-Forwarded-Host", "evil.example")
                        .header("X-Forwarded-Proto", "https")
                        .with(request -> {
                            request.setServerName("evil.example");
                            return request;
                        }))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"issued-link\"").contains("http://localhost:8080/activate?code=")
                .doesNotContain("evil.example");
    }
}
