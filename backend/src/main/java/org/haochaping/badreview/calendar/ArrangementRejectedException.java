package org.haochaping.badreview.calendar;

import org.haochaping.system.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A year's arrangement the calendar does not accept (422), e.g. a make-up working day on a
 * Wednesday. The code says which rule ({@link ArrangementRules}).
 */
public class ArrangementRejectedException extends ProblemException {

    public ArrangementRejectedException(String code, Object... details) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, code, details);
    }
}
