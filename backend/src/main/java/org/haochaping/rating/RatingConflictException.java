package org.haochaping.rating;

import org.haochaping.system.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A rating that conflicts with what is stored (409): already rated, campaign not open, ... */
public class RatingConflictException extends ProblemException {

    public RatingConflictException(String code, Object... details) {
        super(HttpStatus.CONFLICT, code, details);
    }
}
