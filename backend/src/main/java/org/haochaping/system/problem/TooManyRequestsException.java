package org.haochaping.system.problem;

import java.time.Duration;
import java.util.Optional;

import org.springframework.http.HttpStatus;

/** Rate limit reached; answered with {@code Retry-After}. */
public class TooManyRequestsException extends ProblemException {

    private final Duration retryAfter;

    public TooManyRequestsException(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS", Math.max(1, retryAfter.toSeconds()));
        this.retryAfter = retryAfter;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(retryAfter);
    }
}
