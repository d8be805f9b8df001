package org.haochaping.campaign;

import org.haochaping.system.LocalizedText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class GoalTests {

    private static final LocalizedText HOUSEHOLDS = LocalizedText.of("户", "households");
    private static final LocalizedText TITLE = LocalizedText.of("解决登记问题", "Registrations solved");

    @Test
    void satisfaction_goal_is_a_minimum_good_review_rate_in_percent() {
        Goal goal = Goal.satisfaction("good-review-rate", new BigDecimal("90"));

        assertThat(goal.type()).isEqualTo(GoalType.SATISFACTION);
        assertThat(goal.isRate()).isTrue();
        assertThat(goal.isMetBy(new BigDecimal("90"))).isTrue();
        assertThat(goal.isMetBy(new BigDecimal("89.99"))).isFalse();
        assertThat(goal.unit().zh()).isEqualTo("%");
    }

    @Test
    void bad_review_limit_is_met_at_or_below_its_target() {
        Goal goal = Goal.badReviewLimit("bad-review-rate", new BigDecimal("5"));

        assertThat(goal.isMetBy(new BigDecimal("5"))).isTrue();
        assertThat(goal.isMetBy(new BigDecimal("5.1"))).isFalse();
    }

    @Test
    void rates_above_one_hundred_percent_are_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> Goal.satisfaction("x", new BigDecimal("100.5")));
    }

    @Test
    void a_satisfaction_goal_cannot_be_a_maximum() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Goal("x", GoalType.SATISFACTION, TITLE,
                BigDecimal.TEN, Comparison.AT_MOST, LocalizedText.of("%", "%"), null, null));
    }

    @Test
    void participation_goal_counts_ratings_or_residents_in_whole_numbers() {
        Goal residents = Goal.participation("residents", ParticipationMeasure.RESIDENTS, 500);

        assertThat(residents.measure()).isEqualTo(ParticipationMeasure.RESIDENTS);
        assertThat(residents.unit().zh()).isEqualTo("人");
        assertThatIllegalArgumentException().isThrownBy(() -> new Goal("x", GoalType.PARTICIPATION, TITLE,
                new BigDecimal("10.5"), Comparison.AT_LEAST, HOUSEHOLDS, ParticipationMeasure.RATINGS, null))
                .withMessage("A participation target is a positive whole number: 10.5");
        assertThatIllegalArgumentException().isThrownBy(() -> new Goal("x", GoalType.PARTICIPATION, TITLE,
                BigDecimal.TEN, Comparison.AT_LEAST, HOUSEHOLDS, null, null));
    }

    @Test
    void outcome_goal_keeps_its_unit_and_is_due_at_the_campaign_end_unless_it_has_a_deadline() {
        Period year = Period.calendarYear(2026);
        Goal households = Goal.outcome("households", TITLE, Comparison.AT_LEAST, new BigDecimal("9400"), HOUSEHOLDS, null);
        Goal early = Goal.outcome("early", TITLE, Comparison.AT_LEAST, BigDecimal.ONE, HOUSEHOLDS, LocalDate.of(2026, 6, 30));

        assertThat(households.unit()).isEqualTo(HOUSEHOLDS);
        assertThat(households.dueIn(year)).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(early.dueIn(year)).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(households.isMetBy(new BigDecimal("9399"))).isFalse();
        assertThat(households.isMetBy(new BigDecimal("9400"))).isTrue();
    }

    @Test
    void a_zero_tolerance_outcome_is_met_only_at_zero() {
        Goal accidents = Goal.outcome("accidents", TITLE, Comparison.AT_MOST, BigDecimal.ZERO, HOUSEHOLDS, null);

        assertThat(accidents.isMetBy(BigDecimal.ZERO)).isTrue();
        assertThat(accidents.isMetBy(BigDecimal.ONE)).isFalse();
    }

    @Test
    void negative_targets_and_badly_formed_codes_are_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                Goal.outcome("x", TITLE, Comparison.AT_LEAST, new BigDecimal("-1"), HOUSEHOLDS, null))
                .withMessage("A goal's target cannot be negative: -1");
        assertThatIllegalArgumentException().isThrownBy(() ->
                Goal.outcome("Not A Code", TITLE, Comparison.AT_LEAST, BigDecimal.ONE, HOUSEHOLDS, null))
                .withMessage("A goal code is lower-case words joined by '-': Not A Code");
    }

    @Test
    void only_outcome_goals_have_a_deadline() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Goal("x", GoalType.SATISFACTION, TITLE,
                BigDecimal.TEN, Comparison.AT_LEAST, LocalizedText.of("%", "%"), null, LocalDate.of(2026, 1, 1)));
    }

    @Test
    void a_rate_may_be_exactly_one_hundred_percent() {
        assertThat(Goal.satisfaction("all-good", new BigDecimal("100")).target()).isEqualByComparingTo("100");
        assertThatIllegalArgumentException().isThrownBy(() -> Goal.badReviewLimit("x", new BigDecimal("100.01")))
                .withMessage("A rate is a percentage from 0 to 100: 100.01");
    }

    @Test
    void a_bad_review_limit_cannot_be_a_minimum() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Goal("x", GoalType.BAD_REVIEW_LIMIT, TITLE,
                BigDecimal.TEN, Comparison.AT_LEAST, LocalizedText.of("%", "%"), null, null))
                .withMessage("This rate goal is AT_MOST");
    }

    @Test
    void participation_is_a_minimum() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Goal("x", GoalType.PARTICIPATION, TITLE,
                BigDecimal.TEN, Comparison.AT_MOST, HOUSEHOLDS, ParticipationMeasure.RATINGS, null))
                .withMessage("A participation goal is a minimum");
    }

    @Test
    void a_participation_target_is_at_least_one() {
        assertThat(Goal.participation("ratings", ParticipationMeasure.RATINGS, 1).target()).isEqualByComparingTo("1");
        assertThat(Goal.participation("ratings", ParticipationMeasure.RATINGS, 7).target()).isEqualByComparingTo("7");
        assertThatIllegalArgumentException().isThrownBy(() -> Goal.participation("ratings", ParticipationMeasure.RATINGS, 0))
                .withMessage("A participation target is a positive whole number: 0");
    }

    @Test
    void a_participation_goal_counting_ratings_says_so_in_its_title_and_unit() {
        Goal ratings = Goal.participation("ratings", ParticipationMeasure.RATINGS, 1000);

        assertThat(ratings.title()).isEqualTo(LocalizedText.of("评价数", "Ratings"));
        assertThat(ratings.unit()).isEqualTo(LocalizedText.of("条", "ratings"));
    }

    @Test
    void only_participation_goals_have_a_measure() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Goal("x", GoalType.OUTCOME, TITLE, BigDecimal.ONE,
                Comparison.AT_LEAST, HOUSEHOLDS, ParticipationMeasure.RATINGS, null))
                .withMessage("Only participation goals have a measure");
    }

    @Test
    void only_satisfaction_and_bad_review_goals_are_rates() {
        assertThat(Goal.satisfaction("good", BigDecimal.TEN).isRate()).isTrue();
        assertThat(Goal.badReviewLimit("bad", BigDecimal.TEN).isRate()).isTrue();
        assertThat(Goal.participation("ratings", ParticipationMeasure.RATINGS, 10).isRate()).isFalse();
        assertThat(Goal.outcome("households", TITLE, Comparison.AT_LEAST, BigDecimal.TEN, HOUSEHOLDS, null).isRate()).isFalse();
    }

    @Test
    void a_goal_without_one_of_its_parts_is_refused_with_a_message_naming_it() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Goal(" ", GoalType.OUTCOME, TITLE, BigDecimal.ONE,
                Comparison.AT_LEAST, HOUSEHOLDS, null, null)).withMessage("A goal needs a code");
        assertThatIllegalArgumentException().isThrownBy(() -> new Goal("x", null, TITLE, BigDecimal.ONE,
                Comparison.AT_LEAST, HOUSEHOLDS, null, null)).withMessage("A goal needs a type");
        assertThatIllegalArgumentException().isThrownBy(() -> new Goal("x", GoalType.OUTCOME, null, BigDecimal.ONE,
                Comparison.AT_LEAST, HOUSEHOLDS, null, null)).withMessage("A goal needs a title");
        assertThatIllegalArgumentException().isThrownBy(() -> new Goal("x", GoalType.OUTCOME, TITLE, null,
                Comparison.AT_LEAST, HOUSEHOLDS, null, null)).withMessage("A goal needs a target");
        assertThatIllegalArgumentException().isThrownBy(() -> new Goal("x", GoalType.OUTCOME, TITLE, BigDecimal.ONE,
                null, HOUSEHOLDS, null, null)).withMessage("A goal needs a comparison");
        assertThatIllegalArgumentException().isThrownBy(() -> new Goal("x", GoalType.OUTCOME, TITLE, BigDecimal.ONE,
                Comparison.AT_LEAST, null, null, null)).withMessage("A goal needs a unit");
    }

    @Test
    void revising_the_target_keeps_the_rules_of_the_type() {
        Goal goal = Goal.satisfaction("good-review-rate", new BigDecimal("90"));

        assertThat(goal.withTarget(new BigDecimal("95")).target()).isEqualByComparingTo("95");
        assertThatIllegalArgumentException().isThrownBy(() -> goal.withTarget(new BigDecimal("101")));
    }
}
