package org.haochaping.badreview.calendar;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One year of the State Council's holiday arrangement, as stored (collection {@code holiday_calendar},
 * one document per year). The days are kept sorted and without repeats, so two arrangements with the
 * same days are equal however they were entered. Whether they are acceptable is
 * {@link ArrangementRules}' call, not the constructor's: a rejected arrangement must still be
 * representable to say what is wrong with it.
 *
 * @param holidays days off (放假), weekends included where the notice lists them
 * @param makeUpWorkingDays Saturdays and Sundays that are worked (调休上班)
 * @param source the notice the arrangement follows (title, number, date); blank means none
 * @param version how many times the year was saved (optimistic locking); 0 when nothing is stored
 */
public record YearArrangement(int year, List<LocalDate> holidays, List<LocalDate> makeUpWorkingDays,
        @Nullable String source, long version) {

    public YearArrangement {
        holidays = holidays.stream().distinct().sorted().toList();
        makeUpWorkingDays = makeUpWorkingDays.stream().distinct().sorted().toList();
        source = source == null || source.isBlank() ? null : source.strip();
    }

    /** What a year nobody has entered looks like: no days, version 0. */
    public static YearArrangement unarranged(int year) {
        return new YearArrangement(year, List.of(), List.of(), null, 0);
    }

    /** Whether the year has been entered (seeded or saved); if not, its days count as weekends only. */
    public boolean isArranged() {
        return version > 0;
    }

    /** The same days and source, read at {@code version} (the version a save expects to replace). */
    public YearArrangement atVersion(long version) {
        return new YearArrangement(year, holidays, makeUpWorkingDays, source, version);
    }
}
