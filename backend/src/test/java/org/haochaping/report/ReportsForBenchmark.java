package org.haochaping.report;

import java.time.YearMonth;

import org.haochaping.identity.Actor;
import org.haochaping.report.document.ReportDocument;
import org.springframework.context.ApplicationContext;

/**
 * The report contents as {@link ReportRunner} prepares them, opened to the benchmarks (test sources only):
 * {@code prepare} is package-private, as role and scope are checked by {@link ReportCenter} before it.
 */
public final class ReportsForBenchmark {

    private ReportsForBenchmark() {
    }

    /** A prepared document and how many table rows it expects (the figures' count for the scope and period). */
    public record Document(ReportDocument document, long expectedRows) {
    }

    /** 评价明细 of one campaign and month. */
    public static Document ratingDetail(ApplicationContext app, Actor actor, String campaign, YearMonth month, ReportFormat format) {
        return of(app.getBean(RatingDetailReport.class), actor, ReportRequest.month(ReportKind.RATING_DETAIL, campaign, month, format));
    }

    /** 月度满意度分析报告 of one campaign and month. */
    public static Document monthlyAnalysis(ApplicationContext app, Actor actor, String campaign, YearMonth month) {
        return of(app.getBean(MonthlyAnalysisReport.class), actor,
                ReportRequest.month(ReportKind.MONTHLY_ANALYSIS, campaign, month, ReportFormat.PDF));
    }

    private static Document of(ReportContent content, Actor actor, ReportRequest request) {
        ReportContent.Prepared prepared = content.prepare(actor, request);
        return new Document(prepared.document(), prepared.expectedRows());
    }
}
