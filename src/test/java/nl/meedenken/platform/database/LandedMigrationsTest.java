package nl.meedenken.platform.database;

import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resource.StringResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migration that has landed is never edited (ADR 0015): {@code landed-migrations.txt} holds
 * the Flyway checksum of every migration, and this test fails when a listed file changed or a
 * file is not listed. A new migration gets its line when it is written.
 */
class LandedMigrationsTest {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final Path LIST = Path.of("src/test/resources/landed-migrations.txt");
    static final Path FIRST_LANDED = Path.of("src/test/resources/db/first-landed");

    /** Flyway's own checksum: CRC32 over the lines, so line endings of a checkout do not matter. */
    static int checksum(Path file) throws IOException {
        return ChecksumCalculator.calculate(new StringResource(Files.readString(file, StandardCharsets.UTF_8)));
    }

    static Map<String, Integer> listed() throws IOException {
        Map<String, Integer> listed = new LinkedHashMap<>();
        for (String line : Files.readAllLines(LIST)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            listed.put(parts[1], Integer.parseInt(parts[0]));
        }
        return listed;
    }

    static Map<String, Integer> present() throws IOException {
        Map<String, Integer> present = new TreeMap<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".sql")).toList()) {
                present.put(file.getFileName().toString(), checksum(file));
            }
        }
        return present;
    }

    @Test
    void noLandedMigrationIsEditedAndEveryMigrationIsListed() throws IOException {
        Map<String, Integer> listed = listed();
        Map<String, Integer> present = present();
        List<String> problems = new ArrayList<>();
        listed.forEach((file, sum) -> {
            if (!present.containsKey(file)) {
                problems.add("listed but missing (a landed migration is never removed or renamed): " + file);
            } else if (!present.get(file).equals(sum)) {
                problems.add("changed after landing: " + file + " (listed " + sum + ", now " + present.get(file)
                        + "); undo the edit and write a new migration instead");
            }
        });
        present.forEach((file, sum) -> {
            if (!listed.containsKey(file)) {
                problems.add("not listed, add this line to " + LIST + ":  " + sum + " " + file);
            }
        });
        assertThat(problems).as("landed migrations").isEmpty();
    }

    @Test
    void knownEditsMapTheFirstLandedChecksumToTheCurrentOne() throws IOException {
        for (EditedMigrations.Edited edited : EditedMigrations.EDITED) {
            Path first = only(FIRST_LANDED, edited.version());
            Path current = only(MIGRATIONS, edited.version());
            assertThat(checksum(first)).as("first landed V" + edited.version()).isEqualTo(edited.landed());
            assertThat(checksum(current)).as("current V" + edited.version()).isEqualTo(edited.current());
        }
    }

    @Test
    void anEditIsCaughtEvenWhenOnlyACommentChanges() throws IOException {
        Path file = only(MIGRATIONS, "1");
        String text = Files.readString(file);
        assertThat(ChecksumCalculator.calculate(new StringResource(text + "\n-- a later remark")))
                .isNotEqualTo(listed().get(file.getFileName().toString()));
    }

    static Path only(Path dir, String version) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().startsWith("V" + version + "__")).toList();
            assertThat(found).as("V" + version + " in " + dir).hasSize(1);
            return found.get(0);
        }
    }
}
