package nl.meedenken.scan.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ParticipationSecretTest {

    @TempDir
    Path folder;

    @Test
    void theSameSecretGivesTheSameRecordAndAnotherSecretAnotherOne() {
        var one = new ParticipationSecret("first secret", "unused");
        var again = new ParticipationSecret("first secret", "unused");
        var other = new ParticipationSecret("second secret", "unused");
        assertThat(one.participant(7, 3)).isEqualTo(again.participant(7, 3))
                .isNotEqualTo(other.participant(7, 3))
                .isNotEqualTo(one.participant(7, 4))
                .isNotEqualTo(one.participant(8, 3));
    }

    @Test
    void withoutAConfiguredSecretOneIsMadeOnceAndKeptInAFile() throws Exception {
        Path file = folder.resolve("data/scan-secret");
        var first = new ParticipationSecret("", file.toString());
        assertThat(Files.readString(file)).isNotBlank();
        var afterRestart = new ParticipationSecret(null, file.toString());
        assertThat(afterRestart.participant(1, 1)).isEqualTo(first.participant(1, 1));
    }
}
