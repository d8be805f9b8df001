package org.haochaping.badreview;

import org.haochaping.system.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** No such case, or (for a resident) not theirs. */
public class CaseNotFoundException extends ProblemException {

    public CaseNotFoundException() {
        super(HttpStatus.NOT_FOUND, "CASE_NOT_FOUND");
    }
}
