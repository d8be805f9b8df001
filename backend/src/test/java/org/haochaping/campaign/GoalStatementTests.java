package org.haochaping.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.haochaping.system.LocalizedText;
import org.junit.jupiter.api.Test;

/** A goal as the console and the reports write it: its title, the sign of its comparison, the target in its unit. */
class GoalStatementTests {

    @Test
    void a_minimum_rate_reads_with_at_least_and_a_percent() {
        assertThat(GoalStatement.of(Goal.satisfaction("satisfaction", new BigDecimal("90")))).isEqualTo("好评率 ≥ 90%");
    }

    @Test
    void a_maximum_rate_reads_with_at_most() {
        assertThat(GoalStatement.target(Goal.badReviewLimit("bad-reviews", new BigDecimal("5")))).isEqualTo("≤ 5%");
    }

    @Test
    void an_outcome_reads_in_its_unit_with_thousands_separated() {
        Goal households = Goal.outcome("households", LocalizedText.of("解决不动产登记遗留问题的居民", "Households"),
                Comparison.AT_LEAST, new BigDecimal("9400"), LocalizedText.of("户", "households"), null);

        assertThat(GoalStatement.of(households)).isEqualTo("解决不动产登记遗留问题的居民 ≥ 9,400 户");
        assertThat(GoalStatement.target(households)).isEqualTo("≥ 9,400 户");
    }
}
