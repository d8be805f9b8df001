package org.haochaping.rating.web;

import java.time.Clock;
import java.time.Duration;

import org.haochaping.identity.Actor;
import org.haochaping.system.problem.TooManyRequestsException;
import org.haochaping.system.web.SlidingWindowLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Per-resident rate limit on submitting ratings (default 30 an hour): 429 with Retry-After beyond it. */
@Component
class RatingLimits {

    private final SlidingWindowLimiter perResident;

    RatingLimits(Clock clock, @Value("${haochaping.rating.limit-per-hour:30}") int perHour) {
        this.perResident = new SlidingWindowLimiter(perHour, Duration.ofHours(1), clock);
    }

    void check(Actor resident) {
        perResident.tryAcquire(resident.subject()).ifPresent(wait -> {
            throw new TooManyRequestsException(wait);
        });
    }

    @Scheduled(fixedDelay = 600_000)
    void forgetIdleResidents() {
        perResident.evictIdle();
    }
}
