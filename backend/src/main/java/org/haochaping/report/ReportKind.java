package org.haochaping.report;

import java.util.EnumSet;
import java.util.Set;

/** What a report holds, and the formats it comes in. */
public enum ReportKind {
    /** 月度满意度分析报告: headline figures, change, trend, rankings, reasons, handling, narrative. */
    MONTHLY_ANALYSIS(EnumSet.allOf(ReportFormat.class)),
    /** 评价明细: one row per rating, pseudonymised; SUPERVISORs and AUDITORs only. No PDF: it may hold millions of rows. */
    RATING_DETAIL(EnumSet.of(ReportFormat.XLSX, ReportFormat.CSV)),
    /** 整改台账: one row per 差评 case with deadlines, disposition, evidence and outcome. */
    CASE_LEDGER(EnumSet.allOf(ReportFormat.class)),
    /** 公开版: the figures only, no personal data, fit for the county's website. */
    PUBLIC_SUMMARY(EnumSet.allOf(ReportFormat.class));

    private final Set<ReportFormat> formats;

    ReportKind(Set<ReportFormat> formats) {
        this.formats = formats;
    }

    public Set<ReportFormat> formats() {
        return EnumSet.copyOf(formats);
    }

    public boolean offers(ReportFormat format) {
        return formats.contains(format);
    }
}
