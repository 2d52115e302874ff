package nl.meedenken.platform.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDatabaseTest {

    @TempDir
    Path folder;

    @Test
    void keepsDataWhenStoppedAndStartedAgain() {
        Path dir = folder.resolve("postgres");
        try (EmbeddedDatabase first = EmbeddedDatabase.startExclusive(dir, 0)) {
            JdbcClient jdbc = JdbcClient.create(first.database("survivor"));
            jdbc.sql("create table note (text varchar(40))").update();
            jdbc.sql("insert into note values ('still here')").update();
        }
        try (EmbeddedDatabase second = EmbeddedDatabase.startExclusive(dir, 0)) {
            JdbcClient jdbc = JdbcClient.create(second.database("survivor"));
            assertThat(jdbc.sql("select text from note").query(String.class).list()).containsExactly("still here");
        }
    }

    @Test
    void refusesADirectoryThatAnotherProcessUses() throws Exception {
        Path dir = folder.resolve("busy");
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldLock.class.getName(),
                EmbeddedDatabase.lockFile(dir).toString())
                .redirectErrorStream(true).start();
        try (var out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("locked");
            assertThatThrownBy(() -> EmbeddedDatabase.startExclusive(dir, 0))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining("Another Meedenken is already running")
                    .hasMessageContaining(dir.getFileName().toString());
        } finally {
            other.destroy();
            other.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void refusesASecondServerOnTheSameDirectoryInThisProcess() {
        Path dir = folder.resolve("twice");
        try (EmbeddedDatabase first = EmbeddedDatabase.startExclusive(dir, 0)) {
            assertThat(first.port()).isPositive();
            assertThatThrownBy(() -> EmbeddedDatabase.startExclusive(dir, 0))
                    .isInstanceOf(DataDirectoryInUseException.class);
        }
    }

    @Test
    void failureAnalysisTellsWhatToDo() {
        var analysis = new DataDirectoryInUseFailureAnalyzer()
                .analyze(new IllegalStateException(new DataDirectoryInUseException(folder)));
        assertThat(analysis.getDescription()).contains("already using the database files");
        assertThat(analysis.getAction()).contains("--meedenken.embedded.data-dir");
    }

    /** Stands in for another running Meedenken: holds the lock until it is killed. */
    public static final class HoldLock {
        public static void main(String[] args) throws Exception {
            Path lock = Path.of(args[0]);
            java.nio.file.Files.createDirectories(lock.getParent());
            try (var channel = java.nio.channels.FileChannel.open(lock, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.WRITE); var held = channel.lock()) {
                System.out.println("locked");
                System.out.flush();
                Thread.currentThread().join();
            }
        }
    }
}
