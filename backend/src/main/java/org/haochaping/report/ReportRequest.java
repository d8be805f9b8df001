package org.haochaping.report;

import java.time.LocalDate;
import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

/**
 * What to report on: a kind, a scope (one campaign, or the county when {@code campaignCode} is null),
 * whole calendar months {@code from}..{@code to} in county time, and a format.
 */
public record ReportRequest(ReportKind kind, @Nullable String campaignCode, YearMonth from, YearMonth to,
        ReportFormat format) {

    public static ReportRequest month(ReportKind kind, @Nullable String campaignCode, YearMonth month, ReportFormat format) {
        return new ReportRequest(kind, campaignCode, month, month, format);
    }

    public boolean countyWide() {
        return campaignCode == null;
    }

    public LocalDate firstDay() {
        return from.atDay(1);
    }

    public LocalDate lastDay() {
        return to.atEndOfMonth();
    }

    /** The same span of months just before this one: what "较上月" compares with. */
    public ReportRequest previous() {
        long months = from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1;
        return new ReportRequest(kind, campaignCode, from.minusMonths(months), to.minusMonths(months), format);
    }

    /** "2026-10" for one month, "2026-09至2026-10" for several: in file names, audit entries and subtitles. */
    public String periodLabel() {
        return from.equals(to) ? from.toString() : from + "至" + to;
    }

    /** "campaign:CODE" or "county": the audit log's target. */
    public String scopeLabel() {
        return campaignCode == null ? "county" : "campaign:" + campaignCode;
    }
}
