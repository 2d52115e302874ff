package nl.meedenken.scan.internal;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Migration V27 (ADR 0015). The first landed V4 stored who answered a scan as a person id;
 * the current V4 stores a keyed hash of person and campaign instead. A database that ran the
 * first V4 gets its records turned into those hashes here, so nobody can answer a running
 * scan twice and no person id stays behind. This needs the participation secret, which is
 * not in the database: that is why it is Java and not SQL. On a database from the current V4
 * it finds no person id column and does nothing.
 */
@Component
class ParticipationKeyedMigration implements JavaMigration {

    private final ParticipationSecret secret;

    ParticipationKeyedMigration(ParticipationSecret secret) {
        this.secret = secret;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("27");
    }

    @Override
    public String getDescription() {
        return "scan participation keyed";
    }

    @Override
    public Integer getChecksum() {
        return 1;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if (!hasPersonColumn(c)) {
            return;
        }
        record Row(long campaign, long person) {
        }
        List<Row> rows = new ArrayList<>();
        try (var s = c.createStatement();
             var rs = s.executeQuery("select campaign_id, person_id from scan_participation")) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), rs.getLong(2)));
            }
        }
        try (var s = c.createStatement()) {
            s.execute("alter table scan_participation add column participant varchar(64)");
        }
        try (var update = c.prepareStatement(
                "update scan_participation set participant = ? where campaign_id = ? and person_id = ?")) {
            for (Row row : rows) {
                update.setString(1, secret.participant(row.person(), row.campaign()));
                update.setLong(2, row.campaign());
                update.setLong(3, row.person());
                update.addBatch();
            }
            update.executeBatch();
        }
        try (var s = c.createStatement()) {
            s.execute("alter table scan_participation drop constraint scan_participation_pkey");
            s.execute("alter table scan_participation drop column person_id");
            s.execute("alter table scan_participation alter column participant set not null");
            s.execute("alter table scan_participation add constraint scan_participation_pkey primary key (campaign_id, participant)");
        }
    }

    private static boolean hasPersonColumn(Connection c) throws SQLException {
        try (var q = c.prepareStatement("""
                select 1 from information_schema.columns
                 where table_schema = current_schema() and table_name = 'scan_participation' and column_name = 'person_id'""");
             var rs = q.executeQuery()) {
            return rs.next();
        }
    }
}
