package org.haochaping.servicecase;

import java.util.List;
import java.util.Map;

import org.haochaping.system.problem.ProblemException;
import org.haochaping.system.problem.Problems.FieldProblem;
import org.springframework.http.HttpStatus;

/** A registration of cases that is refused as a whole: nothing of it is stored. */
public class ServiceCaseRefusedException extends ProblemException {

    private final List<FieldProblem> errors;

    private ServiceCaseRefusedException(HttpStatus status, String code, List<FieldProblem> errors, Object... details) {
        super(status, code, details);
        this.errors = List.copyOf(errors);
    }

    static ServiceCaseRefusedException invalid(List<FieldProblem> errors) {
        return new ServiceCaseRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "SERVICE_CASES_INVALID", errors);
    }

    static ServiceCaseRefusedException conflict(String caseNumber) {
        return new ServiceCaseRefusedException(HttpStatus.CONFLICT, "SERVICE_CASE_CONFLICT", List.of(), caseNumber);
    }

    static ServiceCaseRefusedException notPerCase(String campaignCode) {
        return new ServiceCaseRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "CAMPAIGN_NOT_PER_CASE", List.of(),
                campaignCode);
    }

    @Override
    public Map<String, Object> properties() {
        return errors.isEmpty() ? Map.of() : Map.of("errors", errors);
    }
}
