package org.haochaping.report.format;

import java.util.Comparator;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.haochaping.report.document.BarChart;
import org.haochaping.report.document.Block;
import org.haochaping.report.document.ColumnType;
import org.haochaping.report.document.Heading;
import org.haochaping.report.document.KeyFigures;
import org.haochaping.report.document.LineChart;
import org.haochaping.report.document.Paragraph;
import org.haochaping.report.document.ReportDocument;
import org.haochaping.report.document.ScatterChart;
import org.haochaping.report.document.Series;
import org.haochaping.report.document.Table;
import org.jspecify.annotations.Nullable;

/**
 * The summary sheet 概况: everything of the report that is not a table, top to bottom, with each chart's
 * data as typed cells and the chart beside them. Small by nature, so a full (not streamed) sheet.
 */
final class XlsxOverview {

    static final String SHEET_NAME = "概况";
    /** Text columns A:H, about the width of the report's page, over which paragraphs wrap. */
    private static final int TEXT_COLUMNS = 8;
    private static final int COLUMN_WIDTH = 14;
    private static final float LINE_HEIGHT_POINTS = 15f;

    private final XSSFSheet sheet;
    private final XlsxStyles styles;
    private int nextRow;

    private XlsxOverview(XSSFSheet sheet, XlsxStyles styles) {
        this.sheet = sheet;
        this.styles = styles;
    }

    /** Whether the document has anything for this sheet besides its title. */
    static boolean wanted(ReportDocument document) {
        return document.blocks().stream().anyMatch(block -> !(block instanceof Table));
    }

    static void write(ReportDocument document, XSSFSheet sheet, XlsxStyles styles) {
        var overview = new XlsxOverview(sheet, styles);
        for (int column = 0; column < TEXT_COLUMNS; column++) {
            sheet.setColumnWidth(column, COLUMN_WIDTH * 256);
        }
        overview.text(document.title(), styles.title());
        overview.text(document.subtitle(), null);
        overview.nextRow++;
        for (Block block : document.blocks()) {
            switch (block) {
                case Heading heading -> overview.text(heading.text(), styles.heading());
                case Paragraph paragraph -> overview.paragraph(paragraph.text());
                case KeyFigures figures -> overview.keyFigures(figures);
                case BarChart chart -> overview.categoryChart(ChartTypes.BAR, chart.title(), chart.categories(), chart.series(), chart.valueType());
                case LineChart chart -> overview.categoryChart(ChartTypes.LINE, chart.title(), chart.categories(), chart.series(), chart.valueType());
                case ScatterChart chart -> overview.scatter(chart);
                case Table _ -> { } // its own sheet
            }
        }
    }

    private void text(String text, @Nullable CellStyle style) {
        var cell = sheet.createRow(nextRow++).createCell(0);
        cell.setCellValue(text);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** Merged over the text columns and wrapped; the row height estimated, as Excel does not grow merged rows. */
    private void paragraph(String text) {
        Row row = sheet.createRow(nextRow);
        var cell = row.createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(styles.wrapped());
        sheet.addMergedRegion(new CellRangeAddress(nextRow, nextRow, 0, TEXT_COLUMNS - 1));
        int lines = Math.max(1, (int) Math.ceil(ColumnWidths.displayWidth(text) / (double) (TEXT_COLUMNS * COLUMN_WIDTH - 2)));
        row.setHeightInPoints(lines * LINE_HEIGHT_POINTS);
        nextRow++;
    }

    private void keyFigures(KeyFigures figures) {
        header("指标", "数值", "说明");
        for (KeyFigures.Figure figure : figures.figures()) {
            Row row = sheet.createRow(nextRow++);
            row.createCell(0).setCellValue(figure.label());
            XlsxCells.put(row, 1, figure.type(), figure.value(), styles);
            row.createCell(2).setCellValue(figure.note());
        }
        nextRow++;
    }

    private void categoryChart(ChartTypes type, String title, List<String> categories, List<Series> series, ColumnType valueType) {
        text(title, styles.heading());
        int firstRow = nextRow;
        String[] names = new String[series.size() + 1];
        names[0] = "类别";
        for (int s = 0; s < series.size(); s++) {
            names[s + 1] = series.get(s).name();
        }
        header(names);
        for (int c = 0; c < categories.size(); c++) {
            Row row = sheet.createRow(nextRow++);
            row.createCell(0).setCellValue(categories.get(c));
            for (int s = 0; s < series.size(); s++) {
                List<Double> values = series.get(s).values();
                XlsxCells.put(row, s + 1, valueType, c < values.size() ? values.get(c) : null, styles);
            }
        }
        if (categories.isEmpty() || series.isEmpty()) { // nothing to plot (a month without ratings): the table says so
            nextRow++;
            return;
        }
        XlsxCharts.categories(sheet, firstRow, series.size() + 2, type, title, categories, series, valueType);
        nextRow = Math.max(nextRow, firstRow + XlsxCharts.HEIGHT_ROWS) + 1;
    }

    private void scatter(ScatterChart chart) {
        text(chart.title(), styles.heading());
        int firstRow = nextRow;
        header("名称", chart.xAxisTitle(), chart.yAxisTitle(), "预警");
        // Normal points first, then warnings: each series of the chart needs a contiguous range.
        List<ScatterChart.Point> points = chart.points().stream()
                .sorted(Comparator.comparing(ScatterChart.Point::warning))
                .toList();
        for (ScatterChart.Point point : points) {
            point(point.label(), point.x(), point.y(), point.warning() ? "是" : "");
        }
        point("对角线", 0, 0, "");
        point("对角线", 100, 100, "");
        int warnings = (int) points.stream().filter(ScatterChart.Point::warning).count();
        XlsxCharts.scatter(sheet, firstRow, 5, chart, points.size() - warnings, warnings);
        nextRow = Math.max(nextRow, firstRow + XlsxCharts.HEIGHT_ROWS) + 1;
    }

    private void point(String label, double x, double y, String warning) {
        Row row = sheet.createRow(nextRow++);
        row.createCell(0).setCellValue(label);
        XlsxCells.put(row, 1, ColumnType.PERCENT, x, styles);
        XlsxCells.put(row, 2, ColumnType.PERCENT, y, styles);
        row.createCell(3).setCellValue(warning);
    }

    private void header(String... names) {
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < names.length; i++) {
            var cell = row.createCell(i);
            cell.setCellValue(names[i]);
            cell.setCellStyle(styles.header());
        }
    }
}
