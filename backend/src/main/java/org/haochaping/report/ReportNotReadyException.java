package org.haochaping.report;

import org.haochaping.system.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The report has no file (yet, or it failed), or not the one asked for (a preview of a spreadsheet). */
public class ReportNotReadyException extends ProblemException {

    public ReportNotReadyException(String code) {
        super(HttpStatus.CONFLICT, code);
    }
}
