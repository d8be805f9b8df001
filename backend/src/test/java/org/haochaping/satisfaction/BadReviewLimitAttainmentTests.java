package org.haochaping.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.haochaping.campaign.Goal;
import org.haochaping.campaign.Period;
import org.junit.jupiter.api.Test;

/** 差评率 ≤ 5%: the rate counts levels 1 and 2 together, and the interval's low end is the hopeful one. */
class BadReviewLimitAttainmentTests {

    static final Goal BAD_5 = Goal.badReviewLimit("bad-review-rate", new BigDecimal("5"));
    static final Period YEAR = Period.calendarYear(2026);

    final GoalAttainment attainment = new GoalAttainment(30);

    @Test
    void a_bad_rate_whose_whole_interval_is_under_the_limit_is_met() {
        // 60 + 40 bad of 10,000 = 1.00%; the interval reaches 1.21% at most
        GoalAttainment.Evaluation evaluation = evaluate(byLevel(60, 40, 3_300, 3_300, 3_300));

        assertThat(evaluation.value()).isEqualByComparingTo("1.00");
        assertThat(evaluation.status()).isEqualTo(AttainmentStatus.MET);
        assertThat(evaluation.sample()).isEqualTo(10_000);
    }

    @Test
    void a_bad_rate_exactly_at_the_limit_is_on_track() {
        // 2 + 3 bad of 100 = 5.00%; the interval's high end, 11.2%, is over the limit
        GoalAttainment.Evaluation evaluation = evaluate(byLevel(2, 3, 30, 35, 30));

        assertThat(evaluation.value()).isEqualByComparingTo("5.00");
        assertThat(evaluation.status()).isEqualTo(AttainmentStatus.ON_TRACK);
    }

    @Test
    void a_bad_rate_over_the_limit_is_at_risk_while_the_interval_reaches_under_it() {
        // 3 + 4 bad of 100 = 7.00%; the interval starts at 3.4%
        GoalAttainment.Evaluation evaluation = evaluate(byLevel(3, 4, 31, 31, 31));

        assertThat(evaluation.value()).isEqualByComparingTo("7.00");
        assertThat(evaluation.status()).isEqualTo(AttainmentStatus.AT_RISK);
    }

    @Test
    void a_bad_rate_whose_whole_interval_is_over_the_limit_is_off_track() {
        // 400 + 300 bad of 10,000 = 7.00%; the interval starts at 6.5%
        GoalAttainment.Evaluation evaluation = evaluate(byLevel(400, 300, 3_100, 3_100, 3_100));

        assertThat(evaluation.value()).isEqualByComparingTo("7.00");
        assertThat(evaluation.status()).isEqualTo(AttainmentStatus.OFF_TRACK);
    }

    private GoalAttainment.Evaluation evaluate(Tally tally) {
        return attainment.evaluate(BAD_5, YEAR, tally, null, null, YEAR.start().plusDays(100));
    }

    private static Tally byLevel(long one, long two, long three, long four, long five) {
        Map<String, Long> levels = Map.of("1", one, "2", two, "3", three, "4", four, "5", five);
        return new Tally(levels, levels, Map.of(), Map.of(), Map.of(), Map.of());
    }
}
