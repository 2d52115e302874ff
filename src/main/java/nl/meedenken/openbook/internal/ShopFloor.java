package nl.meedenken.openbook.internal;

import java.time.YearMonth;

/** The month's figures from the shop floor: on time, fuel use and damage reports. */
public record ShopFloor(YearMonth month, Double onTimePct, Double fuelPer100Km, Integer damages, String source) {
}
