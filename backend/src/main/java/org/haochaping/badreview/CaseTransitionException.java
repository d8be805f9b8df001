package org.haochaping.badreview;

import org.haochaping.system.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** An action the case's state does not allow (409), e.g. re-rating a case that awaits contact. */
public class CaseTransitionException extends ProblemException {

    public CaseTransitionException(String code, Object... details) {
        super(HttpStatus.CONFLICT, code, details);
    }

    static CaseTransitionException illegal(String action, CaseStatus status) {
        return new CaseTransitionException("ILLEGAL_CASE_TRANSITION", action, status);
    }
}
