package org.haochaping.system.problem;

import org.springframework.http.HttpStatus;

/** A parameter well-formed for the contract but meaningless, e.g. a latitude of 95. */
public class InvalidParameterException extends ProblemException {

    public InvalidParameterException(String parameter) {
        super(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", parameter);
    }
}
