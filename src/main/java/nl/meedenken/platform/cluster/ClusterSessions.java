package nl.meedenken.platform.cluster;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Sessions live in memory on one node unless {@code meedenken.cluster=true}; then they are
 * kept in PostgreSQL (Spring Session JDBC), so any node behind a load balancer can serve
 * any request, and flash messages such as a new activation code survive the redirect.
 */
public class ClusterSessions implements EnvironmentPostProcessor {

    static final String JDBC_SESSIONS = "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean cluster = environment.getProperty("meedenken.cluster", Boolean.class, false);
        Map<String, Object> settings = cluster
                ? Map.of("spring.session.jdbc.initialize-schema", "always")
                : Map.of("spring.autoconfigure.exclude", JDBC_SESSIONS);
        environment.getPropertySources().addLast(new MapPropertySource("meedenken-cluster", settings));
    }
}
