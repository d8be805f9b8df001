package org.haochaping.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class FiguresTests {

    @Test
    void counts_have_thousands_separators() {
        assertThat(Figures.count(0)).isEqualTo("0");
        assertThat(Figures.count(999)).isEqualTo("999");
        assertThat(Figures.count(1_000)).isEqualTo("1,000");
        assertThat(Figures.count(1_234_567)).isEqualTo("1,234,567");
    }

    @Test
    void percentages_have_one_decimal_rounded_half_up_and_no_space_before_the_sign() {
        assertThat(Figures.percent(70.4)).isEqualTo("70.4%");
        assertThat(Figures.percent(70.35)).isEqualTo("70.4%");
        assertThat(Figures.percent(70.349)).isEqualTo("70.3%");
        assertThat(Figures.percent(100)).isEqualTo("100.0%");
        assertThat(Figures.percent(0)).isEqualTo("0.0%");
        assertThat(Figures.percent(200.0 / 3)).isEqualTo("66.7%");
    }

    @Test
    void a_percentage_that_rounds_to_zero_is_not_negative_and_no_number_is_a_dash() {
        assertThat(Figures.percent(-0.04)).isEqualTo("0.0%");
        assertThat(Figures.percent(Double.NaN)).isEqualTo("—");
    }

    @Test
    void a_range_joins_two_percentages() {
        assertThat(Figures.percentRange(62.08, 78)).isEqualTo("62.1% – 78.0%");
    }

    @Test
    void amounts_keep_their_decimals_drop_trailing_zeros_and_take_their_unit() {
        assertThat(Figures.amount(new BigDecimal("9400"), "户")).isEqualTo("9,400 户");
        assertThat(Figures.amount(new BigDecimal("12.50"), "亩")).isEqualTo("12.5 亩");
        assertThat(Figures.amount(new BigDecimal("10000.1234"), "平方米")).isEqualTo("10,000.1234 平方米");
        assertThat(Figures.amount(new BigDecimal("90.00"), "%")).isEqualTo("90%");
        assertThat(Figures.amount(new BigDecimal("1E+3"), "个")).isEqualTo("1,000 个");
        assertThat(Figures.amount(new BigDecimal("0.123456"), "%")).isEqualTo("0.1235%");
    }
}
