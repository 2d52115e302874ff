package nl.meedenken.openbook.internal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The figures import reads files as spreadsheets save them, and refuses what it cannot read for certain. */
@SpringBootTest
class FiguresImportTest {

    static final Locale DUTCH = Locale.forLanguageTag("nl");
    static final String HEADER = "month;site;revenue;personnel;fuel;vehicles;buildings;subcontracting;ict;other;explanation\n";

    @Autowired
    FiguresImport figuresImport;
    @Autowired
    Months months;
    @Autowired
    JdbcClient jdbc;

    String siteName;
    long site;

    @BeforeEach
    void ownSite() {
        siteName = "Importsite " + System.nanoTime();
        site = jdbc.sql("insert into site (name) values (:n) returning id").param("n", siteName).query(Long.class).single();
    }

    private String line(String month, String revenue, String explanation) {
        return month + ";" + siteName + ";" + revenue + ";176.000;74.000;49.000;24.500;45.000;12.500;16.000;" + explanation + "\n";
    }

    private List<MonthFigures> mine() {
        return months.all().stream().filter(m -> m.siteId() != null && m.siteId() == site).toList();
    }

    private FiguresImport.Outcome run(String text, Charset charset) {
        return figuresImport.run(text.getBytes(charset), DUTCH, "FiguresImportTest");
    }

    @Test
    void storesDutchThousandsAsTheyAreMeant() {
        var outcome = run(HEADER + line("2099-01", "412.000", "Goed") + line("2099-02", "€ 1.234.567,89", ""),
                StandardCharsets.UTF_8);
        assertThat(outcome.problems()).isEmpty();
        assertThat(mine()).extracting(m -> m.revenue().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("412000", "1234567.89");
        assertThat(mine().get(0).costs().get(CostCategory.BUILDINGS)).isEqualByComparingTo("24500");
    }

    @Test
    void readsEnglishAmountsForAnUploaderWhoReadsEnglish() {
        String english = HEADER.replace(';', ',') + "2099-03," + siteName + ",\"412,000\",1,1,1,1,1,1,\"1,000.50\",\n";
        assertThat(figuresImport.run(english.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH, "test").problems()).isEmpty();
        assertThat(mine().get(0).revenue()).isEqualByComparingTo("412000");
        assertThat(mine().get(0).costs().get(CostCategory.OTHER)).isEqualByComparingTo("1000.50");
    }

    @Test
    void refusesAnAmountThatIsAmbiguousOrRoundsToZero() {
        var outcome = run(HEADER + line("2099-04", "412,000", "") + line("2099-05", "0,004", ""), StandardCharsets.UTF_8);
        assertThat(outcome.problems()).extracting(FiguresImport.LineProblem::line, FiguresImport.LineProblem::messageKey)
                .containsExactly(tuple(2, "input.number.ambiguous"), tuple(3, "input.number.roundsToZero"));
        assertThat(mine()).isEmpty();
    }

    @Test
    void keepsTheLettersOfLatin1Utf8WithAMarkAndUtf16() {
        String file = HEADER + line("2099-06", "412000", "Nieuwe koffie in de kantine: café crème voor iedereen");
        for (byte[] bytes : List.of(file.getBytes(StandardCharsets.ISO_8859_1),
                ("\uFEFF" + file).getBytes(StandardCharsets.UTF_8), file.getBytes(StandardCharsets.UTF_16))) {
            var outcome = figuresImport.run(bytes, DUTCH, "test");
            assertThat(outcome.problems()).isEmpty();
            assertThat(mine()).singleElement().extracting(MonthFigures::explanation)
                    .isEqualTo("Nieuwe koffie in de kantine: café crème voor iedereen");
            jdbc.sql("delete from openbook_cost where month_id in (select id from openbook_month where site_id = :s)")
                    .param("s", site).update();
            jdbc.sql("delete from openbook_month where site_id = :s").param("s", site).update();
        }
    }

    @Test
    void refusesDuplicateAndUnknownColumnsAndUnclosedQuotes() {
        var columns = run("month;month;revenue;personnel;fuel;vehicles;buildings;subcontracting;ict;other;snacks\n"
                + "2099-07;2099-07;1;1;1;1;1;1;1;1;1\n", StandardCharsets.UTF_8);
        assertThat(columns.problems()).extracting(FiguresImport.LineProblem::line, FiguresImport.LineProblem::messageKey)
                .containsExactly(tuple(1, "input.csv.duplicateColumn"), tuple(1, "input.csv.unknownColumn"));
        var quotes = run(HEADER + line("2099-07", "412000", "\"Goed") + line("2099-08", "412000", ""), StandardCharsets.UTF_8);
        assertThat(quotes.problems()).extracting(FiguresImport.LineProblem::line, FiguresImport.LineProblem::messageKey)
                .containsExactly(tuple(2, "input.csv.unbalancedQuote"));
        assertThat(mine()).isEmpty();
    }

    @Test
    void refusesAYearOutsideTheSaneRange() {
        var outcome = run(HEADER + line("1899-07", "412000", "") + line("2400-01", "412000", "")
                + line("20260-01", "412000", ""), StandardCharsets.UTF_8);
        assertThat(outcome.problems()).extracting(FiguresImport.LineProblem::line, FiguresImport.LineProblem::messageKey)
                .containsExactly(tuple(2, "input.csv.yearOutOfRange"), tuple(3, "input.csv.yearOutOfRange"),
                        tuple(4, "openbook.import.badMonth"));
    }

    @Test
    void refusesMoreMonthsThanTheRowCap() {
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 0; i <= FiguresImport.MAX_ROWS; i++) {
            file.append(line(String.format("%d-%02d", 2000 + i / 12 % 100, 1 + i % 12), "1", ""));
        }
        var outcome = run(file.toString(), StandardCharsets.UTF_8);
        assertThat(outcome.problems()).extracting(FiguresImport.LineProblem::messageKey).contains("input.csv.tooManyRows");
        assertThat(outcome.imported()).isZero();
        assertThat(mine()).isEmpty();
    }
}
