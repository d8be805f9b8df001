package org.haochaping.system;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as officials read them, the same on every screen and in every report: counts with
 * thousands separators ({@code 12,345}), percentages with one decimal ({@code 70.4%}), and amounts
 * in a goal's unit ({@code 9,400 户}, {@code 90%}). Pure; one place, so a card and a detail page can
 * never show one figure two ways.
 */
public final class Figures {

    /** Progress figures carry at most four decimals (see the campaign's progress bounds). */
    private static final int MAX_AMOUNT_DECIMALS = 4;
    private static final String PERCENT_UNIT = "%";
    private static final String NO_FIGURE = "—";

    private Figures() {
    }

    /** {@code 12345} as {@code 12,345}. */
    public static String count(long count) {
        return format(BigDecimal.valueOf(count), 0);
    }

    /** A percentage, 0-100, with one decimal rounded half up: {@code 70.35} as {@code 70.4%}; no number as "—". */
    public static String percent(double percent) {
        return Double.isFinite(percent) ? oneDecimal(percent) + PERCENT_UNIT : NO_FIGURE;
    }

    /** A figure with one decimal rounded half up: {@code 2.05} as {@code 2.1}, {@code 1234.5} as {@code 1,234.5}; no number as "—". */
    public static String oneDecimal(double value) {
        if (!Double.isFinite(value)) {
            return NO_FIGURE;
        }
        return format(BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP), 1);
    }

    /** A 95% interval or any range of percentages: {@code 62.1% – 78.0%}. */
    public static String percentRange(double low, double high) {
        return percent(low) + " – " + percent(high);
    }

    /** A figure in its own unit, without trailing zeros: {@code 9,400 户}, {@code 12.5 亩}, {@code 90%}. */
    public static String amount(BigDecimal value, String unit) {
        int decimals = Math.clamp(value.scale(), 0, MAX_AMOUNT_DECIMALS);
        String number = format(value.setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros(), 0);
        return PERCENT_UNIT.equals(unit) ? number + unit : number + " " + unit;
    }

    private static String format(BigDecimal value, int minimumDecimals) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(minimumDecimals);
        format.setMaximumFractionDigits(Math.max(minimumDecimals, Math.max(value.scale(), 0)));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
