package nl.meedenken.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * House rules that keep numbers and files read one way (ADR 0016): decimals typed or imported
 * are read with {@link Numbers}, uploaded CSV files with {@link Csv#read(byte[], Csv.Layout)}.
 */
class NumberInputRulesTest {

    static final JavaClasses PRODUCT = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.meedenken");

    @Test
    void decimalsFromTextAreReadOnlyByTheSharedNumberReader() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("nl.meedenken.platform")
                .and().haveSimpleNameNotEndingWith("Demo")
                .should().callConstructor(java.math.BigDecimal.class, String.class)
                .orShould().callMethod(Double.class, "valueOf", String.class)
                .orShould().callMethod(Double.class, "parseDouble", String.class)
                .orShould().callMethod(Float.class, "parseFloat", String.class)
                .because("a number typed or imported is read with nl.meedenken.platform.Numbers in the reader's language");
        rule.check(PRODUCT);
    }

    /**
     * A field people type a number into ({@code type="number"}, {@code inputmode="numeric"} or
     * {@code "decimal"}) is read in the reader's notation ({@code 1.000} in Dutch), never with
     * {@code Long.valueOf}, which refuses what people write, nor bound straight to an {@code int}.
     */
    @Test
    void typedNumberFieldsAreReadInTheReadersNotation() throws java.io.IOException {
        java.util.Set<String> fields = new java.util.TreeSet<>();
        java.util.regex.Pattern input = java.util.regex.Pattern.compile("<input\\b[^>]*>", java.util.regex.Pattern.DOTALL);
        java.util.regex.Pattern typed = java.util.regex.Pattern.compile("type=\"number\"|inputmode=\"(numeric|decimal)\"");
        java.util.regex.Pattern name = java.util.regex.Pattern.compile("(?<![\\w:-])name=\"(\\w+)\"|th:name=\"'(\\w+)'");
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/resources/templates"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                var m = input.matcher(java.nio.file.Files.readString(file));
                while (m.find()) {
                    if (typed.matcher(m.group()).find()) {
                        var n = name.matcher(m.group());
                        if (n.find()) {
                            fields.add(n.group(1) != null ? n.group(1) : n.group(2));
                        }
                    }
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(fields).as("typed number fields found in the templates")
                .contains("everyWeeks", "retentionDays", "weight", "count", "capacityPallets");
        java.util.List<String> problems = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (var file : files.filter(f -> f.toString().endsWith("Controller.java")).toList()) {
                String code = java.nio.file.Files.readString(file);
                for (String field : fields) {
                    String read = "form.get(\"" + field;
                    for (String wrong : java.util.List.of("FormValues.number(" + read, "Long.valueOf(" + read,
                            "Integer.valueOf(" + read, "Integer.parseInt(" + read, "Long.parseLong(" + read)) {
                        if (code.contains(wrong)) {
                            problems.add(file.getFileName() + ": " + wrong);
                        }
                    }
                    if (java.util.regex.Pattern.compile("@RequestParam\\((name = )?\"" + field + "\"[^)]*\\)\\s+(int|long|Integer|Long) ")
                            .matcher(code).find()) {
                        problems.add(file.getFileName() + ": " + field + " bound straight to a number");
                    }
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(problems)
                .as("read typed numbers with FormValues.count/decimal or Numbers, in the request's locale").isEmpty();
    }

    @Test
    void uploadedFilesAreReadOnlyWithEncodingDetectionAndHeaderChecks() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("nl.meedenken.platform")
                .should().callMethod(Csv.class, "read", String.class)
                .because("imports read uploaded bytes with Csv.read(byte[], Layout): encoding, columns, quotes and row cap");
        rule.check(PRODUCT);
    }
}
