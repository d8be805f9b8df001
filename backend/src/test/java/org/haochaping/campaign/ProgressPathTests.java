package org.haochaping.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.haochaping.system.LocalizedText;
import org.junit.jupiter.api.Test;

class ProgressPathTests {

    static final Period YEAR = Period.calendarYear(2026);
    static final Goal HOUSEHOLDS = Goal.outcome("households", LocalizedText.of("户", "households"), Comparison.AT_LEAST,
            new BigDecimal("9400"), LocalizedText.of("户", "households"), null);
    static final Goal LAND = Goal.outcome("land", LocalizedText.of("土地", "land"), Comparison.AT_LEAST,
            new BigDecimal("400.5"), LocalizedText.of("亩", "mu"), null);
    static final Goal NO_ACCIDENTS = Goal.outcome("accidents", LocalizedText.of("事故", "accidents"), Comparison.AT_MOST,
            BigDecimal.ZERO, LocalizedText.of("起", "accidents"), null);
    static final List<LocalDate> MONTHS_TO_NOVEMBER_26 = DemoProgress.monthlyReportDays(YEAR, LocalDate.of(2026, 11, 26));

    @Test
    void the_same_random_gives_the_same_path_and_another_a_different_one() {
        assertThat(ProgressPath.of(HOUSEHOLDS, YEAR, MONTHS_TO_NOVEMBER_26, 1, new Random(7)))
                .isEqualTo(ProgressPath.of(HOUSEHOLDS, YEAR, MONTHS_TO_NOVEMBER_26, 1, new Random(7)))
                .isNotEqualTo(ProgressPath.of(HOUSEHOLDS, YEAR, MONTHS_TO_NOVEMBER_26, 1, new Random(8)));
    }

    @Test
    void progress_never_goes_back_never_passes_the_target_and_keeps_within_the_bounds() {
        for (long seed = 0; seed < 200; seed++) {
            List<BigDecimal> path = ProgressPath.of(HOUSEHOLDS, YEAR, MONTHS_TO_NOVEMBER_26, 1.3, new Random(seed));

            assertThat(path).hasSize(11).isSortedAccordingTo(BigDecimal::compareTo)
                    .allSatisfy(value -> assertThat(value).isBetween(BigDecimal.ZERO, HOUSEHOLDS.target()))
                    .allSatisfy(value -> assertThat(ProgressBounds.violation(value, HOUSEHOLDS)).isEmpty());
        }
    }

    @Test
    void the_last_report_stands_at_the_pace_times_the_straight_line_give_or_take_the_noise() {
        double straightLine = 9400 * 330.0 / 365;
        for (double pace : new double[] {0.5, 0.8, 1.05}) {
            double mean = java.util.stream.LongStream.range(0, 200)
                    .mapToDouble(seed -> ProgressPath.of(HOUSEHOLDS, YEAR, MONTHS_TO_NOVEMBER_26, pace, new Random(seed))
                            .getLast().doubleValue())
                    .average().orElseThrow();

            assertThat(mean).as("pace %s", pace).isCloseTo(pace * straightLine, within(0.04 * straightLine));
        }
    }

    @Test
    void it_is_an_s_curve_slow_in_the_first_months() {
        List<BigDecimal> path = ProgressPath.of(HOUSEHOLDS, YEAR, MONTHS_TO_NOVEMBER_26, 1, new Random(3));

        assertThat(path.get(2).doubleValue()).as("end of March, a quarter of the way").isLessThan(0.15 * 9400);
        assertThat(path.get(6).doubleValue()).as("end of July, past half-way").isGreaterThan(0.5 * 9400);
    }

    @Test
    void whole_targets_get_whole_figures_others_one_decimal() {
        assertThat(ProgressPath.of(HOUSEHOLDS, YEAR, MONTHS_TO_NOVEMBER_26, 1, new Random(1)))
                .allSatisfy(value -> assertThat(value.scale()).isZero());
        assertThat(ProgressPath.of(LAND, YEAR, MONTHS_TO_NOVEMBER_26, 1, new Random(1)))
                .allSatisfy(value -> assertThat(value.scale()).isEqualTo(1));
    }

    @Test
    void a_maximum_is_kept_at_zero_throughout() {
        assertThat(ProgressPath.of(NO_ACCIDENTS, YEAR, MONTHS_TO_NOVEMBER_26, 1.2, new Random(1)))
                .hasSize(11).allSatisfy(value -> assertThat(value).isZero());
    }

    @Test
    void reports_fall_on_each_month_end_up_to_today_and_none_before_the_start() {
        assertThat(MONTHS_TO_NOVEMBER_26).startsWith(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28))
                .endsWith(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 26));
        assertThat(DemoProgress.monthlyReportDays(YEAR, LocalDate.of(2025, 12, 20))).isEmpty();
        assertThat(DemoProgress.monthlyReportDays(new Period(LocalDate.of(2026, 11, 28), LocalDate.of(2027, 6, 30)),
                LocalDate.of(2026, 11, 26))).isEmpty();
        assertThat(DemoProgress.monthlyReportDays(YEAR, LocalDate.of(2027, 3, 1))).hasSize(12)
                .endsWith(LocalDate.of(2026, 12, 31));
    }
}
