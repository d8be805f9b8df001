package org.haochaping.report.format;

import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.ScatterStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFScatterChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFNoFillProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.haochaping.report.document.ColumnType;
import org.haochaping.report.document.ScatterChart;
import org.haochaping.report.document.Series;

/**
 * Native Excel charts on the summary sheet, each over the data cells written just before it, so a reader
 * can change a figure and see the chart follow. Needs a full {@link XSSFSheet}: streamed sheets cannot hold
 * drawings with charts.
 */
final class XlsxCharts {

    static final int WIDTH_COLUMNS = 9;
    static final int HEIGHT_ROWS = 18;
    private static final byte[] NORMAL_RGB = rgb(PdfCharts.PALETTE[0]);
    private static final byte[] WARNING_RGB = rgb(PdfCanvas.RED);

    private XlsxCharts() {
    }

    /**
     * Bars ({@link ChartTypes#BAR}) or lines over the categories in column A from {@code firstRow+1}, a series
     * per column from B; {@code firstRow} holds the series names. At least one category and one series.
     */
    static void categories(XSSFSheet sheet, int firstRow, int chartColumn, ChartTypes type, String title,
            List<String> categories, List<Series> series, ColumnType valueType) {
        XSSFChart xssfChart = newChart(sheet, firstRow, chartColumn, title);
        XDDFCategoryAxis x = xssfChart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = xssfChart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        if (valueType == ColumnType.PERCENT) {
            y.setMinimum(0);
            y.setMaximum(1);
        }
        int lastRow = firstRow + categories.size();
        XDDFDataSource<String> labels = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(firstRow + 1, lastRow, 0, 0));
        XDDFChartData data = xssfChart.createData(type, x, y);
        for (int s = 0; s < series.size(); s++) {
            XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(firstRow + 1, lastRow, s + 1, s + 1));
            XDDFChartData.Series added = data.addSeries(labels, values);
            added.setTitle(series.get(s).name(), new CellReference(sheet.getSheetName(), firstRow, s + 1, true, true));
            if (added instanceof XDDFLineChartData.Series line) {
                line.setSmooth(false);
                line.setMarkerStyle(MarkerStyle.NONE);
            }
        }
        if (data instanceof XDDFBarChartData bars) {
            bars.setBarDirection(BarDirection.COL);
            bars.setVaryColors(false);
        }
        xssfChart.plot(data);
    }

    /**
     * Points whose x and y are in columns B and C of {@code firstRow+1..}, normal points first, then the
     * warning points (their own series, so they stand out), then the two cells of the diagonal.
     */
    static void scatter(XSSFSheet sheet, int firstRow, int chartColumn, ScatterChart chart, int normal, int warning) {
        XSSFChart xssfChart = newChart(sheet, firstRow, chartColumn, chart.title());
        XDDFValueAxis x = xssfChart.createValueAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = xssfChart.createValueAxis(AxisPosition.LEFT);
        x.setTitle(chart.xAxisTitle());
        y.setTitle(chart.yAxisTitle());
        for (XDDFValueAxis axis : List.of(x, y)) {
            axis.setMinimum(0);
            axis.setMaximum(1);
        }
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        var data = (XDDFScatterChartData) xssfChart.createData(ChartTypes.SCATTER, x, y);
        data.setStyle(ScatterStyle.LINE_MARKER);
        int row = firstRow + 1;
        if (normal > 0) {
            markerColour(points(sheet, data, row, normal, "点位", MarkerStyle.CIRCLE), NORMAL_RGB);
        }
        if (warning > 0) {
            markerColour(points(sheet, data, row + normal, warning, "预警", MarkerStyle.TRIANGLE), WARNING_RGB);
        }
        points(sheet, data, row + normal + warning, 2, "对角线", MarkerStyle.NONE);
        xssfChart.plot(data);
    }

    /** Same colours as the PDF: blue points, warnings in the red of {@link PdfCanvas#RED}. */
    private static void markerColour(XDDFScatterChartData.Series series, byte[] rgb) {
        var fill = new XDDFShapeProperties();
        fill.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(rgb)));
        series.getCTScatterSer().getMarker().setSpPr(fill.getXmlObject());
    }

    private static XDDFScatterChartData.Series points(XSSFSheet sheet, XDDFScatterChartData data, int from, int count,
            String name, MarkerStyle marker) {
        var xs = XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(from, from + count - 1, 1, 1));
        var ys = XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(from, from + count - 1, 2, 2));
        var series = (XDDFScatterChartData.Series) data.addSeries(xs, ys);
        series.setTitle(name, null);
        series.setSmooth(false);
        series.setMarkerStyle(marker);
        if (marker != MarkerStyle.NONE) {
            // Markers only: a line joining unrelated towns would suggest an order that does not exist.
            var noLine = new XDDFShapeProperties();
            noLine.setLineProperties(new XDDFLineProperties(new XDDFNoFillProperties()));
            series.setShapeProperties(noLine);
        }
        return series;
    }

    private static byte[] rgb(java.awt.Color colour) {
        return new byte[] {(byte) colour.getRed(), (byte) colour.getGreen(), (byte) colour.getBlue()};
    }

    private static XSSFChart newChart(XSSFSheet sheet, int firstRow, int chartColumn, String title) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        var anchor = drawing.createAnchor(0, 0, 0, 0, chartColumn, firstRow, chartColumn + WIDTH_COLUMNS, firstRow + HEIGHT_ROWS);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        return chart;
    }
}
