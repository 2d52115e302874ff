package nl.meedenken.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * How figures are rounded wherever they are shown: page, chart, CSV or PDF. A value is rounded half up to the
 * decimals shown, and a value that rounds to zero is zero (never ‘-0,0’). A change between two shown values
 * is the difference of the rounded values, so ‘4,0 → 4,1’ says ‘+0,1’ and ‘4,0 → 4,0’ says no change.
 */
public final class Rounding {

    private Rounding() {
    }

    /** The value as shown with {@code decimals} decimals; null stays null. */
    public static BigDecimal shown(Double value, int decimals) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return null;
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
        return rounded.signum() == 0 ? rounded.abs() : rounded;
    }

    /** The change from {@code before} to {@code now} as shown with one decimal, or null when either is missing. */
    public static Double change(Double before, Double now) {
        BigDecimal a = shown(before, 1);
        BigDecimal b = shown(now, 1);
        return a == null || b == null ? null : b.subtract(a).doubleValue();
    }

    /** The value in the reader's notation with exactly {@code decimals} decimals, or a dash when there is none. */
    public static String format(Double value, int decimals, Locale locale) {
        BigDecimal rounded = shown(value, decimals);
        if (rounded == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(rounded);
    }

    /** A share (0.62) as a whole percentage: ‘62%’; half up, like every other figure. */
    public static String percent(Double fraction, Locale locale) {
        if (fraction == null || fraction.isNaN() || fraction.isInfinite()) {
            return "–";
        }
        return format(fraction * 100, 0, locale) + "%";
    }

    /** A change as shown: ‘+0,1’, ‘-0,3’, or ‘0,0’ when it rounds to nothing. */
    public static String signed(Double change, Locale locale) {
        BigDecimal rounded = shown(change, 1);
        if (rounded == null) {
            return "–";
        }
        String text = format(rounded.doubleValue(), 1, locale);
        return rounded.signum() > 0 ? "+" + text : text;
    }
}
