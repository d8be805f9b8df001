package org.haochaping.report.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.LongConsumer;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.haochaping.report.ReportFormat;
import org.haochaping.report.document.Column;
import org.haochaping.report.document.ReportDocument;
import org.haochaping.report.document.Table;
import org.springframework.stereotype.Component;

/**
 * The report as an Excel workbook: a summary sheet 概况 (title, narrative, key figures, native charts) and a
 * sheet per table with typed cells, a bold frozen header and an auto-filter.
 *
 * <p>Tables stream through {@link SXSSFWorkbook}: only {@value #ROW_WINDOW} rows are in memory, the rest go
 * to a compressed temporary file, removed when the workbook is disposed (also on failure). The summary sheet
 * is built first on a plain {@link XSSFWorkbook} that then becomes the streaming workbook's template,
 * because charts need a full sheet while the tables must stream.
 */
@Component
class XlsxReportWriter implements ReportWriter {

    static final int ROW_WINDOW = 100;

    /** Rows per sheet, header included: Excel's limit; smaller only in tests, to see a table continue. */
    private final int maxRows;

    XlsxReportWriter() {
        this(SpreadsheetVersion.EXCEL2007.getMaxRows());
    }

    XlsxReportWriter(int maxRows) {
        this.maxRows = maxRows;
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.XLSX;
    }

    @Override
    public long write(ReportDocument document, OutputStream out, LongConsumer rowsWritten) throws IOException {
        List<Table> tables = document.blocks().stream().filter(Table.class::isInstance).map(Table.class::cast).toList();
        XSSFWorkbook template = new XSSFWorkbook();
        SXSSFWorkbook workbook = null;
        try {
            var styles = new XlsxStyles(template);
            var names = new SheetNames();
            // A workbook needs a sheet: without tables the summary is written even when it holds only the title.
            if (XlsxOverview.wanted(document) || tables.isEmpty()) {
                XlsxOverview.write(document, template.createSheet(names.reserve(XlsxOverview.SHEET_NAME)), styles);
            }
            workbook = new SXSSFWorkbook(template, ROW_WINDOW);
            workbook.setCompressTempFiles(true);
            var counter = new RowCounter(rowsWritten);
            for (Table table : tables) {
                writeTable(workbook, names, table, styles, counter);
            }
            workbook.write(new NonClosingOutputStream(out));
            return counter.finish();
        } finally {
            if (workbook != null) {
                workbook.dispose();
                workbook.close();
            } else {
                template.close();
            }
        }
    }

    /**
     * A table longer than a sheet's 1,048,576 rows continues on sheets named "…（续2）", "…（续3）", each
     * with its own header, rather than failing the export.
     */
    private void writeTable(SXSSFWorkbook workbook, SheetNames names, Table table, XlsxStyles styles,
            RowCounter counter) {
        List<Column> columns = table.columns();
        var sheet = new SXSSFSheet[] {startSheet(workbook, names.unique(table.name()), columns, styles)};
        int[] next = {1};
        int[] part = {1};
        table.rows().forEach(cells -> {
            if (next[0] == maxRows) {
                finishSheet(sheet[0], next[0], columns.size());
                sheet[0] = startSheet(workbook, names.unique(table.name() + "（续" + ++part[0] + "）"), columns, styles);
                next[0] = 1;
            }
            Row row = sheet[0].createRow(next[0]++);
            for (int i = 0; i < columns.size() && i < cells.length; i++) {
                XlsxCells.put(row, i, columns.get(i).type(), cells[i], styles);
            }
            counter.add();
        });
        finishSheet(sheet[0], next[0], columns.size());
    }

    private static SXSSFSheet startSheet(SXSSFWorkbook workbook, String name, List<Column> columns, XlsxStyles styles) {
        SXSSFSheet sheet = workbook.createSheet(name);
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            sheet.setColumnWidth(i, ColumnWidths.of(columns.get(i)) * 256);
            var cell = header.createCell(i);
            cell.setCellValue(columns.get(i).header());
            cell.setCellStyle(styles.header());
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    /** The auto-filter can only be set once the last row is known. */
    private static void finishSheet(SXSSFSheet sheet, int rows, int columns) {
        if (columns > 0) {
            sheet.setAutoFilter(new CellRangeAddress(0, rows - 1, 0, columns - 1));
        }
    }
}
