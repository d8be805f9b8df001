package org.haochaping.badreview.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An immutable snapshot of the working-day calendar, in county time (the app Clock's zone).
 * <p>
 * A day is a working day when it is a weekday that is no holiday, or a Saturday or Sunday the
 * State Council made a make-up working day (调休上班). A year with no arrangement entered counts as
 * weekends only: every Saturday and Sunday off, every weekday worked.
 * <p>
 * Deadlines are counted in whole days of the county's time zone, so a case opened at 23:59 and
 * one opened at 00:01 the same day are due at the same moment. Pure rule, no Spring.
 */
public final class WorkingDays {

    private final ZoneId zone;
    /** Holidays that fall on a weekday: the only holidays that change anything. */
    private final NavigableSet<LocalDate> weekdaysOff;
    /** Make-up working days (always a Saturday or Sunday once validated; a weekday here would change nothing). */
    private final NavigableSet<LocalDate> weekendsWorked;
    private final Set<Integer> arrangedYears;

    private WorkingDays(ZoneId zone, Collection<YearArrangement> arrangements) {
        this.zone = zone;
        this.weekdaysOff = arrangements.stream().flatMap(year -> year.holidays().stream())
                .filter(day -> !isWeekend(day)).collect(Collectors.toCollection(TreeSet::new));
        this.weekendsWorked = arrangements.stream().flatMap(year -> year.makeUpWorkingDays().stream())
                .filter(WorkingDays::isWeekend).filter(day -> !isHoliday(arrangements, day))
                .collect(Collectors.toCollection(TreeSet::new));
        this.arrangedYears = arrangements.stream().map(YearArrangement::year).collect(Collectors.toUnmodifiableSet());
    }

    /** The calendar of these arrangements; every arrangement given counts as entered, every other year as weekends only. */
    public static WorkingDays of(ZoneId zone, Collection<YearArrangement> arrangements) {
        return new WorkingDays(zone, List.copyOf(arrangements));
    }

    /** No arrangement at all: Saturdays and Sundays off, every weekday worked. */
    public static WorkingDays weekendsOnly(ZoneId zone) {
        return new WorkingDays(zone, List.of());
    }

    public boolean isWorkingDay(LocalDate day) {
        return isWeekend(day) ? weekendsWorked.contains(day) : !weekdaysOff.contains(day);
    }

    /**
     * "Within n working days": the opening day does not count; due at the END of the n-th working day
     * after it, i.e. returns the start (00:00 county time) of the calendar day after that n-th working
     * day, as an Instant (exclusive bound: overdue iff now >= due). n >= 0; n == 0 means end of the
     * opening day.
     *
     * @throws IllegalArgumentException when n is negative
     */
    public Instant dueAfter(Instant opened, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("A deadline of " + n + " working days");
        }
        LocalDate day = dayOf(opened);
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return startOf(day.plusDays(1));
    }

    /**
     * Working days from the day of {@code from} (exclusive) to the day of {@code to} (inclusive); 0 if
     * to's day is not after from's day. Used for mean handling time: a case closed the day it was
     * opened took 0 working days, one closed the next working day 1.
     */
    public int workingDaysBetween(Instant from, Instant to) {
        return countAfter(dayOf(from), dayOf(to));
    }

    /**
     * Whole working days left before {@code due} as seen at {@code now}.
     * <p>
     * The last day of the deadline is the calendar day that ends at {@code due} (for a due instant
     * from {@link #dueAfter}, the day before due's day). While {@code now < due}, the answer is the
     * number of working days d with today < d <= that last day: today does not count, however much
     * of it is left. So a case due at the end of today has 0 left, one due at the end of the next
     * working day 1 (also on a Friday when that day is Monday).
     * <p>
     * Once overdue ({@code now >= due}) the answer is minus the number of working days d with
     * last day < d <= today: -1 on the first working day after the deadline, -2 on the second, and
     * 0 while only non-working days have passed (a deadline at the end of Friday, seen on Saturday).
     * Callers decide "overdue" by {@code now >= due}, never by the sign alone.
     */
    public int workingDaysLeft(Instant now, Instant due) {
        LocalDate today = dayOf(now);
        LocalDate lastDay = dayOf(due.minusNanos(1));
        return now.isBefore(due) ? countAfter(today, lastDay) : -countAfter(lastDay, today);
    }

    /** Due soon: not overdue yet, with at most one working day left. */
    public boolean isDueSoon(Instant now, Instant due) {
        return now.isBefore(due) && workingDaysLeft(now, due) <= 1;
    }

    /** Years with no arrangement entered: counted as weekends only, shown with a warning. */
    public boolean hasArrangement(int year) {
        return arrangedYears.contains(year);
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * Working days d with after < d <= through, without walking the days: the weekdays of the span,
     * less the holidays among them, plus the make-up days in it. Handling times can span years.
     */
    private int countAfter(LocalDate after, LocalDate through) {
        if (!through.isAfter(after)) {
            return 0;
        }
        long count = weekdaysAfter(after, through)
                - weekdaysOff.subSet(after, false, through, true).size()
                + weekendsWorked.subSet(after, false, through, true).size();
        return Math.toIntExact(count);
    }

    /** Mondays to Fridays d with after < d <= through: five in every whole week, the rest counted one by one. */
    private static long weekdaysAfter(LocalDate after, LocalDate through) {
        long days = ChronoUnit.DAYS.between(after, through);
        long count = days / 7 * 5;
        for (LocalDate day = after.plusDays(days / 7 * 7 + 1); !day.isAfter(through); day = day.plusDays(1)) {
            if (!isWeekend(day)) {
                count++;
            }
        }
        return count;
    }

    private static boolean isHoliday(Collection<YearArrangement> arrangements, LocalDate day) {
        return arrangements.stream().anyMatch(year -> year.holidays().contains(day));
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
