package org.haochaping.report.format;

import java.util.EnumMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;
import org.haochaping.report.document.ColumnType;
import org.jspecify.annotations.Nullable;

/**
 * The cell styles of one workbook, created once: a workbook holds at most 64,000 styles, so a style per
 * cell would break a large table (and bloat every file).
 */
final class XlsxStyles {

    private final Map<ColumnType, CellStyle> byType = new EnumMap<>(ColumnType.class);
    private final CellStyle header;
    private final CellStyle title;
    private final CellStyle heading;
    private final CellStyle wrapped;

    XlsxStyles(Workbook workbook) {
        var formats = workbook.createDataFormat();
        for (ColumnType type : ColumnType.values()) {
            CellStyle style = workbook.createCellStyle();
            String format = dataFormat(type);
            if (format != null) {
                style.setDataFormat(formats.getFormat(format));
            }
            byType.put(type, style);
        }
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        heading = workbook.createCellStyle();
        heading.setFont(bold);
        Font large = workbook.createFont();
        large.setBold(true);
        large.setFontHeightInPoints((short) 16);
        title = workbook.createCellStyle();
        title.setFont(large);
        wrapped = workbook.createCellStyle();
        wrapped.setWrapText(true);
    }

    /** Excel's number format for the type; none for text. */
    static @Nullable String dataFormat(ColumnType type) {
        return switch (type) {
            case COUNT -> "#,##0";
            case PERCENT -> "0.0%";
            case DECIMAL -> "0.0#";
            case DATE -> "yyyy-mm-dd";
            case DATE_TIME -> "yyyy-mm-dd hh:mm";
            case TEXT -> null;
        };
    }

    CellStyle of(ColumnType type) {
        return byType.get(type);
    }

    CellStyle header() {
        return header;
    }

    CellStyle title() {
        return title;
    }

    CellStyle heading() {
        return heading;
    }

    CellStyle wrapped() {
        return wrapped;
    }
}
