package org.haochaping.badreview.calendar.web;

import org.haochaping.api.HolidayCalendarApi;
import org.haochaping.api.model.HolidayCalendarYearChangeDto;
import org.haochaping.api.model.HolidayCalendarYearDto;
import org.haochaping.badreview.calendar.HolidayCalendar;
import org.haochaping.identity.CurrentActor;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * The officials' holiday calendar ({@code /api/v1/admin/holiday-calendar/{year}}): any official reads
 * a year, SUPERVISORs replace it with the version they read (see api-spec). Roles, rules and
 * conflicts are the service's; this only translates.
 */
@RestController
class HolidayCalendarController implements HolidayCalendarApi {

    private final HolidayCalendar calendar;
    private final HolidayCalendarMapper mapper;
    private final CurrentActor currentActor;

    HolidayCalendarController(HolidayCalendar calendar, HolidayCalendarMapper mapper, CurrentActor currentActor) {
        this.calendar = calendar;
        this.mapper = mapper;
        this.currentActor = currentActor;
    }

    @Override
    public ResponseEntity<HolidayCalendarYearDto> getHolidayCalendarYear(Integer year, String acceptLanguage) {
        HolidayCalendarYearDto body = mapper.toDto(calendar.year(currentActor.get(), year));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    @Override
    public ResponseEntity<HolidayCalendarYearDto> saveHolidayCalendarYear(Integer year, HolidayCalendarYearChangeDto change, String acceptLanguage) {
        HolidayCalendarYearDto body = mapper.toDto(calendar.save(currentActor.get(), mapper.toArrangement(year, change)));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
