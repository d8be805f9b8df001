package org.haochaping.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.haochaping.campaign.Campaign;
import org.haochaping.campaign.GoalStatement;
import org.haochaping.campaign.GoalType;
import org.haochaping.campaign.ReasonTag;
import org.haochaping.identity.Actor;
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
import org.haochaping.satisfaction.CampaignDashboard;
import org.haochaping.satisfaction.GoalAttainment;
import org.haochaping.satisfaction.HandlingCounts;
import org.haochaping.satisfaction.HandlingMetrics;
import org.haochaping.satisfaction.Interval;
import org.haochaping.satisfaction.SatisfactionMetrics;
import org.haochaping.satisfaction.Tally;
import org.haochaping.system.Figures;
import org.haochaping.system.Labels;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * 月度满意度分析报告: headline figures with their 95% intervals and goal statuses, the change since the
 * previous period, the trend, towns ranked and subjects worst first, the top 差评 reasons, the handling
 * figures, the 进展与感受 chart and a narrative, all from {@link ReportFigures}.
 */
@Component
class MonthlyAnalysisReport implements ReportContent {

    static final int TOP_REASONS = 10;
    /** How far officials' progress may run ahead of 好评率 before the 进展与感受 point is marked (as on the dashboard). */
    static final double GAP_WORTH_A_LOOK = 15;

    private final ReportFigures figures;
    private final ReportTitles titles;
    private final Labels labels;
    private final Narrative narrative;

    MonthlyAnalysisReport(ReportFigures figures, ReportTitles titles, Labels labels) {
        this.figures = figures;
        this.titles = titles;
        this.labels = labels;
        this.narrative = new Narrative(labels);
    }

    @Override
    public ReportKind kind() {
        return ReportKind.MONTHLY_ANALYSIS;
    }

    @Override
    public Prepared prepare(Actor actor, ReportRequest request) {
        ScopeFigures now = figures.of(actor, request);
        ScopeFigures before = figures.of(actor, request.previous());
        Map<String, String> reasons = reasonNames(now);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading("一、总体情况"));
        narrative.of(titles.scopeName(request), now, before, request.from().equals(request.to()), reasons)
                .forEach(sentence -> blocks.add(new Paragraph(sentence)));
        blocks.add(headline(now.total(), before.total()));
        blocks.add(new Heading("二、目标达成"));
        blocks.add(now.countyWide() ? campaignTable(now, before) : goalTable(now.dashboard()));
        blocks.add(new Heading("三、评价趋势"));
        blocks.add(trendChart(now));
        blocks.add(new Heading("四、乡镇排名（好评率由低到高）"));
        blocks.add(townChart(now));
        blocks.add(sliceTable("乡镇排名", "乡镇", now.towns()));
        if (!now.countyWide()) {
            blocks.add(new Heading("五、评价对象（好评率由低到高）"));
            blocks.add(sliceTable("评价对象", "评价对象", now.dashboard().subjects()));
        }
        blocks.add(new Heading(now.countyWide() ? "五、差评主要原因" : "六、差评主要原因"));
        blocks.add(reasonTable(now.total(), reasons));
        blocks.add(new Heading(now.countyWide() ? "六、差评整改情况" : "七、差评整改情况"));
        blocks.add(handling(now.handling()));
        blocks.add(new Heading(now.countyWide() ? "七、进展与感受" : "八、进展与感受"));
        blocks.add(new Paragraph("横轴为牵头单位填报的成效目标平均进度，纵轴为群众好评率；红点表示进度超出好评率 "
                + Figures.count((long) GAP_WORTH_A_LOOK) + " 个百分点以上，值得关注。"));
        blocks.add(claimedVsFelt(now));
        blocks.add(trendTable(now));
        return new Prepared(new ReportDocument(titles.title(request, "满意度分析报告"), titles.subtitle(request), blocks), 0);
    }

    static KeyFigures headline(Tally total, Tally before) {
        Interval interval = Interval.wilson(total.goodCount(), total.count());
        List<KeyFigures.Figure> list = new ArrayList<>();
        list.add(new KeyFigures.Figure("有效评价", ColumnType.COUNT, total.count(), "条"));
        list.add(new KeyFigures.Figure("好评率", ColumnType.PERCENT, rate(total, SatisfactionMetrics.goodRate(total)),
                total.isEmpty() ? "" : "95% 区间 " + Figures.percentRange(interval.low(), interval.high())));
        list.add(new KeyFigures.Figure("差评率", ColumnType.PERCENT, rate(total, SatisfactionMetrics.badRate(total)),
                "差评 " + Figures.count(total.badCount()) + " 条"));
        list.add(new KeyFigures.Figure("满意度指数", ColumnType.DECIMAL, total.isEmpty() ? null
                : exact(SatisfactionMetrics.satisfactionIndex(total)), "0-100"));
        list.add(new KeyFigures.Figure("主动评价好评率", ColumnType.PERCENT, total.residentCount() == 0 ? null
                : SatisfactionMetrics.activeGoodRate(total), "群众主动评价 " + Figures.count(total.residentCount()) + " 条"));
        list.add(new KeyFigures.Figure("好评率较上期", ColumnType.DECIMAL,
                Narrative.pointsChange(total, before).map(MonthlyAnalysisReport::exact).orElse(null), "个百分点"));
        return new KeyFigures(list);
    }

    Table goalTable(CampaignDashboard dashboard) {
        List<Object[]> rows = new ArrayList<>();
        for (GoalAttainment.Evaluation goal : dashboard.goals()) {
            boolean rate = goal.goal().type() == GoalType.SATISFACTION || goal.goal().type() == GoalType.BAD_REVIEW_LIMIT;
            Interval interval = goal.interval();
            rows.add(new Object[] {GoalStatement.of(goal.goal()), rate ? null : goal.value() == null ? null
                    : goal.value().doubleValue(), rate && goal.value() != null ? goal.value().doubleValue() : null,
                    interval == null ? null : exact(interval.low()), interval == null ? null : exact(interval.high()),
                    goal.sample(), labels.of(goal.status())});
        }
        return new Table("目标达成", List.of(Column.text("目标"), Column.decimal("当前值"), Column.percent("当前比率"),
                Column.percent("95%区间下限"), Column.percent("95%区间上限"), Column.count("样本"), Column.text("状态")),
                RowSource.of(rows));
    }

    Table campaignTable(ScopeFigures now, ScopeFigures before) {
        Map<String, Tally> previous = new LinkedHashMap<>();
        before.campaigns().forEach(dashboard -> previous.put(dashboard.campaign().getCode(), dashboard.total()));
        List<Object[]> rows = new ArrayList<>();
        for (CampaignDashboard dashboard : now.campaigns()) {
            Tally total = dashboard.total();
            Interval interval = Interval.wilson(total.goodCount(), total.count());
            String status = dashboard.goals().stream().filter(goal -> goal.goal().type() == GoalType.SATISFACTION)
                    .findFirst().map(goal -> labels.of(goal.status())).orElse("—");
            rows.add(new Object[] {dashboard.campaign().getName().zh(), total.count(),
                    rate(total, SatisfactionMetrics.goodRate(total)), total.isEmpty() ? null : exact(interval.low()),
                    total.isEmpty() ? null : exact(interval.high()), rate(total, SatisfactionMetrics.badRate(total)),
                    Narrative.pointsChange(total, previous.getOrDefault(dashboard.campaign().getCode(), Tally.EMPTY))
                            .map(MonthlyAnalysisReport::exact).orElse(null), status});
        }
        return new Table("各攻坚行动", List.of(Column.text("攻坚行动"), Column.count("有效评价"), Column.percent("好评率"),
                Column.percent("95%区间下限"), Column.percent("95%区间上限"), Column.percent("差评率"),
                Column.decimal("好评率较上期（百分点）"), Column.text("好评率目标")), RowSource.of(rows));
    }

    private static LineChart trendChart(ScopeFigures now) {
        List<String> days = new ArrayList<>();
        List<@Nullable Double> rates = new ArrayList<>();
        for (CampaignDashboard.DayPoint point : now.days()) {
            days.add(point.day().getMonthValue() + "-" + point.day().getDayOfMonth());
            rates.add(point.tally().isEmpty() ? null : exact(SatisfactionMetrics.goodRate(point.tally())));
        }
        return new LineChart("每日好评率", days, List.of(new Series("好评率", rates)), ColumnType.PERCENT);
    }

    private static Table trendTable(ScopeFigures now) {
        List<Object[]> rows = new ArrayList<>();
        for (CampaignDashboard.DayPoint point : now.days()) {
            Tally tally = point.tally();
            rows.add(new Object[] {point.day(), tally.count(), tally.goodCount(), tally.badCount(),
                    rate(tally, SatisfactionMetrics.goodRate(tally))});
        }
        return new Table("每日评价", List.of(Column.date("日期"), Column.count("有效评价"), Column.count("好评"),
                Column.count("差评"), Column.percent("好评率")), RowSource.of(rows));
    }

    private static BarChart townChart(ScopeFigures now) {
        List<CampaignDashboard.Slice> rated = now.towns().stream().filter(town -> !town.tally().isEmpty()).toList();
        return new BarChart("各乡镇好评率", rated.stream().map(town -> town.name().zh()).toList(),
                List.of(new Series("好评率", rated.stream().map(town -> exact(SatisfactionMetrics.goodRate(town.tally()))).toList())),
                ColumnType.PERCENT);
    }

    private static Table sliceTable(String name, String what, List<CampaignDashboard.Slice> slices) {
        List<Object[]> rows = new ArrayList<>();
        int rank = 0;
        for (CampaignDashboard.Slice slice : slices) {
            Tally tally = slice.tally();
            rows.add(new Object[] {tally.isEmpty() ? null : (long) ++rank, slice.name().zh(), tally.count(),
                    rate(tally, SatisfactionMetrics.goodRate(tally)),
                    tally.isEmpty() ? null : exact(slice.goodRateInterval().low()),
                    tally.isEmpty() ? null : exact(slice.goodRateInterval().high()), tally.badCount()});
        }
        return new Table(name, List.of(Column.count("序号"), Column.text(what), Column.count("有效评价"),
                Column.percent("好评率"), Column.percent("95%区间下限"), Column.percent("95%区间上限"),
                Column.count("差评")), RowSource.of(rows));
    }

    static Table reasonTable(Tally total, Map<String, String> names) {
        List<Object[]> rows = SatisfactionMetrics.topBadReasons(total, TOP_REASONS).stream()
                .map(reason -> new Object[] {names.getOrDefault(reason.getKey(), reason.getKey()), reason.getValue(),
                        exact(100.0 * reason.getValue() / total.badCount())})
                .toList();
        return new Table("差评原因", List.of(Column.text("原因"), Column.count("差评数"), Column.percent("占差评比例")),
                RowSource.of(rows));
    }

    static KeyFigures handling(HandlingCounts counts) {
        return new KeyFigures(List.of(
                new KeyFigures.Figure("差评工单", ColumnType.COUNT, counts.cases(), "件"),
                new KeyFigures.Figure("回访率", ColumnType.PERCENT, value(HandlingMetrics.contactRate(counts)), "按期回访"),
                new KeyFigures.Figure("按期办结率", ColumnType.PERCENT, value(HandlingMetrics.onTimeRate(counts)),
                        "已办结 " + Figures.count(counts.handled()) + " 件"),
                new KeyFigures.Figure("整改满意率", ColumnType.PERCENT,
                        value(HandlingMetrics.rectificationSatisfactionRate(counts)), "复评 " + Figures.count(counts.reratings()) + " 次"),
                new KeyFigures.Figure("平均办理时长", ColumnType.DECIMAL, value(HandlingMetrics.meanHandlingDays(counts)), "个工作日"),
                new KeyFigures.Figure("逾期未办结", ColumnType.COUNT, counts.overdue(), "件")));
    }

    private static ScatterChart claimedVsFelt(ScopeFigures now) {
        List<ScatterChart.Point> points = new ArrayList<>();
        for (CampaignDashboard dashboard : now.campaigns()) {
            if (dashboard.outcomeProgress() != null && !dashboard.total().isEmpty()) {
                double progress = exact(dashboard.outcomeProgress());
                double goodRate = exact(SatisfactionMetrics.goodRate(dashboard.total()));
                points.add(new ScatterChart.Point(dashboard.campaign().getName().zh(), progress, goodRate,
                        progress - goodRate > GAP_WORTH_A_LOOK));
            }
        }
        return new ScatterChart("进展与感受：官方进度 vs 群众好评率", "官方进度 %", "群众好评率 %", points);
    }

    static Map<String, String> reasonNames(ScopeFigures now) {
        Map<String, String> names = new LinkedHashMap<>();
        for (CampaignDashboard dashboard : now.campaigns()) {
            Campaign campaign = dashboard.campaign();
            for (ReasonTag tag : campaign.getRatingForm().badReasons()) {
                names.putIfAbsent(tag.code(), tag.label().zh());
            }
        }
        return names;
    }

    static @Nullable Double rate(Tally tally, double percent) {
        return tally.isEmpty() ? null : exact(percent);
    }

    private static @Nullable Double value(OptionalDouble value) {
        return value.isPresent() ? exact(value.getAsDouble()) : null;
    }

    /** A figure at full precision: each format rounds only for display, so a cell read back equals the API's figure. */
    static Double exact(double value) {
        return value;
    }
}
