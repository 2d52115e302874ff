package nl.meedenken.platform;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

    @Test
    void takesTheSeparatorFromTheHeader() {
        assertThat(Csv.read("a;b;c\n1;2,5;3")).containsExactly(List.of("a", "b", "c"), List.of("1", "2,5", "3"));
        assertThat(Csv.read("a,b\n1,2")).containsExactly(List.of("a", "b"), List.of("1", "2"));
    }

    @Test
    void readsQuotedFieldsWithSeparatorsAndDoubledQuotes() {
        assertThat(Csv.read("a,b\n\"x, y\",\"say \"\"hi\"\"\"").get(1)).containsExactly("x, y", "say \"hi\"");
    }

    @Test
    void ignoresAByteOrderMarkAndWindowsLineEndsAndKeepsBlankLinesAsEmpty() {
        var rows = Csv.read("\uFEFFa,b\r\n1,2\r\n\r\n3,4\r\n\r\n");
        assertThat(rows).containsExactly(List.of("a", "b"), List.of("1", "2"), List.of(), List.of("3", "4"));
    }
}
