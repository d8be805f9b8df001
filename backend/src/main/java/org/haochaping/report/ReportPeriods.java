package org.haochaping.report;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/** Which periods a report may cover: whole months, forwards, at most a year, none after the current month. Pure. */
final class ReportPeriods {

    static final int MAX_MONTHS = 12;
    /** Before this nothing was rated: the product's first campaigns start in 2025. */
    static final YearMonth EARLIEST = YearMonth.of(2020, 1);

    private ReportPeriods() {
    }

    static void check(ReportRequest request, YearMonth current) {
        if (!request.kind().offers(request.format())) {
            throw new ReportInputException("REPORT_FORMAT_NOT_OFFERED", request.format().name());
        }
        boolean valid = !request.from().isAfter(request.to()) && !request.from().isBefore(EARLIEST)
                && !request.to().isAfter(current)
                && request.from().until(request.to(), ChronoUnit.MONTHS) < MAX_MONTHS;
        if (!valid) {
            throw new ReportInputException("REPORT_PERIOD_INVALID", EARLIEST.toString(), current.toString(), MAX_MONTHS);
        }
    }
}
