package org.haochaping.system.problem;

import org.springframework.http.HttpStatus;

/** A page cursor that no page of ours handed out. */
public class InvalidCursorException extends ProblemException {

    public InvalidCursorException() {
        super(HttpStatus.BAD_REQUEST, "INVALID_CURSOR");
    }
}
