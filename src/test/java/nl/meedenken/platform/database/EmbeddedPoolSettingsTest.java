package nl.meedenken.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded database's pool takes the same settings as an external one. */
@SpringBootTest
class EmbeddedPoolSettingsTest {

    @Autowired
    DataSource dataSource;

    @Test
    void thePoolHasTheConfiguredSizeAndWait() {
        HikariDataSource pool = (HikariDataSource) dataSource;
        assertThat(pool.getPoolName()).isEqualTo("meedenken-embedded");
        assertThat(pool.getMaximumPoolSize()).as("the test configuration's size").isEqualTo(10);
        assertThat(pool.getConnectionTimeout()).as("application.properties").isEqualTo(5_000);
    }
}
