package org.haochaping.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SatisfactionMetricsTests {

    @Test
    void no_ratings_give_zero_rates_not_a_division_by_zero() {
        assertThat(SatisfactionMetrics.goodRate(Tally.EMPTY)).isZero();
        assertThat(SatisfactionMetrics.badRate(Tally.EMPTY)).isZero();
        assertThat(SatisfactionMetrics.satisfactionIndex(Tally.EMPTY)).isZero();
    }

    @Test
    void good_rate_counts_levels_three_to_five_and_bad_rate_levels_one_and_two() {
        Tally tally = levels(Map.of("5", 50L, "4", 20L, "3", 10L, "2", 15L, "1", 5L));

        assertThat(SatisfactionMetrics.goodRate(tally)).isCloseTo(80.0, within(1e-9));
        assertThat(SatisfactionMetrics.badRate(tally)).isCloseTo(20.0, within(1e-9));
    }

    @Test
    void the_index_is_the_mean_of_level_minus_one_over_four_times_a_hundred() {
        assertThat(SatisfactionMetrics.satisfactionIndex(levels(Map.of("5", 1L)))).isEqualTo(100.0);
        assertThat(SatisfactionMetrics.satisfactionIndex(levels(Map.of("1", 1L)))).isEqualTo(0.0);
        assertThat(SatisfactionMetrics.satisfactionIndex(levels(Map.of("5", 1L, "3", 1L)))).isEqualTo(75.0);
    }

    @Test
    void all_bad_reviews_make_a_hundred_percent_bad_rate() {
        Tally tally = levels(Map.of("1", 7L, "2", 3L));

        assertThat(SatisfactionMetrics.badRate(tally)).isEqualTo(100.0);
        assertThat(SatisfactionMetrics.goodRate(tally)).isZero();
    }

    @Test
    void the_active_good_rate_counts_only_ratings_residents_gave_themselves() {
        Tally tally = new Tally(Map.of("5", 10L, "2", 10L), Map.of("2", 10L), Map.of(), Map.of(), Map.of(), Map.of());

        assertThat(SatisfactionMetrics.goodRate(tally)).isEqualTo(50.0);
        assertThat(SatisfactionMetrics.activeGoodRate(tally)).isZero();
    }

    @Test
    void the_active_good_rate_is_good_reviews_over_all_ratings_residents_gave_themselves() {
        // residents: 3 at level 5, 2 at level 3, 1 at level 2, 2 at level 1 → 5 good of 8 = 62.5%; staff added 12 at level 1
        Tally tally = new Tally(Map.of("5", 3L, "3", 2L, "2", 1L, "1", 14L), Map.of("5", 3L, "3", 2L, "2", 1L, "1", 2L),
                Map.of(), Map.of(), Map.of(), Map.of());

        assertThat(SatisfactionMetrics.activeGoodRate(tally)).isEqualTo(62.5);
        assertThat(SatisfactionMetrics.goodRate(tally)).isEqualTo(25.0);
        assertThat(SatisfactionMetrics.activeGoodRate(Tally.EMPTY)).isZero();
    }

    @Test
    void indicator_averages_divide_each_sum_by_the_ratings_that_scored_it() {
        Tally tally = new Tally(Map.of("4", 4L), Map.of(), Map.of(), Map.of(), Map.of("speed", 14L, "manner", 9L),
                Map.of("speed", 4L, "manner", 2L));

        assertThat(SatisfactionMetrics.indicatorAverages(tally)).containsOnly(Map.entry("speed", 3.5), Map.entry("manner", 4.5));
    }

    @Test
    void top_bad_reasons_are_the_most_frequent_first_ties_by_code_and_cut_at_the_limit() {
        Tally tally = new Tally(Map.of("1", 9L), Map.of(), Map.of(),
                Map.of("slow", 2L, "rude", 5L, "dirty", 2L, "noisy", 1L), Map.of(), Map.of());

        assertThat(SatisfactionMetrics.topBadReasons(tally, 3)).containsExactly(Map.entry("rude", 5L), Map.entry("dirty", 2L),
                Map.entry("slow", 2L));
    }

    @Test
    void tallies_add_up_field_by_field() {
        Tally a = new Tally(Map.of("5", 1L), Map.of("5", 1L), Map.of("clean", 1L), Map.of(), Map.of("overall", 5L), Map.of("overall", 1L));
        Tally b = new Tally(Map.of("2", 1L), Map.of("2", 1L), Map.of(), Map.of("dirty", 1L), Map.of("overall", 2L), Map.of("overall", 1L));

        Tally sum = a.plus(b);

        assertThat(sum.count()).isEqualTo(2);
        assertThat(SatisfactionMetrics.indicatorAverages(sum)).containsEntry("overall", 3.5);
        assertThat(SatisfactionMetrics.topBadReasons(sum, 3)).extracting(Map.Entry::getKey).containsExactly("dirty");
    }

    private static Tally levels(Map<String, Long> levels) {
        return new Tally(levels, levels, Map.of(), Map.of(), Map.of(), Map.of());
    }
}
