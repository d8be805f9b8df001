package org.haochaping.system.problem;

import java.time.Duration;
import java.util.Optional;

import org.springframework.http.HttpStatus;

/**
 * A failure the caller can act on, answered as a problem detail. Its {@link #code()} is stable:
 * clients branch on it, and it names the messages {@code problem.<code>.title} and
 * {@code problem.<code>.detail} (arguments: {@link #detailArguments()}) in {@code messages*.properties}.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Object[] detailArguments;

    protected ProblemException(HttpStatus status, String code, Object... detailArguments) {
        super(code);
        this.status = status;
        this.code = code;
        this.detailArguments = detailArguments.clone();
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] detailArguments() {
        return detailArguments.clone();
    }

    /** Members of the problem detail beyond the standard ones and {@code code}, e.g. the current form of {@code FORM_CHANGED}. */
    public java.util.Map<String, Object> properties() {
        return java.util.Map.of();
    }

    /** When to try again, sent as {@code Retry-After}; empty when retrying will not help. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }
}
