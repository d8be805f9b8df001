package org.haochaping.identity;

import org.haochaping.system.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** An operation that needs a signed-in caller was reached without one. */
public class NotSignedInException extends ProblemException {

    public NotSignedInException() {
        super(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
    }
}
