package org.haochaping.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IntervalTests {

    @Test
    void an_interval_contains_its_ends_and_what_lies_between_and_nothing_outside() {
        Interval interval = new Interval(25.5, 36.5);

        assertThat(interval.contains(25.5)).isTrue();
        assertThat(interval.contains(30)).isTrue();
        assertThat(interval.contains(36.5)).isTrue();
        assertThat(interval.contains(25.4)).isFalse();
        assertThat(interval.contains(36.6)).isFalse();
    }

    @Test
    void no_ratings_leave_the_share_anywhere_from_zero_to_a_hundred() {
        assertThat(Interval.wilson(0, 0)).isEqualTo(new Interval(0, 100));
    }

    @Test
    void half_of_a_hundred_gives_the_textbook_wilson_interval() {
        // p = 0.5, n = 100, z = 1.96: centre 0.5, half-width 0.0960 / 1.0384 = 0.0941 → 40.38% to 59.62%.
        Interval interval = Interval.wilson(50, 100);

        assertThat(interval.low()).isCloseTo(40.38, within(0.01));
        assertThat(interval.high()).isCloseTo(59.62, within(0.01));
    }

    @Test
    void one_of_ten_is_skewed_towards_the_middle_as_wilson_says() {
        // p = 0.1, n = 10: centre (0.1 + 0.1921) / 1.3841 = 0.2110, half 0.1931 → 1.79% to 40.42%.
        Interval interval = Interval.wilson(1, 10);

        assertThat(interval.low()).isCloseTo(1.79, within(0.01));
        assertThat(interval.high()).isCloseTo(40.42, within(0.01));
    }

    @Test
    void all_or_none_stay_within_zero_and_a_hundred() {
        // 0 of 10: the upper end is z² / (n + z²) = 3.8415 / 13.8415 = 27.75%.
        assertThat(Interval.wilson(0, 10).low()).isZero();
        assertThat(Interval.wilson(0, 10).high()).isCloseTo(27.75, within(0.01));
        assertThat(Interval.wilson(10, 10).low()).isCloseTo(72.25, within(0.01));
        assertThat(Interval.wilson(10, 10).high()).isCloseTo(100, within(1e-9));
    }
}
