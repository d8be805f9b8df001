package org.haochaping.badreview;

import org.haochaping.system.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** An action whose content cannot be taken (422): a due date past the limit, a missing plan, ... */
public class CaseInputException extends ProblemException {

    public CaseInputException(String code, Object... details) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, code, details);
    }
}
