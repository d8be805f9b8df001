package org.haochaping.report.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.LongConsumer;

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
public class XlsxReportWriter implements ReportWriter {

    static final int ROW_WINDOW = 100;

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
                writeTable(workbook.createSheet(names.unique(table.name())), table, styles, counter);
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

    private static void writeTable(SXSSFSheet sheet, Table table, XlsxStyles styles, RowCounter counter) {
        List<Column> columns = table.columns();
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            sheet.setColumnWidth(i, ColumnWidths.of(columns.get(i)) * 256);
            var cell = header.createCell(i);
            cell.setCellValue(columns.get(i).header());
            cell.setCellStyle(styles.header());
        }
        sheet.createFreezePane(0, 1);
        int[] next = {1};
        table.rows().forEach(cells -> {
            Row row = sheet.createRow(next[0]++);
            for (int i = 0; i < columns.size() && i < cells.length; i++) {
                XlsxCells.put(row, i, columns.get(i).type(), cells[i], styles);
            }
            counter.add();
        });
        if (!columns.isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(0, next[0] - 1, 0, columns.size() - 1));
        }
    }
}
