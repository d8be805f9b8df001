package org.haochaping.account;

import org.haochaping.system.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** An erasure without a valid confirmation: nothing is erased. */
class ErasureConfirmationException extends ProblemException {

    private ErasureConfirmationException(HttpStatus status, String code, Object... arguments) {
        super(status, code, arguments);
    }

    /** No code sent, or none asked for (or one voided): ask for a code first. */
    static ErasureConfirmationException required() {
        return new ErasureConfirmationException(HttpStatus.PRECONDITION_REQUIRED, "ERASURE_CONFIRMATION_REQUIRED");
    }

    static ErasureConfirmationException invalid(int attempts) {
        return new ErasureConfirmationException(HttpStatus.UNPROCESSABLE_CONTENT, "ERASURE_CONFIRMATION_INVALID", attempts);
    }

    static ErasureConfirmationException expired() {
        return new ErasureConfirmationException(HttpStatus.UNPROCESSABLE_CONTENT, "ERASURE_CONFIRMATION_EXPIRED");
    }
}
