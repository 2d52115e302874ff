package nl.meedenken.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * Without {@code SPRING_DATASOURCE_URL} the application brings its own PostgreSQL,
 * keeping its files in {@code ./data/postgres} so that data survives a restart.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedDatabaseConfiguration.EmbeddedProperties.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @ConfigurationProperties("meedenken.embedded")
    record EmbeddedProperties(String dataDir, String database, int port, boolean keepRunning, boolean fresh) {
        EmbeddedProperties {
            dataDir = dataDir == null || dataDir.isBlank() ? "data/postgres" : dataDir;
            database = database == null || database.isBlank() ? "meedenken" : database;
        }
    }

    @Bean
    EmbeddedDatabaseHandle embeddedDatabase(EmbeddedProperties properties) {
        EmbeddedDatabase db = EmbeddedDatabase.startOrReuse(Path.of(properties.dataDir()), properties.port(),
                properties.fresh());
        log.info("Embedded PostgreSQL on port {} with its files in {}", db.port(), db.dataDirectory());
        if (properties.keepRunning()) {
            db.acquire();
            db.stopWhenTheJvmEnds();
        }
        return new EmbeddedDatabaseHandle(db, properties.keepRunning());
    }

    /** The same {@code spring.datasource.hikari.*} settings as for an external database, so both behave alike. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabaseHandle handle, EmbeddedProperties properties) {
        EmbeddedDatabase db = handle.database();
        db.database(properties.database());
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(db.jdbcUrl(properties.database()));
        ds.setUsername("postgres");
        ds.setPoolName("meedenken-embedded");
        ds.setValidationTimeout(2_000);
        return ds;
    }

    /** Stops the server with the context, unless it is shared by several contexts (tests). */
    record EmbeddedDatabaseHandle(EmbeddedDatabase database, boolean keepRunning) implements AutoCloseable {
        @Override
        public void close() {
            if (keepRunning) {
                database.release();
            } else {
                database.close();
            }
        }
    }
}
