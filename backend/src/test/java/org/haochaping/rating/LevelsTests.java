package org.haochaping.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class LevelsTests {

    @Test
    void valid_levels_are_one_to_five() {
        assertThat(IntStream.rangeClosed(0, 6).filter(Levels::isValid)).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void bad_reviews_are_levels_one_and_two_and_good_reviews_three_to_five() {
        assertThat(IntStream.rangeClosed(1, 5).filter(Levels::isBad)).containsExactly(1, 2);
        assertThat(IntStream.rangeClosed(1, 5).filter(Levels::isGood)).containsExactly(3, 4, 5);
    }

    @Test
    void each_level_is_a_quarter_of_the_index_above_the_one_below() {
        assertThat(IntStream.rangeClosed(1, 5).mapToDouble(Levels::indexPoints)).containsExactly(0.0, 25.0, 50.0, 75.0, 100.0);
    }
}
