package org.haochaping.report.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.haochaping.report.document.Column;
import org.haochaping.report.document.ReportDocument;
import org.haochaping.report.document.RowSource;
import org.haochaping.report.document.Table;
import org.junit.jupiter.api.Test;

class CsvReportWriterTests {

    private final CsvReportWriter writer = new CsvReportWriter();

    @Test
    void file_starts_with_a_utf8_byte_order_mark_so_excel_reads_chinese() throws IOException {
        byte[] bytes = write(SampleReports.monthly(), new ArrayList<>());

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    }

    @Test
    void single_table_is_its_header_then_its_rows_with_typed_cells_spelled_plainly() throws IOException {
        var document = new ReportDocument("标题", "副标题", List.of(SampleReports.townTable()));

        List<CSVRecord> records = parse(write(document, new ArrayList<>()));

        assertThat(records.getFirst().values()).containsExactly("乡镇", "评价数", "好评率", "较上月（百分点）", "统计截止", "更新时间");
        assertThat(records.get(1).values()).containsExactly("城关镇", "1200", "70.4%", "-2.1", "2026-10-31", "2026-10-31 14:05");
        assertThat(records).hasSize(1 + SampleReports.TOWNS.size());
    }

    @Test
    void several_sections_each_start_with_their_name_after_an_empty_line() throws IOException {
        String text = text(write(SampleReports.monthly(), new ArrayList<>()));

        assertThat(text).startsWith("\uFEFF" + CsvReportWriter.KEY_FIGURES_NAME + "\r\n指标,数值\r\n好评率,70.4%\r\n评价数,12345\r\n");
        assertThat(text).contains("\r\n\r\n" + SampleReports.TOWN_TABLE + "\r\n乡镇,评价数,");
        assertThat(text).doesNotContain(SampleReports.TITLE);
    }

    @Test
    void quotes_commas_and_line_breaks_in_cells_round_trip() throws IOException {
        String tricky = "他说：\"路灯坏了\", 还有\r\n第二行";
        var document = new ReportDocument("t", "s", List.of(textTable(tricky, "普通文字")));

        List<CSVRecord> records = parse(write(document, new ArrayList<>()));

        assertThat(records.get(1).get(0)).isEqualTo(tricky);
        assertThat(records.get(2).get(0)).isEqualTo("普通文字");
    }

    @Test
    void text_that_a_spreadsheet_would_run_as_a_formula_is_prefixed_with_a_quote() throws IOException {
        var document = new ReportDocument("t", "s", List.of(textTable("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "城关镇=好")));

        List<CSVRecord> records = parse(write(document, new ArrayList<>()));

        assertThat(records.stream().skip(1).map(r -> r.get(0)))
                .containsExactly("'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", "城关镇=好");
    }

    @Test
    void negative_decimals_stay_numbers_and_are_not_neutralised() throws IOException {
        var table = new Table("变化", List.of(Column.decimal("较上月"), Column.percent("好评率")),
                RowSource.of(List.<Object[]>of(new Object[] {-2.1, 12.345})));

        List<CSVRecord> records = parse(write(new ReportDocument("t", "s", List.of(table)), new ArrayList<>()));

        assertThat(records.get(1).values()).containsExactly("-2.1", "12.35%");
    }

    @Test
    void null_cells_are_empty_fields() throws IOException {
        var table = new Table("空", List.of(Column.text("乡镇"), Column.count("数")),
                RowSource.of(List.<Object[]>of(new Object[] {null, null})));

        List<CSVRecord> records = parse(write(new ReportDocument("t", "s", List.of(table)), new ArrayList<>()));

        assertThat(records.get(1).values()).containsExactly("", "");
    }

    @Test
    void a_hundred_thousand_rows_stream_and_progress_is_reported_every_thousand_rows() throws IOException {
        List<Long> progress = new ArrayList<>();
        var document = new ReportDocument("t", "s", List.of(SampleReports.detailRows("明细", 100_000)));

        long start = System.nanoTime();
        var out = new ByteArrayOutputStream();
        long rows = writer.write(document, out, progress::add);
        System.out.printf("CSV 100,000 rows: %d ms, %,d bytes%n", (System.nanoTime() - start) / 1_000_000, out.size());

        assertThat(rows).isEqualTo(100_000);
        assertThat(parse(out.toByteArray())).hasSize(100_001);
        assertThat(progress).hasSize(101).startsWith(1_000L, 2_000L).endsWith(100_000L, 100_000L);
    }

    private static Table textTable(String... cells) {
        return new Table("意见", List.of(Column.text("内容")),
                RowSource.of(Arrays.stream(cells).map(cell -> new Object[] {cell}).toList()));
    }

    private byte[] write(ReportDocument document, List<Long> progress) throws IOException {
        var out = new ByteArrayOutputStream();
        writer.write(document, out, progress::add);
        return out.toByteArray();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> parse(byte[] bytes) throws IOException {
        String text = text(bytes);
        assertThat(text).startsWith("\uFEFF");
        try (var parser = CSVFormat.RFC4180.parse(new StringReader(text.substring(1)))) {
            return parser.getRecords();
        }
    }
}
