package org.haochaping.badreview.calendar;

import org.haochaping.system.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Someone saved the year since the caller read it (409): nothing was changed. */
public class CalendarConflictException extends ProblemException {

    public CalendarConflictException(int year) {
        super(HttpStatus.CONFLICT, "CALENDAR_VERSION_CONFLICT", String.valueOf(year));
    }
}
