package org.haochaping.integrity;

import org.haochaping.system.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** No signal has this id (404). */
public class SignalNotFoundException extends ProblemException {

    SignalNotFoundException() {
        super(HttpStatus.NOT_FOUND, "SIGNAL_NOT_FOUND");
    }
}
