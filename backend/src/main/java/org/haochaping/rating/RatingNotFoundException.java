package org.haochaping.rating;

import org.haochaping.system.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** No rating with this id belongs to the caller (other residents' ratings do not exist for them). */
public class RatingNotFoundException extends ProblemException {

    public RatingNotFoundException() {
        super(HttpStatus.NOT_FOUND, "RATING_NOT_FOUND");
    }
}
