package org.haochaping.report.format;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.haochaping.report.document.BarChart;
import org.haochaping.report.document.Block;
import org.haochaping.report.document.Column;
import org.haochaping.report.document.ColumnType;
import org.haochaping.report.document.Heading;
import org.haochaping.report.document.KeyFigures;
import org.haochaping.report.document.LineChart;
import org.haochaping.report.document.Paragraph;
import org.haochaping.report.document.ReportDocument;
import org.haochaping.report.document.RowSource;
import org.haochaping.report.document.ScatterChart;
import org.haochaping.report.document.Series;
import org.haochaping.report.document.Table;

/** Report documents as the monthly job builds them: a county's towns, a month's trend, a detail table. */
final class SampleReports {

    static final String TITLE = "城乡环境整治 2026年10月满意度分析报告";
    static final String SUBTITLE = "全县 · 2026-10-01 至 2026-10-31 · 2026-11-01 08:00 生成";
    static final List<String> TOWNS = List.of("城关镇", "东关镇", "西河乡", "南山镇", "北岭乡", "桃花镇", "石门乡", "清水镇");
    static final String TOWN_TABLE = "各乡镇满意度";

    private SampleReports() {
    }

    /** Charts with no category or no value, and an empty table: a month without ratings. */
    static ReportDocument withoutData() {
        return new ReportDocument("空报告", "全县", List.of(
                new BarChart("各乡镇好评率", List.of(), List.of(), ColumnType.PERCENT),
                new LineChart("每日好评率", List.of("10-01"),
                        List.of(new Series("全县", java.util.Arrays.asList((Double) null))),
                        ColumnType.COUNT),
                new ScatterChart("进展与感受", "工作进展", "群众好评率", List.of()),
                new Table("空表", List.of(Column.text("乡镇")), RowSource.of(List.of()))));
    }

    static ReportDocument monthly() {
        return monthly(townTable());
    }

    static ReportDocument monthly(Table detail) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading("一、总体情况"));
        blocks.add(new Paragraph("本月全县共收到群众评价 12,345 条，好评率 70.4%，较上月提高 2.1 个百分点。"
                + "城关镇、东关镇好评率居前，西河乡差评集中在 garbage collection 与道路保洁方面，需要重点整改。"
                + "The county-wide satisfaction rate improved steadily throughout October."));
        blocks.add(new KeyFigures(List.of(
                new KeyFigures.Figure("好评率", ColumnType.PERCENT, 70.4, "95% 区间 62.1% – 78.0%"),
                new KeyFigures.Figure("评价数", ColumnType.COUNT, 12345L, ""),
                new KeyFigures.Figure("差评整改满意率", ColumnType.PERCENT, 83.5, "较上月 +1.2"),
                new KeyFigures.Figure("平均办理天数", ColumnType.DECIMAL, 3.25, "工作日"))));
        blocks.add(new Heading("二、各乡镇情况"));
        blocks.add(new BarChart("各乡镇好评率", TOWNS,
                List.of(new Series("本月", percents(8, 0)), new Series("上月", percents(8, 3))), ColumnType.PERCENT));
        blocks.add(detail);
        blocks.add(new Heading("三、趋势"));
        List<String> days = IntStream.rangeClosed(1, 31).mapToObj(d -> "10-" + (d < 10 ? "0" + d : "" + d)).toList();
        blocks.add(new LineChart("每日好评率", days,
                List.of(new Series("全县", percents(31, 1)), new Series("城关镇", percents(31, 5))), ColumnType.PERCENT));
        blocks.add(new ScatterChart("进展与感受", "工作进展", "群众好评率", List.of(
                new ScatterChart.Point("城关镇", 85, 78, false),
                new ScatterChart.Point("东关镇", 70, 72, false),
                new ScatterChart.Point("西河乡", 90, 45, true),
                new ScatterChart.Point("南山镇", 60, 66, false))));
        return new ReportDocument(TITLE, SUBTITLE, blocks);
    }

    static Table townTable() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < TOWNS.size(); i++) {
            rows.add(new Object[] {TOWNS.get(i), 1200L + i * 37, 70.4 - i, i % 2 == 0 ? -2.1 : 1.5,
                    LocalDate.of(2026, 10, 31), LocalDateTime.of(2026, 10, 31, 14, 5)});
        }
        return new Table(TOWN_TABLE, List.of(Column.text("乡镇"), Column.count("评价数"), Column.percent("好评率"),
                Column.decimal("较上月（百分点）"), Column.date("统计截止"), Column.dateTime("更新时间")), RowSource.of(rows));
    }

    /** {@code count} generated detail rows, never held in memory. */
    static Table detailRows(String name, int count) {
        return new Table(name, List.of(Column.count("序号"), Column.text("乡镇"), Column.percent("好评率"),
                Column.date("日期"), Column.text("群众意见")), row -> {
            for (int i = 1; i <= count; i++) {
                row.accept(new Object[] {(long) i, TOWNS.get(i % TOWNS.size()), (i % 1000) / 10.0,
                        LocalDate.of(2026, 10, 1 + i % 31), "第" + i + "条：路灯不亮，请尽快维修"});
            }
        });
    }

    private static List<Double> percents(int count, int seed) {
        return IntStream.range(0, count).mapToObj(i -> 55.0 + ((i * 7 + seed * 3) % 30) + 0.4).toList();
    }
}
