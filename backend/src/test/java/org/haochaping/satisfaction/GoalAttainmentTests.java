package org.haochaping.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.haochaping.campaign.Comparison;
import org.haochaping.campaign.Goal;
import org.haochaping.campaign.ParticipationMeasure;
import org.haochaping.campaign.Period;
import org.haochaping.system.LocalizedText;
import org.junit.jupiter.api.Test;

class GoalAttainmentTests {

    static final Period YEAR = Period.calendarYear(2026);
    static final LocalDate MID_YEAR = LocalDate.of(2026, 7, 2);
    static final Goal GOOD_90 = Goal.satisfaction("good", new BigDecimal("90"));
    static final Goal BAD_5 = Goal.badReviewLimit("bad", new BigDecimal("5"));
    static final Goal HOUSEHOLDS = Goal.outcome("households", LocalizedText.of("户", "households"), Comparison.AT_LEAST,
            new BigDecimal("9400"), LocalizedText.of("户", "households"), null);
    static final Goal NO_ACCIDENTS = Goal.outcome("accidents", LocalizedText.of("事故", "accidents"), Comparison.AT_MOST,
            BigDecimal.ZERO, LocalizedText.of("起", "accidents"), null);

    final GoalAttainment attainment = new GoalAttainment(30);

    @Test
    void no_ratings_is_insufficient_not_a_failure() {
        GoalAttainment.Evaluation evaluation = attainment.evaluate(GOOD_90, YEAR, Tally.EMPTY, null, null, MID_YEAR);

        assertThat(evaluation.status()).isEqualTo(AttainmentStatus.INSUFFICIENT_DATA);
        assertThat(evaluation.value()).isNull();
        assertThat(evaluation.interval()).isNull();
        assertThat(evaluation.sample()).isZero();
    }

    @Test
    void an_outcome_without_any_progress_report_says_so_whatever_the_ratings() {
        GoalAttainment.Evaluation unreported = attainment.evaluate(HOUSEHOLDS, YEAR, levels(500, 20), 300L, null, MID_YEAR);

        assertThat(unreported).isEqualTo(new GoalAttainment.Evaluation(HOUSEHOLDS, null,
                AttainmentStatus.NO_PROGRESS_REPORTED, null, 0));
        assertThat(attainment.evaluate(NO_ACCIDENTS, YEAR, Tally.EMPTY, null, null, MID_YEAR).status())
                .isEqualTo(AttainmentStatus.NO_PROGRESS_REPORTED);
    }

    @Test
    void a_sample_just_under_the_minimum_is_insufficient_and_at_the_minimum_it_is_judged() {
        assertThat(attainment.evaluate(GOOD_90, YEAR, levels(29, 0), null, null, MID_YEAR).status())
                .isEqualTo(AttainmentStatus.INSUFFICIENT_DATA);
        assertThat(attainment.evaluate(GOOD_90, YEAR, levels(30, 0), null, null, MID_YEAR).status())
                .as("30 of 30: the estimate is 100%, the cautious end 88.6%").isEqualTo(AttainmentStatus.ON_TRACK);
    }

    @Test
    void all_bad_reviews_are_off_track_on_both_rate_goals() {
        Tally allBad = levels(0, 200);

        assertThat(attainment.evaluate(GOOD_90, YEAR, allBad, null, null, MID_YEAR).status()).isEqualTo(AttainmentStatus.OFF_TRACK);
        assertThat(attainment.evaluate(BAD_5, YEAR, allBad, null, null, MID_YEAR).status()).isEqualTo(AttainmentStatus.OFF_TRACK);
        assertThat(attainment.evaluate(BAD_5, YEAR, allBad, null, null, MID_YEAR).value()).isEqualByComparingTo("100");
    }

    @Test
    void a_rate_exactly_at_its_target_is_on_track_until_the_interval_clears_it() {
        GoalAttainment.Evaluation exactly = attainment.evaluate(GOOD_90, YEAR, levels(90, 10), null, null, MID_YEAR);

        assertThat(exactly.value()).isEqualByComparingTo("90");
        assertThat(exactly.status()).isEqualTo(AttainmentStatus.ON_TRACK);
        assertThat(exactly.interval().contains(90)).isTrue();
        assertThat(attainment.evaluate(GOOD_90, YEAR, levels(9_900, 100), null, null, MID_YEAR).status())
                .isEqualTo(AttainmentStatus.MET);
    }

    @Test
    void a_rate_just_below_target_is_at_risk_while_the_interval_reaches_it_and_off_track_once_it_does_not() {
        assertThat(attainment.evaluate(GOOD_90, YEAR, levels(85, 15), null, null, MID_YEAR).status())
                .isEqualTo(AttainmentStatus.AT_RISK);
        assertThat(attainment.evaluate(GOOD_90, YEAR, levels(8_500, 1_500), null, null, MID_YEAR).status())
                .isEqualTo(AttainmentStatus.OFF_TRACK);
    }

    @Test
    void the_wilson_interval_matches_the_textbook_values() {
        Interval interval = Interval.wilson(81, 263);

        assertThat(interval.low()).isCloseTo(25.53, within(0.01));
        assertThat(interval.high()).isCloseTo(36.62, within(0.01));
        assertThat(Interval.wilson(0, 10).low()).isZero();
        assertThat(Interval.wilson(10, 10).high()).isCloseTo(100, within(1e-9));
    }

    @Test
    void an_outcome_is_judged_against_the_straight_line_to_its_deadline() {
        ProgressReport onLine = new ProgressReport(new BigDecimal("4750"), MID_YEAR);
        ProgressReport behind = new ProgressReport(new BigDecimal("4000"), MID_YEAR);
        ProgressReport farBehind = new ProgressReport(new BigDecimal("2000"), MID_YEAR);

        assertThat(attainment.evaluate(HOUSEHOLDS, YEAR, Tally.EMPTY, null, onLine, MID_YEAR).status()).isEqualTo(AttainmentStatus.ON_TRACK);
        assertThat(attainment.evaluate(HOUSEHOLDS, YEAR, Tally.EMPTY, null, behind, MID_YEAR).status()).isEqualTo(AttainmentStatus.AT_RISK);
        assertThat(attainment.evaluate(HOUSEHOLDS, YEAR, Tally.EMPTY, null, farBehind, MID_YEAR).status()).isEqualTo(AttainmentStatus.OFF_TRACK);
    }

    @Test
    void an_outcome_exactly_at_its_target_is_met_and_a_passed_deadline_without_it_is_off_track() {
        ProgressReport reached = new ProgressReport(new BigDecimal("9400"), LocalDate.of(2026, 11, 30));
        ProgressReport lateAndShort = new ProgressReport(new BigDecimal("9399"), LocalDate.of(2027, 1, 10));

        assertThat(attainment.evaluate(HOUSEHOLDS, YEAR, Tally.EMPTY, null, reached, LocalDate.of(2026, 12, 1)).status())
                .isEqualTo(AttainmentStatus.MET);
        assertThat(attainment.evaluate(HOUSEHOLDS, YEAR, Tally.EMPTY, null, lateAndShort, LocalDate.of(2027, 1, 10)).status())
                .isEqualTo(AttainmentStatus.OFF_TRACK);
    }

    @Test
    void a_maximum_is_on_track_while_kept_met_after_the_deadline_and_off_track_once_broken() {
        ProgressReport none = new ProgressReport(BigDecimal.ZERO, MID_YEAR);

        assertThat(attainment.evaluate(NO_ACCIDENTS, YEAR, Tally.EMPTY, null, none, MID_YEAR).status()).isEqualTo(AttainmentStatus.ON_TRACK);
        assertThat(attainment.evaluate(NO_ACCIDENTS, YEAR, Tally.EMPTY, null, new ProgressReport(BigDecimal.ZERO,
                LocalDate.of(2027, 1, 2)), LocalDate.of(2027, 1, 2)).status()).isEqualTo(AttainmentStatus.MET);
        assertThat(attainment.evaluate(NO_ACCIDENTS, YEAR, Tally.EMPTY, null, new ProgressReport(BigDecimal.ONE, MID_YEAR),
                MID_YEAR).status()).isEqualTo(AttainmentStatus.OFF_TRACK);
    }

    @Test
    void participation_counts_ratings_on_the_same_straight_line() {
        Goal thousand = Goal.participation("ratings", ParticipationMeasure.RATINGS, 1000);

        assertThat(attainment.evaluate(thousand, YEAR, levels(600, 0), null, null, MID_YEAR).status()).isEqualTo(AttainmentStatus.ON_TRACK);
        assertThat(attainment.evaluate(thousand, YEAR, levels(1000, 0), null, null, MID_YEAR).status()).isEqualTo(AttainmentStatus.MET);
        assertThat(attainment.evaluate(Goal.participation("people", ParticipationMeasure.RESIDENTS, 10), YEAR, levels(5, 0),
                null, null, MID_YEAR).status()).isEqualTo(AttainmentStatus.INSUFFICIENT_DATA);
    }

    @Test
    void a_small_sample_still_shows_its_rate_and_interval() {
        GoalAttainment.Evaluation evaluation = attainment.evaluate(GOOD_90, YEAR, levels(4, 1), null, null, MID_YEAR);

        assertThat(evaluation.status()).isEqualTo(AttainmentStatus.INSUFFICIENT_DATA);
        assertThat(evaluation.value()).isEqualByComparingTo("80.00");
        assertThat(evaluation.interval().low()).isCloseTo(37.55, within(0.01));
        assertThat(evaluation.interval().high()).isCloseTo(96.38, within(0.01));
        assertThat(evaluation.sample()).isEqualTo(5);
    }

    @Test
    void an_outcome_on_the_line_is_on_track_and_at_four_fifths_of_it_at_risk() {
        // ten days, 100 due on the tenth: on day five the line stands at 50 and four fifths of it at 40
        Period tenDays = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 10));
        LocalDate dayFive = LocalDate.of(2026, 1, 5);
        Goal hundred = HOUSEHOLDS.withTarget(new BigDecimal("100"));

        assertThat(outcome(hundred, tenDays, "50", dayFive)).isEqualTo(AttainmentStatus.ON_TRACK);
        assertThat(outcome(hundred, tenDays, "49.99", dayFive)).isEqualTo(AttainmentStatus.AT_RISK);
        assertThat(outcome(hundred, tenDays, "40", dayFive)).isEqualTo(AttainmentStatus.AT_RISK);
        assertThat(outcome(hundred, tenDays, "39.99", dayFive)).isEqualTo(AttainmentStatus.OFF_TRACK);
    }

    @Test
    void a_progress_report_is_judged_on_its_own_date_and_a_future_date_as_of_today() {
        // ten days, 100 due on the tenth: 50 is on the line on day five, far behind it on day eight or nine
        Period tenDays = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 10));
        Goal hundred = HOUSEHOLDS.withTarget(new BigDecimal("100"));
        ProgressReport fiftyOnDayFive = new ProgressReport(new BigDecimal("50"), LocalDate.of(2026, 1, 5));
        ProgressReport fiftyDatedDayNine = new ProgressReport(new BigDecimal("50"), LocalDate.of(2026, 1, 9));

        assertThat(attainment.evaluate(hundred, tenDays, Tally.EMPTY, null, fiftyOnDayFive, LocalDate.of(2026, 1, 8)).status())
                .isEqualTo(AttainmentStatus.ON_TRACK);
        assertThat(attainment.evaluate(hundred, tenDays, Tally.EMPTY, null, fiftyDatedDayNine, LocalDate.of(2026, 1, 5)).status())
                .isEqualTo(AttainmentStatus.ON_TRACK);
    }

    @Test
    void participation_by_residents_counts_the_residents_not_the_ratings() {
        Goal tenResidents = Goal.participation("people", ParticipationMeasure.RESIDENTS, 10);

        GoalAttainment.Evaluation evaluation = attainment.evaluate(tenResidents, YEAR, levels(5, 0), 10L, null, MID_YEAR);

        assertThat(evaluation.status()).isEqualTo(AttainmentStatus.MET);
        assertThat(evaluation.value()).isEqualByComparingTo("10");
        assertThat(evaluation.sample()).isEqualTo(5);
    }

    @Test
    void elapsed_share_counts_days_from_start_to_deadline() {
        assertThat(GoalAttainment.elapsedShare(YEAR.start(), YEAR.end(), YEAR.start())).isCloseTo(1 / 365.0, within(1e-9));
        assertThat(GoalAttainment.elapsedShare(YEAR.start(), YEAR.end(), YEAR.end())).isEqualTo(1.0);
        assertThat(GoalAttainment.elapsedShare(YEAR.start(), YEAR.end(), LocalDate.of(2025, 12, 1))).isZero();
    }

    private AttainmentStatus outcome(Goal goal, Period period, String value, LocalDate day) {
        return attainment.evaluate(goal, period, Tally.EMPTY, null, new ProgressReport(new BigDecimal(value), day), day).status();
    }

    /** {@code good} ratings at level 4 and {@code bad} at level 1. */
    private static Tally levels(long good, long bad) {
        Map<String, Long> levels = new java.util.HashMap<>();
        if (good > 0) {
            levels.put("4", good);
        }
        if (bad > 0) {
            levels.put("1", bad);
        }
        return new Tally(levels, levels, Map.of(), Map.of(), Map.of(), Map.of());
    }
}
