package org.haochaping.badreview.calendar.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.haochaping.api.model.HolidayCalendarYearChangeDto;
import org.haochaping.api.model.HolidayCalendarYearDto;
import org.haochaping.badreview.calendar.YearArrangement;
import org.jspecify.annotations.Nullable;
import org.mapstruct.Mapper;

/** Arrangements to the API's DTOs and back; the year of a change comes from the path, never the body. */
@Mapper
interface HolidayCalendarMapper {

    HolidayCalendarYearDto toDto(YearArrangement arrangement);

    /** An absent (or null) list of days is no days. */
    default YearArrangement toArrangement(int year, HolidayCalendarYearChangeDto change) {
        return new YearArrangement(year, days(change.getHolidays()), days(change.getMakeUpWorkingDays()),
                change.getSource(), change.getVersion());
    }

    private static List<LocalDate> days(@Nullable Set<LocalDate> days) {
        return days == null ? List.of() : List.copyOf(days);
    }
}
