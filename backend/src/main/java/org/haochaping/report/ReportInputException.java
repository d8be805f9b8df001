package org.haochaping.report;

import org.haochaping.system.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A report that cannot be made as asked (422): a period backwards, too long or in the future, a format the kind lacks. */
public class ReportInputException extends ProblemException {

    public ReportInputException(String code, Object... details) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, code, details);
    }
}
