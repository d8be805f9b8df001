package org.haochaping.integrity;

import org.haochaping.system.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** An action the signal's status does not allow (409), e.g. confirming an exclusion nobody proposed. */
public class SignalTransitionException extends ProblemException {

    SignalTransitionException(String action, SignalStatus status) {
        super(HttpStatus.CONFLICT, "ILLEGAL_SIGNAL_TRANSITION", action, status.name());
    }
}
