package org.haochaping.report.document;

/**
 * What the cells of a column hold, which decides how each format writes them. A null cell is empty.
 */
public enum ColumnType {
    /** A {@link String}; in CSV neutralised when it starts like a formula. */
    TEXT,
    /** A {@link Long} or {@link Integer}: a count, with thousands separators where the format has them. */
    COUNT,
    /** A {@link Double} between 0 and 100 (70.4 means 70.4%): a percentage cell in XLSX. */
    PERCENT,
    /** A {@link Double} or {@link java.math.BigDecimal}: a plain decimal (a change in percentage points, working days). */
    DECIMAL,
    /** A {@link java.time.LocalDate}: a date cell in XLSX, ISO in CSV. */
    DATE,
    /** A {@link java.time.LocalDateTime} in county time: a date-time cell in XLSX, "yyyy-MM-dd HH:mm" in CSV. */
    DATE_TIME
}
