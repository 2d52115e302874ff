package nl.meedenken.platform.database;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that ran the first landed versions of the edited migrations (kept in
 * {@code db/first-landed}, read from git history) ends up, after the application's own Flyway,
 * with the same tables, columns, constraints and indexes as a new database (ADR 0015).
 */
@SpringBootTest
class OldDatabaseUpgradeTest {

    @Autowired
    Flyway flyway;

    @Test
    void aDatabaseFromTheFirstLandedMigrationsUpgradesToTheShapeOfANewOne() throws Exception {
        EmbeddedDatabase server = EmbeddedDatabase.startOrReuse(Path.of("target/test-postgres"), 0, true);
        DataSource fresh = server.database("schema_fresh_" + System.nanoTime() % 100000);
        DataSource old = server.database("schema_old_" + System.nanoTime() % 100000);

        Flyway.configure().configuration(flyway.getConfiguration()).dataSource(fresh).load().migrate();

        Path firstLanded = firstLandedMigrations();
        Flyway.configure().dataSource(old).locations("filesystem:" + firstLanded).target("25").load().migrate();
        assertThat(columnsOf(old, "scan_participation")).contains("person_id bigint NO null");
        withOldData(old);

        var result = Flyway.configure().configuration(flyway.getConfiguration()).dataSource(old).load().migrate();
        assertThat(result.success).isTrue();

        assertThat(shape(old)).containsExactlyElementsOf(shape(fresh));
        try (Connection c = old.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("select participant from scan_participation")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).hasSize(64).doesNotContain("4242");
        }
        try (Connection c = old.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("select count(*) from driving_agreement where consent_on is not null and ended_at is null")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    /** V1..V25 as a database made before the edits ran them: the edited files in their first version. */
    private static Path firstLandedMigrations() throws IOException {
        Path dir = Files.createTempDirectory("first-landed");
        try (Stream<Path> files = Files.list(LandedMigrationsTest.MIGRATIONS)) {
            for (Path file : files.toList()) {
                Path copy = dir.resolve(file.getFileName());
                Files.copy(file, copy);
            }
        }
        try (Stream<Path> files = Files.list(LandedMigrationsTest.FIRST_LANDED)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    /** Rows the old shape allowed: a person id as participation, two agreements in force, a choice without agreement. */
    private static void withOldData(DataSource old) throws SQLException {
        try (Connection c = old.getConnection(); var s = c.createStatement()) {
            s.execute("""
                    insert into driving_agreement (purpose, metrics, team_aggregate, planner_individual,
                        management_individual, leaderboard, retention_days, weights, drafted_by, drafted_at,
                        consent_on, consent_recorded_by, consent_recorded_at)
                    values ('a', 'm', true, false, false, true, 91, 'w', 'x', now() - interval '3 days',
                            current_date - 2, 'x', now() - interval '2 days'),
                           ('b', 'm', true, false, false, true, 91, 'w', 'x', now() - interval '1 day',
                            current_date, 'x', now() - interval '1 hour')""");
            s.execute("insert into driving_leaderboard_choice (person_id, opted_in, changed_at) values (7, true, now())");
            s.execute("insert into driving_leaderboard_choice (person_id, opted_in, changed_at) values (8, true, now() - interval '30 days')");
        }
        insertParticipation(old);
    }

    private static void insertParticipation(DataSource old) throws SQLException {
        try (Connection c = old.getConnection(); var s = c.createStatement()) {
            s.execute("insert into scan_instrument (code, version, content) values ('old', 1, '{}')");
            s.execute("""
                    insert into scan_campaign (title, instrument_id, opens_on, closes_on, created_by, created_at)
                    select 'old', id, current_date, current_date + 7, 'x', now() from scan_instrument""");
            s.execute("""
                    insert into scan_participation (campaign_id, person_id, answered_on)
                    select id, 4242, current_date from scan_campaign""");
        }
    }

    private static List<String> columnsOf(DataSource db, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); var q = c.prepareStatement("""
                select column_name, data_type, is_nullable, column_default from information_schema.columns
                 where table_schema = 'public' and table_name = ? order by column_name""")) {
            q.setString(1, table);
            try (var rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
                }
            }
        }
        return out;
    }

    /** Everything that makes up the schema, except column order (ADD COLUMN appends). */
    static List<String> shape(DataSource db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            try (var rs = s.executeQuery("""
                    select table_name, column_name, data_type, character_maximum_length, numeric_precision,
                           is_nullable, column_default, is_identity
                      from information_schema.columns where table_schema = 'public'
                     order by table_name, column_name""")) {
                while (rs.next()) {
                    out.add("column " + row(rs, 8));
                }
            }
            try (var rs = s.executeQuery("""
                    select conrelid::regclass::text, conname, pg_get_constraintdef(oid)
                      from pg_constraint where connamespace = 'public'::regnamespace
                     order by 1, 2""")) {
                while (rs.next()) {
                    out.add("constraint " + row(rs, 3));
                }
            }
            try (var rs = s.executeQuery("""
                    select tablename, indexname, indexdef from pg_indexes where schemaname = 'public'
                     order by 1, 2""")) {
                while (rs.next()) {
                    out.add("index " + row(rs, 3));
                }
            }
        }
        out.removeIf(line -> line.contains("flyway_schema_history"));
        return out;
    }

    private static String row(java.sql.ResultSet rs, int columns) throws SQLException {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
            b.append(i == 1 ? "" : " | ").append(rs.getString(i));
        }
        return b.toString();
    }
}
