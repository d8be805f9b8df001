package org.haochaping.report;

import org.haochaping.system.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** No report with this id that the caller may see (another official's report reads the same: its existence is theirs). */
public class ReportNotFoundException extends ProblemException {

    public ReportNotFoundException() {
        super(HttpStatus.NOT_FOUND, "REPORT_NOT_FOUND");
    }
}
