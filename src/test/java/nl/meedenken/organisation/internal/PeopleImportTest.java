package nl.meedenken.organisation.internal;

import nl.meedenken.TestPeople;
import nl.meedenken.platform.Language;
import nl.meedenken.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@SpringBootTest
class PeopleImportTest {

    @Autowired
    PeopleImport peopleImport;
    @Autowired
    PersonStore store;

    @Test
    void importsEveryoneFromASemicolonFileWithQuotes() {
        String a = TestPeople.uniqueNumber();
        String b = TestPeople.uniqueNumber();
        String csv = "employee_number;name;email;phone;language;team;site;roles\n"
                + a + ";\"Vries, Anna de\";anna." + a + "@example.org;06 1234 5678;nl;Planning;Zwolle;PLANNER|TEAM_LEAD\n"
                + b + ";Adam Nowicki;;;pl;Chauffeurs Venlo;Venlo;DRIVER\n";
        var outcome = peopleImport.run(csv, "test");
        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.imported()).isEqualTo(2);
        Person anna = store.find(store.idByEmployeeNumber(a).orElseThrow()).orElseThrow();
        assertThat(anna.name()).isEqualTo("Vries, Anna de");
        assertThat(anna.roles()).contains(Role.PLANNER, Role.TEAM_LEAD);
        assertThat(anna.teamName()).isEqualTo("Planning");
        Person adam = store.find(store.idByEmployeeNumber(b).orElseThrow()).orElseThrow();
        assertThat(adam.language()).isEqualTo(Language.PL);
        assertThat(adam.siteName()).isEqualTo("Venlo");
    }

    @Test
    void oneBadLineImportsNobodyAndEveryProblemNamesItsLine() {
        String good = TestPeople.uniqueNumber();
        String csv = "employee_number,name,language,team,roles\n"
                + good + ",Goed Persoon,nl,Planning,PLANNER\n"
                + ",Zonder Nummer,nl,,\n"
                + "2001,Dubbel Nummer,nl,,\n"
                + TestPeople.uniqueNumber() + ",Onbekend Team,xx,Ruimtevaart,PILOT\n";
        var outcome = peopleImport.run(csv, "test");
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.imported()).isZero();
        assertThat(outcome.problems()).extracting(PeopleImport.LineProblem::line, PeopleImport.LineProblem::messageKey)
                .containsExactlyInAnyOrder(
                        tuple(3, "validation.required"),
                        tuple(4, "person.error.employeeNumberTaken"),
                        tuple(5, "import.error.unknownLanguage"),
                        tuple(5, "import.error.unknownTeam"),
                        tuple(5, "import.error.unknownRole"));
        assertThat(store.idByEmployeeNumber(good)).isEmpty();
    }

    @Test
    void sameEmployeeNumberTwiceInOneFileIsCaught() {
        String n = TestPeople.uniqueNumber();
        var outcome = peopleImport.run("employee_number,name\n" + n + ",Een\n" + n + ",Twee\n", "test");
        assertThat(outcome.problems()).extracting(PeopleImport.LineProblem::line).containsExactly(3);
        assertThat(store.idByEmployeeNumber(n)).isEmpty();
    }

    @Test
    void unknownOrMissingColumnsAreReportedOnTheHeaderLine() {
        var outcome = peopleImport.run("nummer,name\n1,A\n", "test");
        assertThat(outcome.problems()).extracting(PeopleImport.LineProblem::line, PeopleImport.LineProblem::messageKey)
                .containsExactlyInAnyOrder(tuple(1, "import.error.unknownColumn"),
                        tuple(1, "import.error.missingColumn"));
    }

    @Test
    void anEmptyFileOrOnlyAHeaderIsExplained() {
        assertThat(peopleImport.run("", "test").problems()).extracting(PeopleImport.LineProblem::messageKey)
                .containsExactly("import.error.empty");
        assertThat(peopleImport.run("employee_number,name\n", "test").problems())
                .extracting(PeopleImport.LineProblem::messageKey).containsExactly("import.error.noPeople");
    }

    @Test
    void keepsTheLettersOfLatin1AndUtf16Files() {
        for (java.nio.charset.Charset charset : java.util.List.of(java.nio.charset.StandardCharsets.ISO_8859_1,
                java.nio.charset.StandardCharsets.UTF_16LE, java.nio.charset.StandardCharsets.UTF_16)) {
            String n = TestPeople.uniqueNumber();
            var outcome = peopleImport.run(("employee_number;name\n" + n + ";José Müller-Françoise\n").getBytes(charset), "test");
            assertThat(outcome.problems()).as(charset.name()).isEmpty();
            assertThat(store.find(store.idByEmployeeNumber(n).orElseThrow()).orElseThrow().name())
                    .isEqualTo("José Müller-Françoise");
        }
    }

    @Test
    void refusesDuplicateColumnsUnclosedQuotesAndMoreLinesThanTheCap() {
        String n = TestPeople.uniqueNumber();
        assertThat(peopleImport.run("employee_number;name;Name\n" + n + ";A;B\n", "test").problems())
                .extracting(PeopleImport.LineProblem::line, PeopleImport.LineProblem::messageKey)
                .containsExactly(tuple(1, "input.csv.duplicateColumn"));
        assertThat(peopleImport.run("employee_number;name\n" + n + ";\"Open\n", "test").problems())
                .extracting(PeopleImport.LineProblem::line, PeopleImport.LineProblem::messageKey)
                .containsExactly(tuple(2, "input.csv.unbalancedQuote"));
        StringBuilder many = new StringBuilder("employee_number;name\n");
        for (int i = 0; i <= PeopleImport.MAX_LINES; i++) {
            many.append(n).append('-').append(i).append(";Iemand\n");
        }
        assertThat(peopleImport.run(many.toString(), "test").problems()).extracting(PeopleImport.LineProblem::messageKey)
                .containsExactly("import.error.tooManyLines");
        assertThat(store.idByEmployeeNumber(n + "-0")).isEmpty();
    }
}
