package org.haochaping.system.problem;

import java.time.Duration;
import java.util.Optional;

import org.springframework.http.HttpStatus;

/** The server cannot serve this now (overloaded or a dependency down): 503 with {@code Retry-After}. */
public class ServiceUnavailableException extends ProblemException {

    private final Duration retryAfter;

    public ServiceUnavailableException(String code, Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, code);
        this.retryAfter = retryAfter;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(retryAfter);
    }
}
