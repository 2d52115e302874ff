package nl.meedenken.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every time a reader sees goes through {@link Times} ({@code #times} in templates): fails on a
 * template that formats with Thymeleaf's own {@code #temporals}, {@code #dates} or
 * {@code #calendars}, picks a zone itself, or prints a moment without formatting it; and on Java
 * code that builds its own display pattern.
 */
class TimesGuardTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path JAVA = Path.of("src/main/java");

    /** Formatting that bypasses the reader's zone. */
    static final Pattern FORBIDDEN_IN_TEMPLATES = Pattern.compile(
            "#temporals\\.|#dates\\.|#calendars\\.|\\.atZone\\(|T\\(java\\.time\\.Zone|ZoneId|ZoneOffset");
    /** A moment printed as it is: {@code ${x.createdAt}} alone in a text, or {@code +} a moment. */
    static final Pattern RAW_MOMENT = Pattern.compile(
            "th:u?text=\"\\$\\{[\\w.]+(?:At|Until|Time)\\}\"");

    @Test
    void templatesFormatTimesOnlyThroughTimes() throws IOException {
        assertThat(offences(TEMPLATES, ".html", FORBIDDEN_IN_TEMPLATES)).isEmpty();
    }

    @Test
    void templatesNeverPrintAMomentUnformatted() throws IOException {
        assertThat(offences(TEMPLATES, ".html", RAW_MOMENT)).isEmpty();
    }

    @Test
    void javaCodeBuildsNoDisplayPatternOfItsOwn() throws IOException {
        List<String> found = offences(JAVA, ".java", Pattern.compile("DateTimeFormatter\\.ofPattern|DateTimeFormatter\\.ofLocalized"));
        found.removeIf(line -> line.startsWith(JAVA.resolve("nl/meedenken/platform/Times.java").toString()));
        assertThat(found).isEmpty();
    }

    @Test
    void theGuardRecognisesWhatItForbids() {
        assertThat(FORBIDDEN_IN_TEMPLATES.matcher("${#temporals.format(n.createdAt, 'HH:mm')}").find()).isTrue();
        assertThat(FORBIDDEN_IN_TEMPLATES.matcher("${#times.format(x.atZone(T(java.time.ZoneId).of('UTC')), 'H')}").find()).isTrue();
        assertThat(FORBIDDEN_IN_TEMPLATES.matcher("${#times.dateTime(n.createdAt)}").find()).isFalse();
        assertThat(RAW_MOMENT.matcher("<td th:text=\"${e.occurredAt}\"></td>").find()).isTrue();
        assertThat(RAW_MOMENT.matcher("<td th:text=\"${#times.time(e.occurredAt)}\"></td>").find()).isFalse();
    }

    private static List<String> offences(Path root, String suffix, Pattern pattern) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (pattern.matcher(lines.get(i)).find()) {
                        found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        return found;
    }
}
