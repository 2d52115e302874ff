package nl.meedenken.platform;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The shared reader of uploaded CSV files: encodings, quotes, columns, line numbers and the row cap. */
class CsvReaderTest {

    static final Csv.Layout LAYOUT = new Csv.Layout(List.of("name", "amount"), List.of("remark"), 5);

    private static Csv.Table read(byte[] file) {
        return Csv.read(file, LAYOUT);
    }

    private static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }

    private static byte[] withMark(byte[] mark, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(mark);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static List<String> keys(Csv.Table table) {
        return table.problems().stream().map(Csv.Problem::messageKey).toList();
    }

    static final String CAFE = "name;amount\ncafé;1\nCrème brûlée € 5;2\n";

    @Example
    void readsLatin1AndWindows1252WithoutLosingLetters() {
        for (Charset charset : List.of(StandardCharsets.ISO_8859_1, Charset.forName("windows-1252"))) {
            String text = charset == StandardCharsets.ISO_8859_1 ? CAFE.replace("€", "EUR") : CAFE;
            Csv.Table table = read(bytes(text, charset));
            assertThat(table.problems()).isEmpty();
            assertThat(table.rows().get(0).get("name")).isEqualTo("café");
            assertThat(table.rows().get(1).get("name")).startsWith("Crème brûlée");
            assertThat(table.encoding()).isEqualTo("Windows-1252");
        }
        assertThat(read(bytes(CAFE, Charset.forName("windows-1252"))).rows().get(1).get("name"))
                .isEqualTo("Crème brûlée € 5");
    }

    @Example
    void readsUtf8WithAndWithoutAByteOrderMark() {
        assertThat(read(bytes(CAFE, StandardCharsets.UTF_8)).rows().get(0).get("name")).isEqualTo("café");
        Csv.Table marked = read(withMark(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(CAFE, StandardCharsets.UTF_8)));
        assertThat(marked.header()).containsExactly("name", "amount");
        assertThat(marked.rows().get(0).get("name")).isEqualTo("café");
    }

    @Example
    void readsUtf16InBothByteOrdersWithAndWithoutAMark() {
        for (byte[] file : List.of(bytes(CAFE, StandardCharsets.UTF_16LE), bytes(CAFE, StandardCharsets.UTF_16BE),
                bytes(CAFE, StandardCharsets.UTF_16),
                withMark(new byte[]{(byte) 0xFF, (byte) 0xFE}, bytes(CAFE, StandardCharsets.UTF_16LE)))) {
            Csv.Table table = read(file);
            assertThat(table.problems()).isEmpty();
            assertThat(table.rows()).extracting(r -> r.get("name")).containsExactly("café", "Crème brûlée € 5");
        }
    }

    @Example
    void readsUtf16WithoutAMarkAlsoWithLettersWhoseLowByteIsZero() {
        String text = "name;amount\nĀdam 一;1\nBea;2\nCas;3\n";
        assertThat(read(bytes(text, StandardCharsets.UTF_16LE)).rows().get(0).get("name")).isEqualTo("Ādam 一");
        assertThat(read(bytes(text, StandardCharsets.UTF_16BE)).rows().get(0).get("name")).isEqualTo("Ādam 一");
    }

    @Example
    void refusesWhatItCannotReadWithTheReason() {
        byte[] mixed = withMark(bytes("name;amount\ncafé;1\n", StandardCharsets.UTF_8), bytes("thé;2\n", StandardCharsets.ISO_8859_1));
        assertThat(keys(read(mixed))).containsExactly("input.csv.mixedEncoding");
        assertThat(keys(read(new byte[]{0x50, 0x4B, 0x03, 0x04, 1, 2, 3}))).containsExactly("input.csv.notText");
        assertThat(keys(read(withMark(new byte[]{(byte) 0xFF, (byte) 0xFE, 0, 0}, bytes("a", Charset.forName("UTF-32LE"))))))
                .containsExactly("input.csv.utf32");
        assertThat(keys(read(bytes("name;amount\nx\u0001;1\n", StandardCharsets.UTF_8)))).containsExactly("input.csv.notText");
        // 0x81 means nothing in Windows-1252
        assertThat(keys(read(new byte[]{'n', 'a', 'm', 'e', '\n', 'x', (byte) 0x81, '\n'}))).containsExactly("input.csv.encoding");
        assertThat(keys(read(new byte[0]))).containsExactly("input.csv.empty");
        assertThat(keys(read(bytes("\n\n  \n", StandardCharsets.UTF_8)))).containsExactly("input.csv.empty");
    }

    @Example
    void refusesDuplicateUnknownUnnamedAndMissingColumnsOnTheHeaderLine() {
        Csv.Table table = read(bytes("Name;name;colour;;remark\nx;y;z;1;2\n", StandardCharsets.UTF_8));
        assertThat(table.problems()).extracting(Csv.Problem::line, Csv.Problem::messageKey).containsExactly(
                tuple(1, "input.csv.duplicateColumn"), tuple(1, "input.csv.unknownColumn"),
                tuple(1, "input.csv.emptyColumn"), tuple(1, "input.csv.missingColumn"));
        assertThat(table.problems().get(1).arguments()).containsExactly("colour", "name, amount, remark");
    }

    @Example
    void acceptsOneSeparatorAtTheEndOfTheHeader() {
        assertThat(read(bytes("name;amount;\nx;1;\n", StandardCharsets.UTF_8)).problems()).isEmpty();
    }

    @Example
    void anUnclosedQuoteIsRefusedOnTheLineWhereItOpens() {
        Csv.Table table = read(bytes("name;amount\nok;1\n\"not closed;2\nnext;3\n", StandardCharsets.UTF_8));
        assertThat(table.problems()).extracting(Csv.Problem::line, Csv.Problem::messageKey)
                .containsExactly(tuple(3, "input.csv.unbalancedQuote"));
        Csv.Table trailing = read(bytes("name;amount\n\"quoted\" and more;1\n", StandardCharsets.UTF_8));
        assertThat(trailing.problems()).extracting(Csv.Problem::line, Csv.Problem::messageKey)
                .containsExactly(tuple(2, "input.csv.unbalancedQuote"));
    }

    @Example
    void lineNumbersAreThoseOfTheFileAlsoAfterAValueOverTwoLines() {
        Csv.Table table = read(bytes("name;amount;remark\n\"two\nlines\";1;x\n\nthird;2;\"a;b\"\n", StandardCharsets.UTF_8));
        assertThat(table.rows()).extracting(Csv.Row::line, r -> r.get("name"), r -> r.get("remark"))
                .containsExactly(tuple(2, "two\nlines", "x"), tuple(5, "third", "a;b"));
    }

    @Example
    void aLineWithMoreValuesThanColumnsIsRefusedAndAShorterLineIsKept() {
        Csv.Table table = read(bytes("name;amount\nx;1;surplus\ny\n", StandardCharsets.UTF_8));
        assertThat(table.problems()).extracting(Csv.Problem::line, Csv.Problem::messageKey)
                .containsExactly(tuple(2, "input.csv.fieldCount"));
        assertThat(table.rows()).extracting(Csv.Row::line).containsExactly(3);
    }

    @Example
    void refusesMoreLinesThanTheImportTakesNamingTheFirstOneTooMany() {
        StringBuilder text = new StringBuilder("name;amount\n");
        for (int i = 0; i < 6; i++) {
            text.append("n").append(i).append(";1\n\n");
        }
        Csv.Table table = read(bytes(text.toString(), StandardCharsets.UTF_8));
        assertThat(table.problems()).extracting(Csv.Problem::line, Csv.Problem::messageKey)
                .containsExactly(tuple(12, "input.csv.tooManyRows"));
        assertThat(keys(read(bytes("name;amount\n", StandardCharsets.UTF_8)))).containsExactly("input.csv.noRows");
    }

    @Example
    void takesTheSeparatorFromTheHeaderLine() {
        assertThat(Csv.separator("a;b;c\n1,5;2,5;3")).isEqualTo(';');
        assertThat(Csv.separator("a,b\n1;2")).isEqualTo(',');
        assertThat(Csv.separator("a\tb\n1,5\t2")).isEqualTo('\t');
        assertThat(Csv.separator("\"a;b\",c\n")).isEqualTo(',');
    }

    @Provide
    Arbitrary<List<List<String>>> tables() {
        Arbitrary<String> value = Arbitraries.strings().withChars("abcxyz019 éüç€;,\"\n").ofMaxLength(12)
                .map(String::strip).filter(v -> v.isEmpty() || "=+-@".indexOf(v.charAt(0)) < 0);
        return value.list().ofSize(3).list().ofMinSize(1).ofMaxSize(5)
                .filter(rows -> rows.stream().noneMatch(r -> r.stream().allMatch(String::isEmpty)));
    }

    @Provide
    Arbitrary<Charset> encodings() {
        return Arbitraries.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
                StandardCharsets.UTF_16, Charset.forName("windows-1252"));
    }

    @Property(tries = 500)
    void whatTheProductWritesReadsBackTheSameInEveryEncoding(@ForAll("tables") List<List<String>> rows,
                                                             @ForAll("encodings") Charset charset) {
        StringBuilder file = new StringBuilder(Csv.line("name", "amount", "remark")).append("\r\n");
        for (List<String> row : rows) {
            file.append(Csv.line(row.toArray(String[]::new))).append("\r\n");
        }
        Csv.Table table = read(bytes(file.toString(), charset));
        assertThat(table.problems()).isEmpty();
        List<List<String>> back = new ArrayList<>();
        for (Csv.Row row : table.rows()) {
            back.add(List.of(row.text("name"), row.text("amount"), row.text("remark")));
        }
        assertThat(back).isEqualTo(rows);
    }

    @Provide
    Arbitrary<List<java.math.BigDecimal>> amounts() {
        return Arbitraries.longs().between(0, 99_999_999_999_999L).map(c -> java.math.BigDecimal.valueOf(c, 2))
                .list().ofMinSize(1).ofMaxSize(5);
    }

    @Property(tries = 300)
    void amountsAsASpreadsheetWritesThemComeBackAsTheSameValues(@ForAll("amounts") List<java.math.BigDecimal> amounts,
                                                                @ForAll("encodings") Charset charset,
                                                                @ForAll boolean dutch) {
        java.util.Locale locale = dutch ? java.util.Locale.forLanguageTag("nl") : java.util.Locale.ENGLISH;
        StringBuilder file = new StringBuilder("name;amount\n");
        for (java.math.BigDecimal amount : amounts) {
            // Dutch Excel writes semicolons and unquoted amounts; quote only where the separator appears
            String shown = "€ " + Numbers.format(amount, locale);
            file.append("café;").append(shown.contains(";") ? "\"" + shown + "\"" : shown).append('\n');
        }
        Csv.Table table = read(bytes(file.toString(), charset));
        assertThat(table.problems()).isEmpty();
        List<java.math.BigDecimal> back = table.rows().stream()
                .map(r -> Numbers.read(r.get("amount"), locale, Numbers.Rule.amount()).value()).toList();
        assertThat(back).usingElementComparator(java.math.BigDecimal::compareTo).isEqualTo(amounts);
        assertThat(table.rows()).allSatisfy(r -> assertThat(r.get("name")).isEqualTo("café"));
    }
}
