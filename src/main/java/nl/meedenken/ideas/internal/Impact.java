package nl.meedenken.ideas.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What an adopted idea is expected to bring and what it brought: money a year, hours a week, CO₂, safety. */
public record Impact(BigDecimal expectedEuros, BigDecimal expectedHours, BigDecimal expectedCo2Kg, String expectedSafety,
                     BigDecimal realisedEuros, BigDecimal realisedHours, BigDecimal realisedCo2Kg, String realisedSafety,
                     LocalDate adoptedOn) {

    /** Nothing expected or realised has been written down yet. */
    public boolean isEmpty() {
        return expectedEuros == null && expectedHours == null && expectedCo2Kg == null && expectedSafety == null
                && realisedEuros == null && realisedHours == null && realisedCo2Kg == null && realisedSafety == null;
    }
}
