package nl.meedenken.platform.cluster;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** With meedenken.cluster=true, sessions are kept in PostgreSQL, where every node finds them. */
@SpringBootTest(properties = {"meedenken.cluster=true", "meedenken.embedded.database=cluster_mode"})
@AutoConfigureMockMvc
class ClusterSessionsTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void signingInStoresTheSessionInTheDatabase() throws Exception {
        assertThat(context.getBeanNamesForType(SessionRepository.class)).isNotEmpty();
        mvc.perform(post("/login").with(csrf()).param("username", "planner").param("password", "demo"))
                .andExpect(redirectedUrl("/"));
        long sessions = jdbc.sql("select count(*) from spring_session").query(Long.class).single();
        assertThat(sessions).isPositive();
    }
}
