package org.haochaping.integrity;

import org.haochaping.system.problem.ProblemException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * An action the signal's status does not allow (409), e.g. confirming an exclusion nobody proposed. The
 * action and the status are labels ({@code signal.action.*}, {@code signal.status.*}), in the reader's language.
 */
public class SignalTransitionException extends ProblemException {

    private SignalTransitionException(DefaultMessageSourceResolvable action, DefaultMessageSourceResolvable status) {
        super(HttpStatus.CONFLICT, "ILLEGAL_SIGNAL_TRANSITION", action, status);
    }

    static SignalTransitionException illegal(String action, SignalStatus status) {
        return new SignalTransitionException(label("signal.action." + action, action),
                label("signal.status." + status.name(), status.name()));
    }

    private static DefaultMessageSourceResolvable label(String key, String fallback) {
        return new DefaultMessageSourceResolvable(new String[] {key}, fallback);
    }
}
