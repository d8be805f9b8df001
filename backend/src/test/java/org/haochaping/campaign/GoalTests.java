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
                new BigDecimal("10.5"), Comparison.AT_LEAST, HOUSEHOLDS, ParticipationMeasure.RATINGS, null));
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
                Goal.outcome("x", TITLE, Comparison.AT_LEAST, new BigDecimal("-1"), HOUSEHOLDS, null));
        assertThatIllegalArgumentException().isThrownBy(() ->
                Goal.outcome("Not A Code", TITLE, Comparison.AT_LEAST, BigDecimal.ONE, HOUSEHOLDS, null));
    }

    @Test
    void only_outcome_goals_have_a_deadline() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Goal("x", GoalType.SATISFACTION, TITLE,
                BigDecimal.TEN, Comparison.AT_LEAST, LocalizedText.of("%", "%"), null, LocalDate.of(2026, 1, 1)));
    }

    @Test
    void revising_the_target_keeps_the_rules_of_the_type() {
        Goal goal = Goal.satisfaction("good-review-rate", new BigDecimal("90"));

        assertThat(goal.withTarget(new BigDecimal("95")).target()).isEqualByComparingTo("95");
        assertThatIllegalArgumentException().isThrownBy(() -> goal.withTarget(new BigDecimal("101")));
    }
}
