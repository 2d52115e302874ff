package nl.meedenken.platform.database;

import java.nio.file.Path;

/**
 * Another Meedenken process already runs on this data directory. Starting a second
 * PostgreSQL on the same files would damage them, so we stop instead.
 */
public class DataDirectoryInUseException extends IllegalStateException {

    private final Path dataDirectory;

    public DataDirectoryInUseException(Path dataDirectory) {
        super("Another Meedenken is already running with its database in " + dataDirectory
                + ". Stop that one first, or start this one with another directory"
                + " (--meedenken.embedded.data-dir=...).");
        this.dataDirectory = dataDirectory;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }
}
