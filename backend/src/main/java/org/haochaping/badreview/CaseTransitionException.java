package org.haochaping.badreview;

import org.haochaping.system.problem.ProblemException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/** An action the case's state does not allow (409), e.g. re-rating a case that awaits contact. */
public class CaseTransitionException extends ProblemException {

    public CaseTransitionException(String code, Object... details) {
        super(HttpStatus.CONFLICT, code, details);
    }

    /** The action and the status as labels ({@code case.action.*}, {@code case.status.*}), resolved in the reader's language. */
    static CaseTransitionException illegal(String action, CaseStatus status) {
        return new CaseTransitionException("ILLEGAL_CASE_TRANSITION", label("case.action." + action, action),
                label("case.status." + status.name(), status.name()));
    }

    private static DefaultMessageSourceResolvable label(String key, String fallback) {
        return new DefaultMessageSourceResolvable(new String[] {key}, fallback);
    }
}
