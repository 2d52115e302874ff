package nl.meedenken.organisation.internal;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OneTimeCodesTest {

    @Test
    void codesCarryAtLeast64RandomBits() {
        double bits = OneTimeCodes.LENGTH * Math.log(OneTimeCodes.ALPHABET.length()) / Math.log(2);
        assertThat(bits).isGreaterThanOrEqualTo(64);
    }

    @Test
    void codesAvoidLookAlikeCharactersAndAreGroupedForReading() {
        for (int i = 0; i < 200; i++) {
            assertThat(OneTimeCodes.generate()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{5}").doesNotContain("0", "O", "1", "I", "L");
        }
    }

    @Test
    void codesDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(OneTimeCodes.generate())).isTrue();
        }
    }

    @Test
    void typingVariationsGiveTheSameHash() {
        assertThat(OneTimeCodes.hash("abcd efgh-jkmnp")).isEqualTo(OneTimeCodes.hash("ABCD-EFGH-JKMNP"));
        assertThat(OneTimeCodes.hash("ABCD-EFGH-JKMNP")).hasSize(64).isNotEqualTo(OneTimeCodes.hash("ABCD-EFGH-JKMNQ"));
    }
}
