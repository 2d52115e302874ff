package nl.meedenken.ideas.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What an adopted idea is expected to bring and what it brought: money a year, hours a week, CO₂, safety. */
public record Impact(BigDecimal expectedEuros, BigDecimal expectedHours, BigDecimal expectedCo2Kg, String expectedSafety,
                     BigDecimal realisedEuros, BigDecimal realisedHours, BigDecimal realisedCo2Kg, String realisedSafety,
                     LocalDate adoptedOn) {
}
