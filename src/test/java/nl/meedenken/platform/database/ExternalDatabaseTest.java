package nl.meedenken.platform.database;

import nl.meedenken.organisation.People;
import nl.meedenken.platform.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With SPRING_DATASOURCE_URL set, the application uses that PostgreSQL and starts no
 * database of its own. A separately started server stands in for the external one.
 */
@SpringBootTest(properties = "meedenken.demo=false")
@org.springframework.test.annotation.DirtiesContext
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class ExternalDatabaseTest {

    static EmbeddedDatabase external;

    @DynamicPropertySource
    static void externalDatabase(DynamicPropertyRegistry registry) throws Exception {
        external = EmbeddedDatabase.startExclusive(Files.createTempDirectory("external-pg").resolve("pg"), 0);
        external.database("production");
        registry.add("spring.datasource.url", () -> external.jdbcUrl("production").replace("?user=postgres", ""));
        registry.add("spring.datasource.username", () -> "postgres");
    }

    @Autowired
    javax.sql.DataSource dataSource;

    /** Closes the application's pool before the stand-in server goes away, so nothing keeps knocking. */
    @AfterAll
    void stop() throws Exception {
        if (dataSource instanceof AutoCloseable pool) {
            pool.close();
        }
        external.close();
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    People people;

    @Test
    void usesTheConfiguredDatabaseAndStartsNoEmbeddedOne() {
        assertThat(context.getBeanNamesForType(EmbeddedDatabaseConfiguration.EmbeddedDatabaseHandle.class)).isEmpty();
        assertThat(people.withRole(Role.EMPLOYEE)).isEmpty();
        var tables = org.springframework.jdbc.core.simple.JdbcClient.create(external.database("production"))
                .sql("select count(*) from information_schema.tables where table_name = 'person'")
                .query(Long.class).single();
        assertThat(tables).isEqualTo(1);
    }
}
