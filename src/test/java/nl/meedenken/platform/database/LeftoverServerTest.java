package nl.meedenken.platform.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** After the application was killed, the next start comes up on the same files, with everything it had stored. */
class LeftoverServerTest {

    @TempDir
    Path folder;

    @Test
    void theFirstStartAfterAKilledApplicationTakesOverItsFilesAndKeepsItsData() throws Exception {
        Path dir = folder.resolve("postgres");
        Process application = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WritesThenWaits.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        long server;
        try (var out = new BufferedReader(new InputStreamReader(application.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("stored"));
            assertThat(line).as("the application stored its row").isEqualTo("stored");
            server = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).strip());
            application.destroyForcibly(); // kill -9: no shutdown hook runs
            assertThat(application.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive)).as("the database outlived it").contains(true);

        try (EmbeddedDatabase next = EmbeddedDatabase.startExclusive(dir, 0)) {
            JdbcClient jdbc = JdbcClient.create(next.database("crash"));
            assertThat(jdbc.sql("select text from note").query(String.class).list()).containsExactly("acknowledged");
            assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive).orElse(false))
                    .as("the leftover server was stopped").isFalse();
        }
    }

    @Test
    void aLockFileNamingAnotherProgramAfterACrashDoesNotBlockTheStart() throws Exception {
        Path dir = folder.resolve("stale");
        try (EmbeddedDatabase first = EmbeddedDatabase.startExclusive(dir, 0)) {
            JdbcClient.create(first.database("stale")).sql("create table note (text text)").update();
        }
        // the server's process number now belongs to a living program that is not PostgreSQL
        Process other = new ProcessBuilder("sleep", "600").start();
        try {
            Files.writeString(dir.resolve("postmaster.pid"), other.pid() + "\n" + dir.toAbsolutePath()
                    + "\n1700000000\n5432\n/tmp\nlocalhost\n  5432001         0\nready   \n");
            try (EmbeddedDatabase next = EmbeddedDatabase.startExclusive(dir, 0)) {
                assertThat(JdbcClient.create(next.database("stale")).sql("select count(*) from note")
                        .query(Integer.class).single()).isZero();
            }
            assertThat(other.isAlive()).as("the other program is left alone").isTrue();
        } finally {
            other.destroy();
        }
    }

    /** Stands in for the application: starts its database, stores a row, says so and waits to be killed. */
    public static final class WritesThenWaits {
        public static void main(String[] args) throws Exception {
            EmbeddedDatabase db = EmbeddedDatabase.startExclusive(Path.of(args[0]), 0);
            JdbcClient jdbc = JdbcClient.create(db.database("crash"));
            jdbc.sql("create table note (text text)").update();
            jdbc.sql("insert into note values ('acknowledged')").update();
            System.out.println("stored");
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }
}
