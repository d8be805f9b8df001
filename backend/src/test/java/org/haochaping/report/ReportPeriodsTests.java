package org.haochaping.report;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

/** Which periods and formats a report may have. */
class ReportPeriodsTests {

    static final YearMonth NOW = YearMonth.of(2026, 11);

    @Test
    void whole_months_forwards_up_to_a_year_and_up_to_the_current_month_are_accepted() {
        assertThatCode(() -> ReportPeriods.check(request(NOW, NOW), NOW)).doesNotThrowAnyException();
        assertThatCode(() -> ReportPeriods.check(request(NOW.minusMonths(11), NOW), NOW)).as("twelve months").doesNotThrowAnyException();
        assertThatCode(() -> ReportPeriods.check(request(ReportPeriods.EARLIEST, ReportPeriods.EARLIEST), NOW)).doesNotThrowAnyException();
    }

    @Test
    void backwards_too_long_future_or_too_early_periods_are_refused() {
        refused(request(NOW, NOW.minusMonths(1)));
        refused(request(NOW.minusMonths(12), NOW));
        refused(request(NOW, NOW.plusMonths(1)));
        refused(request(ReportPeriods.EARLIEST.minusMonths(1), ReportPeriods.EARLIEST));
    }

    @Test
    void a_detail_has_no_pdf() {
        assertThatThrownBy(() -> ReportPeriods.check(new ReportRequest(ReportKind.RATING_DETAIL, "pm", NOW, NOW, ReportFormat.PDF), NOW))
                .isInstanceOf(ReportInputException.class).hasMessage("REPORT_FORMAT_NOT_OFFERED");
        assertThatCode(() -> ReportPeriods.check(new ReportRequest(ReportKind.RATING_DETAIL, "pm", NOW, NOW, ReportFormat.XLSX), NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void the_previous_period_is_as_long_and_just_before() {
        org.assertj.core.api.Assertions.assertThat(request(YearMonth.of(2026, 1), YearMonth.of(2026, 3)).previous())
                .isEqualTo(request(YearMonth.of(2025, 10), YearMonth.of(2025, 12)));
    }

    private static void refused(ReportRequest request) {
        assertThatThrownBy(() -> ReportPeriods.check(request, NOW)).as(request.periodLabel())
                .isInstanceOf(ReportInputException.class).hasMessage("REPORT_PERIOD_INVALID");
    }

    private static ReportRequest request(YearMonth from, YearMonth to) {
        return new ReportRequest(ReportKind.MONTHLY_ANALYSIS, "pm", from, to, ReportFormat.PDF);
    }
}
