package org.haochaping.report.format;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.haochaping.report.document.ColumnType;
import org.jspecify.annotations.Nullable;

/** Writes one typed value as a typed cell: numbers as numbers, percents as fractions, dates as dates. */
final class XlsxCells {

    private XlsxCells() {
    }

    /** Sets the cell at {@code column} of {@code row}; a null value leaves the cell out (an empty cell). */
    static void put(Row row, int column, ColumnType type, @Nullable Object value, XlsxStyles styles) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellStyle(styles.of(type));
        switch (value) {
            // Excel's percent format multiplies by 100: 70.4 (percent) is stored as 0.704.
            case Number n when type == ColumnType.PERCENT -> cell.setCellValue(n.doubleValue() / 100);
            case Number n when type != ColumnType.TEXT -> cell.setCellValue(n.doubleValue());
            case LocalDateTime dateTime -> cell.setCellValue(dateTime);
            case LocalDate date -> cell.setCellValue(date);
            default -> cell.setCellValue(CellText.plain(type, value));
        }
    }
}
