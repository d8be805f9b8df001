package org.haochaping.rating;

import org.haochaping.system.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A well-formed rating the campaign's rules do not accept (422), e.g. an unknown reason tag or a
 * 差评 without a reason. The code says which rule.
 */
public class RatingRejectedException extends ProblemException {

    public RatingRejectedException(String code, Object... details) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, code, details);
    }
}
