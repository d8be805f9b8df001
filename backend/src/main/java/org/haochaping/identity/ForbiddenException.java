package org.haochaping.identity;

import org.haochaping.system.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The caller's role or data scope does not cover what they asked for. */
public class ForbiddenException extends ProblemException {

    public ForbiddenException() {
        super(HttpStatus.FORBIDDEN, "FORBIDDEN");
    }
}
