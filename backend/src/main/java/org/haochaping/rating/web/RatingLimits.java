package org.haochaping.rating.web;

import java.time.Duration;

import org.haochaping.identity.Actor;
import org.haochaping.system.problem.TooManyRequestsException;
import org.haochaping.system.web.RateLimits;
import org.haochaping.system.web.SlidingWindowLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Per-resident rate limit on submitting ratings (default 30 an hour): 429 with Retry-After beyond it. */
@Component
class RatingLimits {

    private final SlidingWindowLimiter perResident;

    RatingLimits(RateLimits limits, @Value("${haochaping.rating.limit-per-hour:30}") int perHour) {
        this.perResident = limits.perKey(perHour, Duration.ofHours(1));
    }

    void check(Actor resident) {
        perResident.tryAcquire(resident.subject()).ifPresent(wait -> {
            throw new TooManyRequestsException(wait);
        });
    }
}
