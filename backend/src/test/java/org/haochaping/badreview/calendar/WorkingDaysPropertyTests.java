package org.haochaping.badreview.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * {@link WorkingDays} against a deliberately naive oracle written here from the definitions alone:
 * it walks the calendar one day at a time and recounts from scratch, shares no code with the rule,
 * and is too slow for production. Random arrangements (valid ones: make-up days on weekends, never
 * also holidays), random instants from 2024 to 2028 (years with and without an arrangement), random
 * deadlines of 0-20 working days, in the county's zone and in one with daylight saving time.
 * Seeded: {@code -Dcalendar.seed=N} repeats a run; a failure names its seed.
 */
class WorkingDaysPropertyTests {

    static final long SEED = Long.getLong("calendar.seed", 20260215L);
    static final int TRIALS = 3_000;
    static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("America/Santiago"));

    @Test
    void deadlines_match_the_naive_day_by_day_count() {
        Random random = new Random(SEED);
        for (int trial = 0; trial < TRIALS; trial++) {
            Oracle oracle = randomCalendar(random);
            Instant opened = randomInstant(random);
            int n = random.nextInt(21);

            assertThat(oracle.calendar.dueAfter(opened, n))
                    .as("seed %d trial %d: %d working days from %s in %s", SEED, trial, n, opened, oracle.zone)
                    .isEqualTo(oracle.dueAfter(opened, n));
        }
    }

    @Test
    void handling_times_match_the_naive_count() {
        Random random = new Random(SEED + 1);
        for (int trial = 0; trial < TRIALS; trial++) {
            Oracle oracle = randomCalendar(random);
            Instant from = randomInstant(random);
            // Mostly forward within weeks, sometimes years, sometimes backwards.
            Instant to = random.nextInt(5) == 0 ? randomInstant(random)
                    : from.plusSeconds(random.nextLong(60L * 86_400));

            assertThat(oracle.calendar.workingDaysBetween(from, to))
                    .as("seed %d trial %d: from %s to %s in %s", SEED + 1, trial, from, to, oracle.zone)
                    .isEqualTo(oracle.workingDaysBetween(from, to));
        }
    }

    @Test
    void days_left_and_due_soon_match_the_naive_count() {
        Random random = new Random(SEED + 2);
        for (int trial = 0; trial < TRIALS; trial++) {
            Oracle oracle = randomCalendar(random);
            Instant opened = randomInstant(random);
            Instant due = random.nextBoolean() ? oracle.calendar.dueAfter(opened, random.nextInt(16))
                    : opened.plusSeconds(random.nextLong(20L * 86_400));
            Instant now = opened.plusSeconds(random.nextLong(-2L * 86_400, 30L * 86_400));
            String what = "seed %d trial %d: due %s seen at %s in %s".formatted(SEED + 2, trial, due, now, oracle.zone);

            assertThat(oracle.calendar.workingDaysLeft(now, due)).as(what).isEqualTo(oracle.workingDaysLeft(now, due));
            assertThat(oracle.calendar.isDueSoon(now, due)).as(what).isEqualTo(oracle.isDueSoon(now, due));
        }
    }

    @Test
    void a_deadline_of_n_days_leaves_n_days_on_the_opening_day_and_takes_n_days_to_reach() {
        Random random = new Random(SEED + 3);
        for (int trial = 0; trial < TRIALS; trial++) {
            Oracle oracle = randomCalendar(random);
            WorkingDays calendar = oracle.calendar;
            Instant opened = randomInstant(random);
            int n = random.nextInt(21);
            Instant due = calendar.dueAfter(opened, n);
            String what = "seed %d trial %d: %d days from %s in %s".formatted(SEED + 3, trial, n, opened, oracle.zone);

            assertThat(calendar.workingDaysLeft(opened, due)).as(what).isEqualTo(n);
            assertThat(calendar.workingDaysBetween(opened, due.minusNanos(1))).as(what).isEqualTo(n);
            assertThat(calendar.dueAfter(opened, n + 1)).as(what).isAfter(due);
        }
    }

    /** Valid random arrangements for some of 2024-2028, the rest weekends only. */
    private static Oracle randomCalendar(Random random) {
        ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
        List<YearArrangement> years = new ArrayList<>();
        for (int year = 2024; year <= 2028; year++) {
            if (random.nextInt(4) == 0) {
                continue;
            }
            Set<LocalDate> holidays = new HashSet<>();
            for (int i = random.nextInt(1, 40); i > 0; i--) {
                holidays.add(LocalDate.ofYearDay(year, random.nextInt(1, LocalDate.of(year, 1, 1).lengthOfYear() + 1)));
            }
            Set<LocalDate> makeUps = new HashSet<>();
            for (int i = random.nextInt(0, 10); i > 0; i--) {
                LocalDate day = LocalDate.ofYearDay(year, random.nextInt(1, 360));
                while (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    day = day.plusDays(1);
                }
                if (!holidays.contains(day)) {
                    makeUps.add(day);
                }
            }
            years.add(new YearArrangement(year, List.copyOf(holidays), List.copyOf(makeUps), null, 1));
        }
        return new Oracle(zone, years, WorkingDays.of(zone, years));
    }

    private static Instant randomInstant(Random random) {
        long from = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2028-10-01T00:00:00Z").getEpochSecond();
        return Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000_000));
    }

    /** The definitions, literally: one day at a time, recounting from scratch. */
    private record Oracle(ZoneId zone, List<YearArrangement> years, WorkingDays calendar) {

        boolean worked(LocalDate day) {
            for (YearArrangement year : years) {
                if (year.holidays().contains(day)) {
                    return false;
                }
                if (year.makeUpWorkingDays().contains(day)) {
                    return true;
                }
            }
            return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
        }

        /** Working days d with first < d <= last, counted one by one. */
        int countAfter(LocalDate first, LocalDate last) {
            int count = 0;
            for (LocalDate day = first.plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
                if (worked(day)) {
                    count++;
                }
            }
            return count;
        }

        /**
         * The first day e, trying the opening day, then each next day, at whose end n working days
         * after the opening day have passed; due at the first moment of the day after e.
         */
        Instant dueAfter(Instant opened, int n) {
            LocalDate openingDay = opened.atZone(zone).toLocalDate();
            for (LocalDate end = openingDay; ; end = end.plusDays(1)) {
                if (countAfter(openingDay, end) == n) {
                    return end.plusDays(1).atStartOfDay(zone).toInstant();
                }
            }
        }

        int workingDaysBetween(Instant from, Instant to) {
            return countAfter(from.atZone(zone).toLocalDate(), to.atZone(zone).toLocalDate());
        }

        int workingDaysLeft(Instant now, Instant due) {
            LocalDate today = now.atZone(zone).toLocalDate();
            // The last day still in time: the day that holds the last moment before due.
            LocalDate lastDay = due.minusNanos(1).atZone(zone).toLocalDate();
            return now.isBefore(due) ? countAfter(today, lastDay) : -countAfter(lastDay, today);
        }

        boolean isDueSoon(Instant now, Instant due) {
            return now.isBefore(due) && workingDaysLeft(now, due) <= 1;
        }
    }
}
