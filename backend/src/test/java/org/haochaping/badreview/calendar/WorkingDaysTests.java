package org.haochaping.badreview.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The working-day rule on the State Council's 2025 and 2026 arrangements, typed in here from
 * DOMAIN.md (not read from the seed, which {@link HolidayCalendarSeedTests} checks against the same
 * table). Every expected deadline below was counted by hand on a printed calendar; the comments show
 * the count. "Due D" means due at the end of day D, i.e. at 00:00 of the day after it.
 */
class WorkingDaysTests {

    static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

    /** DOMAIN.md, "Working days: the State Council's holiday arrangements". */
    static final YearArrangement Y2025 = new YearArrangement(2025,
            days(range("2025-01-01", "2025-01-01"), range("2025-01-28", "2025-02-04"), range("2025-04-04", "2025-04-06"),
                    range("2025-05-01", "2025-05-05"), range("2025-05-31", "2025-06-02"), range("2025-10-01", "2025-10-08")),
            days(Stream.of("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11").map(LocalDate::parse)),
            "国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号, 2024-11-12", 1);
    static final YearArrangement Y2026 = new YearArrangement(2026,
            days(range("2026-01-01", "2026-01-03"), range("2026-02-15", "2026-02-23"), range("2026-04-04", "2026-04-06"),
                    range("2026-05-01", "2026-05-05"), range("2026-06-19", "2026-06-21"), range("2026-09-25", "2026-09-27"),
                    range("2026-10-01", "2026-10-07")),
            days(Stream.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10").map(LocalDate::parse)),
            "国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04", 1);

    final WorkingDays calendar = WorkingDays.of(COUNTY, List.of(Y2025, Y2026));

    @Nested
    class Which_days_are_worked {

        @Test
        void the_spring_festival_2026_is_off_from_sunday_15_to_monday_23_february() {
            for (LocalDate day = date("2026-02-15"); !day.isAfter(date("2026-02-23")); day = day.plusDays(1)) {
                assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
            }
            assertThat(calendar.isWorkingDay(date("2026-02-13"))).as("Friday before").isTrue();
            assertThat(calendar.isWorkingDay(date("2026-02-24"))).as("Tuesday after").isTrue();
        }

        @Test
        void make_up_saturdays_and_sundays_are_worked() {
            assertThat(Stream.of("2026-02-14", "2026-02-28", "2026-10-10", "2026-09-20", "2026-01-04", "2025-01-26")
                    .map(LocalDate::parse)).allSatisfy(day -> assertThat(calendar.isWorkingDay(day)).as(day.toString()).isTrue());
        }

        @Test
        void every_other_weekend_day_is_off_and_every_other_weekday_worked() {
            assertThat(calendar.isWorkingDay(date("2026-02-21"))).as("Saturday inside the Spring Festival").isFalse();
            assertThat(calendar.isWorkingDay(date("2026-03-07"))).as("an ordinary Saturday").isFalse();
            assertThat(calendar.isWorkingDay(date("2026-03-08"))).as("an ordinary Sunday").isFalse();
            assertThat(calendar.isWorkingDay(date("2026-03-09"))).as("an ordinary Monday").isTrue();
        }

        @Test
        void both_shipped_years_have_248_working_days() {
            // 2025: 261 weekdays − 18 weekday holidays + 5 make-up days; 2026: 261 − 19 + 6.
            assertThat(workingDaysIn(2025)).isEqualTo(248);
            assertThat(workingDaysIn(2026)).isEqualTo(248);
        }

        @Test
        void a_year_with_no_arrangement_counts_weekends_only() {
            assertThat(calendar.hasArrangement(2026)).isTrue();
            assertThat(calendar.hasArrangement(2027)).isFalse();
            // New Year's Day 2027 is surely a holiday, but nobody entered it: a Friday, so worked.
            assertThat(calendar.isWorkingDay(date("2027-01-01"))).isTrue();
            assertThat(calendar.isWorkingDay(date("2027-01-02"))).isFalse();
            assertThat(workingDaysIn(2027)).isEqualTo(261);
        }

        private int workingDaysIn(int year) {
            return (int) date(year + "-01-01").datesUntil(date((year + 1) + "-01-01")).filter(calendar::isWorkingDay).count();
        }
    }

    @Nested
    class Deadlines {

        @Test
        void across_the_spring_festival_2026() {
            Instant friday = at("2026-02-13T10:00");
            // n=1: Sat 14 is a make-up working day (1) → due Sat 14.
            assertThat(calendar.dueAfter(friday, 1)).isEqualTo(startOf("2026-02-15"));
            // n=5: Sat 14 (1); 15–23 off; Tue 24 (2), Wed 25 (3), Thu 26 (4), Fri 27 (5) → due Fri 27.
            assertThat(calendar.dueAfter(friday, 5)).isEqualTo(startOf("2026-02-28"));
            // n=15: … Fri 27 (5), Sat 28 make-up (6), Mon 2 – Fri 6 March (7–11), Mon 9 – Thu 12 (12–15) → due Thu 12 March.
            assertThat(calendar.dueAfter(friday, 15)).isEqualTo(startOf("2026-03-13"));
        }

        @Test
        void the_opening_day_never_counts_even_a_make_up_day_or_a_holiday() {
            // Opened on make-up Saturday 14: 15–23 off, Tue 24 (1) → due Tue 24.
            assertThat(calendar.dueAfter(at("2026-02-14T09:00"), 1)).isEqualTo(startOf("2026-02-25"));
            // Opened on holiday Wed 18: 19–23 off, Tue 24 (1) → due Tue 24.
            assertThat(calendar.dueAfter(at("2026-02-18T09:00"), 1)).isEqualTo(startOf("2026-02-25"));
        }

        @Test
        void across_mid_autumn_and_national_day_2026() {
            Instant friday = at("2026-09-18T16:00");
            // n=1: Sat 19 off, Sun 20 make-up (1) → due Sun 20.
            assertThat(calendar.dueAfter(friday, 1)).isEqualTo(startOf("2026-09-21"));
            // n=5: Sun 20 (1), Mon 21 – Thu 24 (2–5) → due Thu 24, the eve of 中秋.
            assertThat(calendar.dueAfter(friday, 5)).isEqualTo(startOf("2026-09-25"));
            // n=15: … Thu 24 (5); 25–27 off; Mon 28 – Wed 30 (6–8); 1–7 Oct off; Thu 8 (9), Fri 9 (10),
            // Sat 10 make-up (11), Sun 11 off, Mon 12 – Thu 15 (12–15) → due Thu 15 October.
            assertThat(calendar.dueAfter(friday, 15)).isEqualTo(startOf("2026-10-16"));
            // Opened Wed 30 Sep, n=5: 1–7 off; Thu 8 (1), Fri 9 (2), Sat 10 (3), Mon 12 (4), Tue 13 (5) → due Tue 13.
            assertThat(calendar.dueAfter(at("2026-09-30T11:00"), 5)).isEqualTo(startOf("2026-10-14"));
        }

        @Test
        void across_the_year_end_into_the_2026_new_year_holidays() {
            Instant newYearsEve = at("2025-12-31T15:00");
            // n=1: 1–3 Jan off, Sun 4 make-up (1) → due Sun 4 January.
            assertThat(calendar.dueAfter(newYearsEve, 1)).isEqualTo(startOf("2026-01-05"));
            // n=5: Sun 4 (1), Mon 5 – Thu 8 (2–5) → due Thu 8.
            assertThat(calendar.dueAfter(newYearsEve, 5)).isEqualTo(startOf("2026-01-09"));
        }

        @Test
        void around_the_make_up_sunday_before_the_spring_festival_2025() {
            Instant friday = at("2025-01-24T10:00");
            // n=1: Sat 25 off, Sun 26 make-up (1) → due Sun 26.
            assertThat(calendar.dueAfter(friday, 1)).isEqualTo(startOf("2025-01-27"));
            // n=5: Sun 26 (1), Mon 27 (2); 28 Jan – 4 Feb off; Wed 5 (3), Thu 6 (4), Fri 7 (5) → due Fri 7 Feb.
            assertThat(calendar.dueAfter(friday, 5)).isEqualTo(startOf("2025-02-08"));
            // n=15: … Fri 7 (5), Sat 8 make-up (6), Mon 10 – Fri 14 (7–11), Mon 17 – Thu 20 (12–15) → due Thu 20 Feb.
            assertThat(calendar.dueAfter(friday, 15)).isEqualTo(startOf("2025-02-21"));
        }

        @Test
        void into_a_year_with_no_arrangement_weekends_only() {
            Instant lastDayOf2026 = at("2026-12-31T10:00");
            // n=1: Fri 1 Jan 2027, not entered as a holiday (1) → due Fri 1 January.
            assertThat(calendar.dueAfter(lastDayOf2026, 1)).isEqualTo(startOf("2027-01-02"));
            // n=5: Fri 1 (1), Mon 4 – Thu 7 (2–5) → due Thu 7.
            assertThat(calendar.dueAfter(lastDayOf2026, 5)).isEqualTo(startOf("2027-01-08"));
        }

        @Test
        void zero_working_days_is_the_end_of_the_opening_day_even_a_holiday() {
            assertThat(calendar.dueAfter(at("2026-02-16T10:00"), 0)).isEqualTo(startOf("2026-02-17"));
        }

        @Test
        void days_are_county_days_whatever_the_instant() {
            // 23:30 on Friday 13 in the county is 15:30 UTC: still Friday there, due end of make-up Saturday 14.
            assertThat(calendar.dueAfter(Instant.parse("2026-02-13T15:30:00Z"), 1)).isEqualTo(Instant.parse("2026-02-14T16:00:00Z"));
            // 00:30 on Saturday 14 in the county is still Friday in UTC: opened Saturday, due end of Tue 24.
            assertThat(calendar.dueAfter(Instant.parse("2026-02-13T16:30:00Z"), 1)).isEqualTo(startOf("2026-02-25"));
            assertThat(calendar.zone()).isEqualTo(COUNTY);
        }

        @Test
        void a_negative_number_of_days_is_a_programming_error() {
            assertThatThrownBy(() -> calendar.dueAfter(at("2026-03-02T10:00"), -1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Handling_time {

        @Test
        void counts_working_days_after_the_opening_day_up_to_and_including_the_closing_day() {
            // (13 Feb, 27 Feb]: Sat 14, Tue 24 – Fri 27.
            assertThat(calendar.workingDaysBetween(at("2026-02-13T10:00"), at("2026-02-27T09:00"))).isEqualTo(5);
            // (31 Dec 2025, 5 Jan 2026]: Sun 4, Mon 5.
            assertThat(calendar.workingDaysBetween(at("2025-12-31T18:00"), at("2026-01-05T08:00"))).isEqualTo(2);
            // The whole of 2026, from New Year's Eve 2025 to New Year's Eve 2026.
            assertThat(calendar.workingDaysBetween(at("2025-12-31T12:00"), at("2026-12-31T12:00"))).isEqualTo(248);
        }

        @Test
        void closed_the_day_it_was_opened_or_earlier_is_zero() {
            assertThat(calendar.workingDaysBetween(at("2026-03-02T08:00"), at("2026-03-02T18:00"))).isZero();
            assertThat(calendar.workingDaysBetween(at("2026-03-05T08:00"), at("2026-03-02T18:00"))).isZero();
        }

        @Test
        void a_holiday_week_adds_nothing() {
            assertThat(calendar.workingDaysBetween(at("2026-10-01T08:00"), at("2026-10-07T18:00"))).isZero();
        }
    }

    @Nested
    class Days_left {

        /** Opened Fri 13 Feb 2026 with 5 working days: due at the end of Fri 27 Feb. */
        final Instant due = calendar.dueAfter(at("2026-02-13T10:00"), 5);

        @Test
        void today_does_not_count_and_the_last_day_does() {
            // (13, 27]: Sat 14, Tue 24, Wed 25, Thu 26, Fri 27.
            assertThat(calendar.workingDaysLeft(at("2026-02-13T12:00"), due)).isEqualTo(5);
            // Seen during the holidays: Tue 24 – Fri 27.
            assertThat(calendar.workingDaysLeft(at("2026-02-20T12:00"), due)).isEqualTo(4);
            assertThat(calendar.isDueSoon(at("2026-02-20T12:00"), due)).isFalse();
        }

        @Test
        void the_day_before_the_last_day_is_due_soon_and_so_is_the_last_day() {
            assertThat(calendar.workingDaysLeft(at("2026-02-26T09:00"), due)).isEqualTo(1);
            assertThat(calendar.isDueSoon(at("2026-02-26T09:00"), due)).isTrue();
            assertThat(calendar.workingDaysLeft(at("2026-02-27T23:59:59"), due)).isZero();
            assertThat(calendar.isDueSoon(at("2026-02-27T23:59:59"), due)).isTrue();
        }

        @Test
        void overdue_from_the_due_instant_on_counting_the_working_days_past_it() {
            assertThat(calendar.isDueSoon(due, due)).as("overdue is not due soon").isFalse();
            // At 00:00 on Sat 28, a make-up working day: the first working day past the deadline.
            assertThat(calendar.workingDaysLeft(due, due)).isEqualTo(-1);
            // Sun 1 March off, Mon 2 March: the second.
            assertThat(calendar.workingDaysLeft(at("2026-03-02T10:00"), due)).isEqualTo(-2);
        }

        @Test
        void overdue_over_a_weekend_only_is_zero_and_still_overdue() {
            Instant endOfFriday = startOf("2026-03-07");
            assertThat(calendar.workingDaysLeft(at("2026-03-07T10:00"), endOfFriday)).isZero();
            assertThat(calendar.isDueSoon(at("2026-03-07T10:00"), endOfFriday)).isFalse();
            assertThat(calendar.workingDaysLeft(at("2026-03-09T10:00"), endOfFriday)).isEqualTo(-1);
        }

        @Test
        void a_monday_deadline_is_due_soon_on_the_friday_before() {
            Instant endOfMonday = startOf("2026-03-10");
            assertThat(calendar.workingDaysLeft(at("2026-03-05T10:00"), endOfMonday)).isEqualTo(2);
            assertThat(calendar.isDueSoon(at("2026-03-05T10:00"), endOfMonday)).isFalse();
            assertThat(calendar.workingDaysLeft(at("2026-03-06T10:00"), endOfMonday)).isEqualTo(1);
            assertThat(calendar.isDueSoon(at("2026-03-06T10:00"), endOfMonday)).isTrue();
        }

        @Test
        void a_deadline_in_the_middle_of_a_day_ends_that_day() {
            Instant mondayNoon = at("2026-03-09T12:00");
            assertThat(calendar.workingDaysLeft(at("2026-03-09T08:00"), mondayNoon)).isZero();
            assertThat(calendar.workingDaysLeft(at("2026-03-06T08:00"), mondayNoon)).isEqualTo(1);
        }
    }

    @Test
    void with_no_arrangement_at_all_only_weekends_are_off() {
        WorkingDays bare = WorkingDays.weekendsOnly(COUNTY);
        assertThat(bare.hasArrangement(2026)).isFalse();
        assertThat(bare.isWorkingDay(date("2026-02-16"))).as("a Spring Festival Monday, unknown here").isTrue();
        assertThat(bare.isWorkingDay(date("2026-02-14"))).as("a make-up Saturday, unknown here").isFalse();
        // Fri 13 Feb: Mon 16 – Fri 20 → due Fri 20.
        assertThat(bare.dueAfter(at("2026-02-13T10:00"), 5)).isEqualTo(startOf("2026-02-21"));
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    /** A time of day in the county. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(COUNTY).toInstant();
    }

    /** 00:00 of the day in the county: the instant a deadline ending the day before falls due. */
    static Instant startOf(String day) {
        return date(day).atStartOfDay(COUNTY).toInstant();
    }

    static Stream<LocalDate> range(String first, String last) {
        return date(first).datesUntil(date(last).plusDays(1));
    }

    @SafeVarargs
    static List<LocalDate> days(Stream<LocalDate>... ranges) {
        List<LocalDate> days = new ArrayList<>();
        Stream.of(ranges).forEach(range -> range.forEach(days::add));
        return days;
    }
}
