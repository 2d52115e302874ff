package nl.meedenken.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A PostgreSQL server that runs inside the application's own process tree, with its
 * files in a directory of our choice. Used when no external database is configured.
 *
 * <p>One server per data directory and JVM: every Spring context in the same JVM (the
 * test suite starts several) shares it. A second JVM that points at the same
 * directory is refused with {@link DataDirectoryInUseException} before it can touch
 * the files.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Map<Path, EmbeddedDatabase> RUNNING = new ConcurrentHashMap<>();

    private final Path dataDirectory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;
    private final java.util.concurrent.atomic.AtomicBoolean library;
    private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();

    private EmbeddedDatabase(Path dataDirectory, int port, boolean durable, boolean fresh) {
        this.dataDirectory = dataDirectory;
        try {
            Files.createDirectories(dataDirectory);
            Path lockFile = lockFile(dataDirectory);
            this.lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock acquired;
            try {
                acquired = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                acquired = null;
            }
            if (acquired == null) {
                lockChannel.close();
                throw new DataDirectoryInUseException(dataDirectory);
            }
            this.lock = acquired;
            // we hold the lock, so no living application uses these files: a server still running on them was left
            // by one that was killed, and is stopped before ours starts
            LeftoverServer.clear(dataDirectory, java.time.Duration.ofSeconds(30));
            if (fresh) {
                wipe(dataDirectory);
                Files.createDirectories(dataDirectory);
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory.toFile())
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC");
            if (durable) {
                // the library starts PostgreSQL with -F (no fsync) for speed; real data must reach the disk
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            if (port > 0) {
                builder.setPort(port);
            }
            this.postgres = builder.start();
            this.library = libraryShutdownSwitch(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded database in " + dataDirectory + " could not start", e);
        }
    }

    /**
     * Starts the server for this directory, or returns the one this JVM already runs.
     *
     * @param fresh wipe the directory first (tests), only when this JVM starts the server, once it holds the lock
     */
    public static EmbeddedDatabase startOrReuse(Path dataDirectory, int port, boolean fresh) {
        Path key = dataDirectory.toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(key, dir -> new EmbeddedDatabase(dir, port, !fresh, fresh));
    }

    /** Starts a server that this caller alone owns; refused when anyone else holds the directory. */
    static EmbeddedDatabase startExclusive(Path dataDirectory, int port) {
        return new EmbeddedDatabase(dataDirectory.toAbsolutePath().normalize(), port, true, false);
    }

    private static void wipe(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not clear " + dir, e);
        }
    }

    /** The lock file next to the data directory that marks it as in use. */
    static Path lockFile(Path dataDirectory) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        return dir.resolveSibling(dir.getFileName() + ".lock");
    }

    /** A data source for the named database, created on first use. */
    public DataSource database(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a valid database name: " + name);
        }
        DataSource admin = postgres.getPostgresDatabase();
        try (Connection c = admin.getConnection();
             var check = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            check.setString(1, name);
            try (var rs = check.executeQuery()) {
                if (!rs.next()) {
                    try (var create = c.createStatement()) {
                        create.execute("create database " + name);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare database " + name, e);
        }
        return postgres.getDatabase("postgres", name);
    }

    public String jdbcUrl(String name) {
        return postgres.getJdbcUrl("postgres", name);
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * The library stops the server from a JVM shutdown hook of its own, which runs at the
     * same time as Spring's and pulls the database away from beans that still write on
     * shutdown. We switch that hook off (it checks a "closed" flag) and stop the server
     * ourselves, after the application: from the Spring context, or from our own hook
     * when the server is shared by several contexts.
     */
    private static java.util.concurrent.atomic.AtomicBoolean libraryShutdownSwitch(EmbeddedPostgres postgres) {
        try {
            var field = EmbeddedPostgres.class.getDeclaredField("closed");
            field.setAccessible(true);
            var closed = (java.util.concurrent.atomic.AtomicBoolean) field.get(postgres);
            closed.set(true);
            return closed;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // a newer library without the flag: its own hook stays in charge
        }
    }

    private final java.util.concurrent.atomic.AtomicInteger users = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean hooked = new java.util.concurrent.atomic.AtomicBoolean();

    /** A Spring context starts using this server. */
    void acquire() {
        users.incrementAndGet();
    }

    /** A Spring context that shared this server has closed. */
    void release() {
        users.decrementAndGet();
    }

    /**
     * For a server shared by several contexts (tests): stop it when the JVM ends, but only
     * after the contexts, which close in their own shutdown hooks, have let go of it. Stopping
     * it earlier would leave them waiting for connections that never come.
     */
    void stopWhenTheJvmEnds() {
        if (!hooked.compareAndSet(false, true)) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            while (users.get() > 0 && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            close();
        }, "meedenken-embedded-postgres-stop"));
    }

    @Override
    public void close() {
        RUNNING.remove(dataDirectory, this);
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        if (library != null) {
            library.set(false);
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException ignored) {
                // the lock goes with the process anyway
            }
        }
    }
}
