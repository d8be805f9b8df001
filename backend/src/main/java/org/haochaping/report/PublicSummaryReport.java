package org.haochaping.report;

import java.util.ArrayList;
import java.util.List;

import org.haochaping.identity.Actor;
import org.haochaping.report.document.Block;
import org.haochaping.report.document.Column;
import org.haochaping.report.document.Heading;
import org.haochaping.report.document.Paragraph;
import org.haochaping.report.document.ReportDocument;
import org.haochaping.report.document.RowSource;
import org.haochaping.report.document.Table;
import org.haochaping.satisfaction.CampaignDashboard;
import org.haochaping.satisfaction.SatisfactionMetrics;
import org.haochaping.satisfaction.Tally;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 公开版 (评价结果及整改情况向社会公开): the figures of the monthly report and nothing about any person: no
 * comments, no subjects (a 一事一评 subject can be one family's case), and no town's rate below a minimum
 * count, where a rate would tell what a handful of neighbours said.
 */
@Component
class PublicSummaryReport implements ReportContent {

    private final ReportFigures figures;
    private final ReportTitles titles;
    private final MonthlyAnalysisReport monthly;
    private final long minimumCount;

    PublicSummaryReport(ReportFigures figures, ReportTitles titles, MonthlyAnalysisReport monthly,
            @Value("${haochaping.report.public-minimum-count:10}") long minimumCount) {
        this.figures = figures;
        this.titles = titles;
        this.monthly = monthly;
        this.minimumCount = minimumCount;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.PUBLIC_SUMMARY;
    }

    @Override
    public Prepared prepare(Actor actor, ReportRequest request) {
        ScopeFigures now = figures.of(actor, request);
        ScopeFigures before = figures.of(actor, request.previous());
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading("一、评价结果"));
        blocks.add(MonthlyAnalysisReport.headline(now.total(), before.total()));
        blocks.add(now.countyWide() ? monthly.campaignTable(now, before) : monthly.goalTable(now.dashboard()));
        blocks.add(new Heading("二、各乡镇评价结果"));
        blocks.add(new Paragraph("评价少于 " + minimumCount + " 条的乡镇不公布好评率，以保护评价人。"));
        blocks.add(towns(now));
        blocks.add(new Heading("三、差评主要原因"));
        blocks.add(MonthlyAnalysisReport.reasonTable(now.total(), MonthlyAnalysisReport.reasonNames(now)));
        blocks.add(new Heading("四、差评整改情况"));
        blocks.add(MonthlyAnalysisReport.handling(now.handling()));
        return new Prepared(new ReportDocument(titles.title(request, "好差评结果公开"), titles.subtitle(request), blocks), 0);
    }

    private Table towns(ScopeFigures now) {
        List<Object[]> rows = new ArrayList<>();
        for (CampaignDashboard.Slice town : now.towns()) {
            Tally tally = town.tally();
            boolean enough = tally.count() >= minimumCount;
            rows.add(new Object[] {town.name().zh(), tally.count(),
                    enough ? SatisfactionMetrics.goodRate(tally) : null, enough ? SatisfactionMetrics.badRate(tally) : null});
        }
        return new Table("各乡镇", List.of(Column.text("乡镇"), Column.count("有效评价"), Column.percent("好评率"),
                Column.percent("差评率")), RowSource.of(rows));
    }
}
