package org.haochaping.report.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.haochaping.report.document.ColumnType;
import org.haochaping.system.Figures;
import org.jspecify.annotations.Nullable;

/**
 * A typed cell as text, in the two spellings the text formats need: {@link #plain} for files that programs
 * read back (CSV: no thousands separators, ISO dates) and {@link #readable} for people (PDF: {@code 12,345},
 * {@code 70.4%} via {@link Figures}, the same as every screen). A value of an unexpected Java type is shown as
 * its {@code toString()} rather than failing a whole export.
 */
final class CellText {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int PLAIN_PERCENT_DECIMALS = 2;

    private CellText() {
    }

    /** {@code 70.4%}, {@code 12345}, {@code -2.1}, {@code 2026-10-31}, {@code 2026-10-31 14:05}; null as "". */
    static String plain(ColumnType type, @Nullable Object value) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case PERCENT -> value instanceof Number n
                    ? decimal(n).setScale(PLAIN_PERCENT_DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%"
                    : value.toString();
            case COUNT -> value instanceof Number n ? Long.toString(n.longValue()) : value.toString();
            case DECIMAL -> value instanceof Number n ? decimal(n).toPlainString() : value.toString();
            case DATE, DATE_TIME, TEXT -> temporalOrText(value);
        };
    }

    /** {@code 70.4%}, {@code 12,345}, {@code -2.1}, {@code 2026-10-31}, {@code 2026-10-31 14:05}; null as "". */
    static String readable(ColumnType type, @Nullable Object value) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case PERCENT -> value instanceof Number n ? Figures.percent(n.doubleValue()) : value.toString();
            case COUNT -> value instanceof Number n ? Figures.count(n.longValue()) : value.toString();
            case DECIMAL -> value instanceof Number n ? Figures.amount(decimal(n), "").strip() : value.toString();
            case DATE, DATE_TIME, TEXT -> temporalOrText(value);
        };
    }

    /** Whether the column's cells are numbers, which tables align right. */
    static boolean isNumeric(ColumnType type) {
        return type == ColumnType.COUNT || type == ColumnType.PERCENT || type == ColumnType.DECIMAL;
    }

    private static String temporalOrText(Object value) {
        return switch (value) {
            case LocalDateTime dateTime -> DATE_TIME.format(dateTime);
            case LocalDate date -> date.toString();
            default -> value.toString();
        };
    }

    private static BigDecimal decimal(Number number) {
        return switch (number) {
            case BigDecimal big -> big;
            case Long _, Integer _ -> BigDecimal.valueOf(number.longValue());
            default -> BigDecimal.valueOf(number.doubleValue());
        };
    }
}
