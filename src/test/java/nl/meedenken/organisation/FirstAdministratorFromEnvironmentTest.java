package nl.meedenken.organisation;

import nl.meedenken.platform.Role;
import nl.meedenken.platform.SetupState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** As with MEEDENKEN_SETUP_ADMIN_LOGIN and MEEDENKEN_SETUP_ADMIN_PASSWORD in the environment. */
@SpringBootTest(properties = {"meedenken.demo=false", "meedenken.embedded.database=setup_env",
        "meedenken.setup.admin-login=beheer", "meedenken.setup.admin-password=uit de omgeving",
        "meedenken.setup.admin-name=Omgeving Beheerder"})
@AutoConfigureMockMvc
class FirstAdministratorFromEnvironmentTest {

    @Autowired
    SetupState setup;
    @Autowired
    People people;
    @Autowired
    MockMvc mvc;

    @Test
    void administratorFromTheEnvironmentCanSignInAndNoSetupPageIsNeeded() throws Exception {
        assertThat(setup.needsFirstAdministrator()).isFalse();
        assertThat(people.withRole(Role.ADMIN)).extracting(PersonSummary::name).containsExactly("Omgeving Beheerder");
        mvc.perform(post("/login").with(csrf()).param("username", "beheer").param("password", "uit de omgeving"))
                .andExpect(authenticated());
    }
}
