package nl.meedenken.platform.database;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Four migrations were changed after they had landed (ADR 0015). A database that ran their
 * first version has the old checksum in Flyway's history, and Flyway would refuse to start.
 * Before Flyway validates, this replaces exactly those known old checksums by the current
 * ones; migrations V26 and V27 then bring such a database to the current shape. Any other
 * difference in checksum still stops the application, as it should.
 */
@Component
public class EditedMigrations implements Callback {

    private static final Logger log = LoggerFactory.getLogger(EditedMigrations.class);

    /** A migration edited after landing: its version, the checksum it landed with and the one it has now. */
    public record Edited(String version, int landed, int current) {
    }

    /** Checksums as Flyway computes them (CRC32 over the lines); checked by LandedMigrationsTest. */
    public static final List<Edited> EDITED = List.of(
            new Edited("4", -767833450, 1947177852),
            new Edited("19", 1950266592, 599762871),
            new Edited("21", -454764332, 1074227668),
            new Edited("25", -404314101, 561416735));

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            repair(context.getConnection(), context.getConfiguration());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not bring the checksums of edited migrations up to date", e);
        }
    }

    static void repair(Connection connection, Configuration configuration) throws SQLException {
        String table = historyTable(configuration);
        try (var exists = connection.prepareStatement("select to_regclass(?) is not null")) {
            exists.setString(1, table);
            try (var rs = exists.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return; // a new database: nothing ran yet
                }
            }
        }
        for (Edited edited : EDITED) {
            try (var update = connection.prepareStatement(
                    "update " + table + " set checksum = ? where version = ? and checksum = ?")) {
                update.setInt(1, edited.current());
                update.setString(2, edited.version());
                update.setInt(3, edited.landed());
                if (update.executeUpdate() > 0) {
                    log.info("Migration V{} ran in the version it first landed with; its checksum is brought up to "
                            + "date and a later migration adds what changed (ADR 0015)", edited.version());
                }
            }
        }
    }

    private static String historyTable(Configuration configuration) {
        String schema = configuration.getDefaultSchema();
        if ((schema == null || schema.isBlank()) && configuration.getSchemas().length > 0) {
            schema = configuration.getSchemas()[0];
        }
        String table = quote(configuration.getTable());
        return schema == null || schema.isBlank() ? table : quote(schema) + "." + table;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public String getCallbackName() {
        return "edited-migrations";
    }
}
