package nl.meedenken.organisation;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A production installation: no demo, an empty database of its own. */
@SpringBootTest(properties = {"meedenken.demo=false", "meedenken.embedded.database=setup_mode"})
@AutoConfigureMockMvc
class SetupModeTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    People people;

    @Test
    void firstAdministratorIsCreatedOnceOnTheSetupPageAndThenThePageIsGone() throws Exception {
        assertThat(people.withRole(nl.meedenken.platform.Role.EMPLOYEE)).isEmpty();
        mvc.perform(get("/")).andExpect(redirectedUrl("/setup"));
        mvc.perform(get("/login")).andExpect(redirectedUrl("/setup"));
        mvc.perform(get("/admin/people")).andExpect(redirectedUrl("/setup"));
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/setup")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Meedenken instellen")));

        mvc.perform(post("/setup").with(csrf()).param("name", "").param("employeeNumber", "1")
                        .param("password", "kort").param("repeated", "kort"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Gebruik minimaal 8 tekens.")));
        mvc.perform(post("/setup").with(csrf()).param("name", "").param("employeeNumber", "1")
                        .param("password", "een lange zin").param("repeated", "een lange zin"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Vul dit in.")));
        assertThat(people.withRole(nl.meedenken.platform.Role.EMPLOYEE)).isEmpty();

        mvc.perform(post("/setup").with(csrf()).param("name", "Bea Beheer").param("employeeNumber", "1")
                        .param("loginName", "bea").param("password", "een lange zin").param("repeated", "een lange zin"))
                .andExpect(redirectedUrl("/login?activated"));

        mvc.perform(get("/setup")).andExpect(status().isNotFound());
        mvc.perform(post("/setup").with(csrf()).param("name", "Indringer").param("employeeNumber", "2")
                .param("password", "een lange zin").param("repeated", "een lange zin")).andExpect(status().isNotFound());
        mvc.perform(get("/login")).andExpect(status().isOk());
        mvc.perform(post("/login").with(csrf()).param("username", "bea").param("password", "een lange zin"))
                .andExpect(authenticated());
        assertThat(people.withRole(nl.meedenken.platform.Role.ADMIN)).extracting(PersonSummary::name)
                .containsExactly("Bea Beheer");
    }
}
