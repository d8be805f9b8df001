package org.haochaping.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.haochaping.system.LocalizedText;
import org.junit.jupiter.api.Test;

class ProgressBoundsTests {

    static final LocalizedText TEXT = LocalizedText.of("示范小区", "Model compounds");

    @Test
    void zero_and_figures_with_up_to_four_decimal_places_are_fine() {
        assertThat(ProgressBounds.violation(BigDecimal.ZERO, target("2"))).isEmpty();
        assertThat(ProgressBounds.violation(new BigDecimal("1.2345"), target("2"))).isEmpty();
        assertThat(ProgressBounds.violation(new BigDecimal("1.500000"), target("2"))).isEmpty();
    }

    @Test
    void a_negative_figure_is_invalid() {
        assertThat(ProgressBounds.violation(new BigDecimal("-0.0001"), target("2"))).contains("INVALID_PROGRESS");
    }

    @Test
    void a_fifth_decimal_place_is_too_precise() {
        assertThat(ProgressBounds.violation(new BigDecimal("1.23451"), target("2"))).contains("PROGRESS_TOO_PRECISE");
    }

    @Test
    void a_figure_may_reach_a_thousand_times_the_target_and_no_more() {
        assertThat(ProgressBounds.violation(new BigDecimal("2000"), target("2"))).isEmpty();
        assertThat(ProgressBounds.violation(new BigDecimal("2000.0001"), target("2"))).contains("PROGRESS_TOO_LARGE");
    }

    @Test
    void a_tiny_or_zero_target_still_accepts_counts_up_to_a_thousand() {
        assertThat(ProgressBounds.ceiling(target("0"))).isEqualByComparingTo("1000");
        assertThat(ProgressBounds.ceiling(target("0.5"))).isEqualByComparingTo("1000");
        assertThat(ProgressBounds.ceiling(target("3"))).isEqualByComparingTo("3000");
    }

    @Test
    void no_figure_exceeds_a_trillion_whatever_the_target() {
        assertThat(ProgressBounds.ceiling(target("5e10"))).isEqualByComparingTo("1e12");
    }

    @Test
    void only_finite_numbers_are_figures() {
        assertThat(ProgressBounds.finite(2.5)).hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo("2.5"));
        assertThat(ProgressBounds.finite(Double.NaN)).isEmpty();
        assertThat(ProgressBounds.finite(Double.POSITIVE_INFINITY)).isEmpty();
        assertThat(ProgressBounds.finite(Double.NEGATIVE_INFINITY)).isEmpty();
    }

    private static Goal target(String target) {
        return Goal.outcome("model-compounds", TEXT, Comparison.AT_LEAST, new BigDecimal(target), TEXT, null);
    }
}
