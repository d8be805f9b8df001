package org.haochaping.report.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.offset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xddf.usermodel.chart.XDDFScatterChartData;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.haochaping.report.document.Column;
import org.haochaping.report.document.ReportDocument;
import org.haochaping.report.document.RowSource;
import org.haochaping.report.document.Series;
import org.haochaping.report.document.Table;
import org.junit.jupiter.api.Test;

class XlsxReportWriterTests {

    private final XlsxReportWriter writer = new XlsxReportWriter();

    @Test
    void summary_sheet_comes_first_then_a_sheet_per_table_named_in_chinese() throws IOException {
        try (XSSFWorkbook workbook = read(write(SampleReports.monthly()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            assertThat(workbook.getSheetName(0)).isEqualTo("概况");
            assertThat(workbook.getSheetName(1)).isEqualTo(SampleReports.TOWN_TABLE);
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo(SampleReports.TITLE);
        }
    }

    @Test
    void cells_are_typed_numbers_and_dates_with_their_formats() throws IOException {
        try (XSSFWorkbook workbook = read(write(SampleReports.monthly()))) {
            Row row = workbook.getSheet(SampleReports.TOWN_TABLE).getRow(1);

            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("城关镇");
            assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(1200);
            assertThat(row.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(2).getNumericCellValue()).isCloseTo(0.704, offset(1e-12));
            assertThat(row.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(-2.1);
            assertThat(DateUtil.isCellDateFormatted(row.getCell(4))).isTrue();
            assertThat(row.getCell(4).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 10, 31, 0, 0));
            assertThat(DateUtil.isCellDateFormatted(row.getCell(5))).isTrue();
            assertThat(row.getCell(5).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 10, 31, 14, 5));
            assertThat(row.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm");
        }
    }

    @Test
    void table_sheets_have_a_bold_frozen_header_an_auto_filter_and_widths_from_their_headers() throws IOException {
        try (XSSFWorkbook workbook = read(write(SampleReports.monthly()))) {
            XSSFSheet sheet = workbook.getSheet(SampleReports.TOWN_TABLE);

            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:F9");
            assertThat(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            // "较上月（百分点）" is 8 wide characters: wider than a plain decimal column.
            assertThat(sheet.getColumnWidth(3)).isGreaterThanOrEqualTo(16 * 256);
            assertThat(sheet.getColumnWidth(2)).isLessThan(sheet.getColumnWidth(3));
        }
    }

    @Test
    void summary_sheet_holds_key_figures_as_typed_cells() throws IOException {
        try (XSSFWorkbook workbook = read(write(SampleReports.monthly()))) {
            XSSFSheet summary = workbook.getSheet("概况");
            Row rate = rowStartingWith(summary, "好评率");

            assertThat(rate.getCell(1).getNumericCellValue()).isCloseTo(0.704, offset(1e-12));
            assertThat(rate.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(rate.getCell(2).getStringCellValue()).isEqualTo("95% 区间 62.1% – 78.0%");
        }
    }

    @Test
    void every_chart_is_a_native_excel_chart_on_the_summary_sheet_over_its_cells() throws IOException {
        try (XSSFWorkbook workbook = read(write(SampleReports.monthly()))) {
            List<XSSFChart> charts = workbook.getSheet("概况").getDrawingPatriarch().getCharts();

            assertThat(charts).hasSize(3);
            XSSFChart bars = charts.get(0);
            assertThat(bars.getTitleText().getString()).isEqualTo("各乡镇好评率");
            assertThat(bars.getChartSeries().getFirst().getSeriesCount()).isEqualTo(2);
            assertThat(bars.getChartSeries().getFirst().getSeries(0).getCategoryData().getPointCount()).isEqualTo(8);
            assertThat(bars.getChartSeries().getFirst().getSeries(0).getValuesData().getDataRangeReference()).contains("概况");
            assertThat(charts.get(1).getChartSeries().getFirst().getSeries(0).getCategoryData().getPointCount()).isEqualTo(31);
            // Scatter: the normal points, the warning points, the diagonal.
            var scatter = charts.get(2).getChartSeries().getFirst();
            assertThat(scatter.getSeriesCount()).isEqualTo(3);
            var warnings = ((XDDFScatterChartData.Series) scatter.getSeries(1)).getCTScatterSer();
            assertThat(warnings.getTx().getV()).isEqualTo("预警");
            assertThat(scatter.getSeries(1).getCategoryData().getPointCount()).isEqualTo(1);
            var warningMarker = warnings.getMarker();
            assertThat(warningMarker.getSpPr().getSolidFill().getSrgbClr().getVal()).containsExactly(0xC8, 0x10, 0x1A);
        }
    }

    @Test
    void a_document_of_tables_only_has_no_summary_sheet() throws IOException {
        var document = new ReportDocument("明细导出", "全县", List.of(SampleReports.townTable()));

        try (XSSFWorkbook workbook = read(write(document))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            assertThat(workbook.getSheetName(0)).isEqualTo(SampleReports.TOWN_TABLE);
        }
    }

    @Test
    void sheet_names_follow_excels_rules_and_stay_unique() throws IOException {
        var long31 = "城关镇".repeat(11);
        var document = new ReportDocument("t", "s", List.of(
                SampleReports.detailRows("明细[10/2026]: 城关镇?", 1),
                SampleReports.detailRows(long31, 1),
                SampleReports.detailRows(long31, 1),
                SampleReports.detailRows("概况", 1)));

        try (XSSFWorkbook workbook = read(write(document))) {
            assertThat(IntStream.range(0, workbook.getNumberOfSheets()).mapToObj(workbook::getSheetName))
                    .containsExactly("明细_10_2026__ 城关镇_", long31.substring(0, 31), long31.substring(0, 28) + "(2)", "概况");
        }
    }

    @Test
    void null_cells_are_left_empty() throws IOException {
        var table = new Table("空值", List.of(Column.text("乡镇"), Column.percent("好评率")),
                RowSource.of(List.<Object[]>of(new Object[] {"城关镇", null})));

        try (XSSFWorkbook workbook = read(write(new ReportDocument("t", "s", List.of(table))))) {
            Row row = workbook.getSheetAt(0).getRow(1);
            assertThat(row.getCell(1)).isNull();
        }
    }

    @Test
    void a_hundred_thousand_row_table_streams_and_progress_is_reported() throws Exception {
        List<Long> progress = new ArrayList<>();
        long[] heapAt = new long[2];
        Table detail = SampleReports.detailRows("明细", 100_000);
        // Heap in use after 10,000 and after 100,000 rows: a workbook holding its rows would grow by ~100 MB.
        Table measured = new Table(detail.name(), detail.columns(), row -> detail.rows().forEach(cells -> {
            long index = (Long) cells[0];
            if (index == 10_000 || index == 100_000) {
                heapAt[index == 10_000 ? 0 : 1] = usedHeapAfterGc();
            }
            row.accept(cells);
        }));
        var document = new ReportDocument("t", "s", List.of(measured));

        long start = System.nanoTime();
        var out = new ByteArrayOutputStream();
        long rows = writer.write(document, out, progress::add);
        System.out.printf("XLSX 100,000 rows: %d ms, %,d bytes%n", (System.nanoTime() - start) / 1_000_000, out.size());

        assertThat(rows).isEqualTo(100_000);
        assertThat(progress).hasSize(101).endsWith(100_000L, 100_000L);
        assertThat(countRowsStreaming(out.toByteArray())).isEqualTo(100_001);
        assertThat(heapAt[1] - heapAt[0]).as("heap growth while streaming 90,000 rows").isLessThan(20L * 1024 * 1024);
    }

    private static long usedHeapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    void a_table_longer_than_a_sheet_continues_on_further_sheets_each_with_its_header() throws IOException {
        var document = new ReportDocument("t", "s", List.of(SampleReports.detailRows("评价明细", 2_500)));
        var out = new ByteArrayOutputStream();

        long rows = new XlsxReportWriter(1_001).write(document, out, progress -> { });

        assertThat(rows).isEqualTo(2_500);
        try (XSSFWorkbook workbook = read(out.toByteArray())) {
            assertThat(IntStream.range(0, workbook.getNumberOfSheets()).mapToObj(workbook::getSheetName))
                    .containsExactly("评价明细", "评价明细（续2）", "评价明细（续3）");
            XSSFSheet last = workbook.getSheetAt(2);
            assertThat(last.getRow(0).getCell(0).getStringCellValue()).isEqualTo("序号");
            assertThat(last.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(2_001);
            assertThat(last.getLastRowNum()).isEqualTo(500);
            assertThat(last.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:E501");
        }
    }

    /** Counts {@code <row} elements of the first sheet without building the workbook in memory. */
    private static int countRowsStreaming(byte[] bytes) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
                var sheet = new XSSFReader(pkg).getSheetsData().next()) {
            var reader = XMLInputFactory.newFactory().createXMLStreamReader(sheet);
            int rows = 0;
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT && "row".equals(reader.getLocalName())) {
                    rows++;
                }
            }
            return rows;
        }
    }

    private static Row rowStartingWith(XSSFSheet sheet, String text) {
        for (Row row : sheet) {
            var cell = row.getCell(0);
            if (cell != null && cell.getCellType() == CellType.STRING && text.equals(cell.getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row starting with " + text);
    }

    @Test
    void charts_without_data_are_written_without_failing() {
        assertThatCode(() -> write(SampleReports.withoutData())).doesNotThrowAnyException();
    }

    private byte[] write(ReportDocument document) throws IOException {
        var out = new ByteArrayOutputStream();
        writer.write(document, out, rows -> { });
        return out.toByteArray();
    }

    private static XSSFWorkbook read(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }
}
