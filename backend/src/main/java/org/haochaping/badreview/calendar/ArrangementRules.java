package org.haochaping.badreview.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * What a year's arrangement must be before deadlines are counted on it. Each rule has a stable
 * problem code, so the console and API clients can say exactly what to fix. Pure rule, no Spring.
 */
final class ArrangementRules {

    /** Years a county system plausibly deals with; anything else is a typo (20266, 1926). */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    /** A notice lists about 30 days off and 6 make-up days; 60 leaves room and stops a runaway paste. */
    static final int MAX_DAYS = 60;
    static final int MAX_SOURCE_LENGTH = 200;

    private ArrangementRules() {
    }

    /** @throws ArrangementRejectedException naming the first rule the arrangement breaks */
    static void check(YearArrangement arrangement) {
        int year = arrangement.year();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new ArrangementRejectedException("CALENDAR_YEAR_OUT_OF_RANGE", String.valueOf(year),
                    String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
        }
        if (arrangement.holidays().size() > MAX_DAYS || arrangement.makeUpWorkingDays().size() > MAX_DAYS) {
            throw new ArrangementRejectedException("CALENDAR_TOO_MANY_DAYS", MAX_DAYS);
        }
        if (arrangement.source() != null && arrangement.source().length() > MAX_SOURCE_LENGTH) {
            throw new ArrangementRejectedException("CALENDAR_SOURCE_TOO_LONG", MAX_SOURCE_LENGTH);
        }
        // Every notice has days off; saving none would silently drop the "not entered" warning.
        if (arrangement.holidays().isEmpty()) {
            throw new ArrangementRejectedException("CALENDAR_NO_HOLIDAYS", String.valueOf(year));
        }
        for (LocalDate day : arrangement.holidays()) {
            requireInYear(day, year);
        }
        for (LocalDate day : arrangement.makeUpWorkingDays()) {
            requireInYear(day, year);
            if (!isWeekend(day)) {
                throw new ArrangementRejectedException("CALENDAR_MAKE_UP_DAY_NOT_WEEKEND", day.toString());
            }
            if (arrangement.holidays().contains(day)) {
                throw new ArrangementRejectedException("CALENDAR_DAY_BOTH_HOLIDAY_AND_MAKE_UP", day.toString());
            }
        }
    }

    private static void requireInYear(LocalDate day, int year) {
        if (day.getYear() != year) {
            throw new ArrangementRejectedException("CALENDAR_DAY_OUTSIDE_YEAR", day.toString(), String.valueOf(year));
        }
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
