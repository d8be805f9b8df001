package org.haochaping.badreview.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.haochaping.system.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** What a year's arrangement must be; each broken rule has its own stable code. */
class ArrangementRulesTests {

    static final List<LocalDate> NEW_YEAR = List.of(LocalDate.parse("2027-01-01"));

    @Test
    void the_shipped_years_are_accepted() {
        assertThatCode(() -> ArrangementRules.check(WorkingDaysTests.Y2025)).doesNotThrowAnyException();
        assertThatCode(() -> ArrangementRules.check(WorkingDaysTests.Y2026)).doesNotThrowAnyException();
    }

    @Test
    void years_outside_2000_to_2100_are_typos() {
        assertRejected(arrangement(1999, List.of(LocalDate.parse("1999-10-01")), List.of(), null), "CALENDAR_YEAR_OUT_OF_RANGE");
        assertRejected(arrangement(2101, List.of(LocalDate.parse("2101-10-01")), List.of(), null), "CALENDAR_YEAR_OUT_OF_RANGE");
        assertThatCode(() -> ArrangementRules.check(arrangement(2000, List.of(LocalDate.parse("2000-10-02")), List.of(), null)))
                .doesNotThrowAnyException();
        assertThatCode(() -> ArrangementRules.check(arrangement(2100, List.of(LocalDate.parse("2100-10-01")), List.of(), null)))
                .doesNotThrowAnyException();
    }

    @Test
    void every_day_lies_in_the_year() {
        assertRejected(arrangement(2027, List.of(LocalDate.parse("2026-12-31")), List.of(), null), "CALENDAR_DAY_OUTSIDE_YEAR");
        assertRejected(arrangement(2027, NEW_YEAR, List.of(LocalDate.parse("2028-01-01")), null), "CALENDAR_DAY_OUTSIDE_YEAR");
    }

    @Test
    void a_make_up_working_day_is_a_saturday_or_sunday() {
        assertRejected(arrangement(2027, NEW_YEAR, List.of(LocalDate.parse("2027-02-10")), null), "CALENDAR_MAKE_UP_DAY_NOT_WEEKEND");
        assertThatCode(() -> ArrangementRules.check(arrangement(2027, NEW_YEAR,
                List.of(LocalDate.parse("2027-02-06"), LocalDate.parse("2027-02-07")), null))).doesNotThrowAnyException();
    }

    @Test
    void a_holiday_is_not_also_a_make_up_day() {
        LocalDate saturday = LocalDate.parse("2027-02-06");
        assertRejected(arrangement(2027, List.of(saturday), List.of(saturday), null), "CALENDAR_DAY_BOTH_HOLIDAY_AND_MAKE_UP");
    }

    @Test
    void an_arrangement_has_holidays_so_the_missing_year_warning_cannot_be_silenced_by_an_empty_save() {
        assertRejected(arrangement(2027, List.of(), List.of(), "国务院办公厅关于2027年部分节假日安排的通知"), "CALENDAR_NO_HOLIDAYS");
    }

    @Test
    void sizes_are_bounded() {
        List<LocalDate> sixtyOne = IntStream.rangeClosed(1, 61).mapToObj(day -> LocalDate.ofYearDay(2027, day)).toList();
        assertRejected(arrangement(2027, sixtyOne, List.of(), null), "CALENDAR_TOO_MANY_DAYS");
        assertThatCode(() -> ArrangementRules.check(arrangement(2027, sixtyOne.subList(0, 60), List.of(), null)))
                .doesNotThrowAnyException();
        assertRejected(arrangement(2027, NEW_YEAR, List.of(), "通".repeat(201)), "CALENDAR_SOURCE_TOO_LONG");
    }

    @Test
    void days_are_kept_sorted_and_once_and_a_blank_source_is_none() {
        YearArrangement entered = arrangement(2027, List.of(LocalDate.parse("2027-02-08"), LocalDate.parse("2027-01-01"),
                LocalDate.parse("2027-02-08")), List.of(), "  ");
        assertThat(entered.holidays())
                .containsExactly(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-02-08"));
        assertThat(entered.source()).isNull();
    }

    private static YearArrangement arrangement(int year, List<LocalDate> holidays, List<LocalDate> makeUps, String source) {
        return new YearArrangement(year, holidays, makeUps, source, 0);
    }

    private static void assertRejected(YearArrangement arrangement, String code) {
        assertThatThrownBy(() -> ArrangementRules.check(arrangement))
                .isInstanceOf(ArrangementRejectedException.class)
                .satisfies(problem -> {
                    assertThat(((ProblemException) problem).code()).isEqualTo(code);
                    assertThat(((ProblemException) problem).status())
                            .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                });
    }
}
