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

    @Test
    void uploadedFilesAreReadOnlyWithEncodingDetectionAndHeaderChecks() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("nl.meedenken.platform")
                .should().callMethod(Csv.class, "read", String.class)
                .because("imports read uploaded bytes with Csv.read(byte[], Layout): encoding, columns, quotes and row cap");
        rule.check(PRODUCT);
    }
}
