package nl.meedenken.scan.internal;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The questionnaire: dimensions in four groups, each with statements on a five-point
 * scale, suggested actions, and two open questions. Read from a versioned resource file.
 */
public record Instrument(String code, int version, Text title, List<Dimension> dimensions,
                         List<OpenQuestion> open) {

    /** The four groups, in the order they are asked and shown. */
    public enum Group {
        STRUCTURE, CULTURE, PRACTICES, OUTCOMES;

        public String labelKey() {
            return "scan.group." + name();
        }
    }

    /** The four practices that advice is tied to. */
    public enum Practice {
        EXPERIMENT, EVALUATE, CHALLENGES, TRANSPARENCY;

        public String labelKey() {
            return "scan.practice." + name();
        }
    }

    public record Dimension(String code, Group group, Text name, Text description, Text low, Text high,
                            List<Item> items, List<Advice> advice) {
    }

    public record Item(String code, boolean reverse, Text text) {
    }

    public record Advice(Practice practice, Text text) {
    }

    public record OpenQuestion(String code, Text text) {
    }

    public Optional<Dimension> dimension(String dimensionCode) {
        return dimensions.stream().filter(d -> d.code().equals(dimensionCode)).findFirst();
    }

    public List<Dimension> inGroup(Group group) {
        return dimensions.stream().filter(d -> d.group() == group).toList();
    }

    public Stream<Item> items() {
        return dimensions.stream().flatMap(d -> d.items().stream());
    }

    /** The dimension a statement belongs to. */
    public Optional<Dimension> dimensionOf(String itemCode) {
        return dimensions.stream().filter(d -> d.items().stream().anyMatch(i -> i.code().equals(itemCode)))
                .findFirst();
    }
}
