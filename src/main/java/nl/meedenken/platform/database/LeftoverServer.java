package nl.meedenken.platform.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What an application that was killed (power cut, {@code kill -9}, out of memory) leaves in its data directory:
 * the embedded PostgreSQL runs on without it, or its {@code postmaster.pid} names a process number that now
 * belongs to something else. Either way PostgreSQL refuses to start on the directory. Called only by the one
 * process that holds the directory's lock, so whatever server still runs there has no application any more.
 */
final class LeftoverServer {

    private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);

    private LeftoverServer() {
    }

    /** Makes the directory ready for a new server: stops a leftover one cleanly, or removes a stale pid file. */
    static void clear(Path dataDirectory, Duration patience) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<Long> pid = pidIn(pidFile);
        Optional<ProcessHandle> process = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return; // the number is free: PostgreSQL recognises the stale file itself
        }
        ProcessHandle server = process.get();
        Optional<String> command = server.info().command();
        boolean postgres = command.map(c -> Path.of(c).getFileName().toString().equals("postgres")).orElse(false);
        if (!postgres || !servesDirectory(pidFile, dataDirectory)) {
            // the number was handed to another program after a crash; PostgreSQL would take it for a running server
            log.warn("The database files in {} were left by a server that stopped abruptly; process {} is not that "
                    + "server any more, so its lock file is removed", dataDirectory, server.pid());
            delete(pidFile);
            return;
        }
        log.warn("A database server (process {}) was still running on {} after the application stopped abruptly; "
                + "it is stopped cleanly before a new one starts", server.pid(), dataDirectory);
        // pg_ctl refuses to run as root, the embedded server does not: speak to it with signals as pg_ctl would.
        // INT is PostgreSQL's fast shutdown (ends the dead application's sessions, writes a checkpoint); QUIT is
        // its immediate one, which recovers from the log on the next start
        signal(server, "INT");
        if (!exited(server, patience)) {
            signal(server, "QUIT");
            if (!exited(server, patience)) {
                throw new IllegalStateException("The database server (process " + server.pid() + ") left running on "
                        + dataDirectory + " does not stop; stop it by hand and start again");
            }
        }
    }

    private static Optional<Long> pidIn(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The pid file's second line is the directory the server was started on. */
    private static boolean servesDirectory(Path pidFile, Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.size() > 1 && Path.of(lines.get(1).strip()).toAbsolutePath().normalize()
                    .equals(dataDirectory.toAbsolutePath().normalize());
        } catch (IOException e) {
            return false;
        }
    }

    private static void signal(ProcessHandle server, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(server.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            // no kill command on this system: Java's own signal (TERM, PostgreSQL's smart shutdown) below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.destroy();
    }

    private static boolean exited(ProcessHandle server, Duration patience) {
        try {
            server.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !server.isAlive();
        } catch (ExecutionException e) {
            return !server.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !server.isAlive();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove the stale " + file, e);
        }
    }
}
