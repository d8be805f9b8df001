package org.haochaping.system.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Where every per-caller rate limit comes from, so that none is forgotten by the housekeeping:
 * keys without recent events are dropped every ten minutes, and memory follows the callers active
 * within a window, not every caller ever seen.
 */
@Component
public class RateLimits {

    private final Clock clock;
    private final List<SlidingWindowLimiter> limiters = new CopyOnWriteArrayList<>();

    RateLimits(Clock clock) {
        this.clock = clock;
    }

    /** At most {@code limit} events per key in any {@code window}. */
    public SlidingWindowLimiter perKey(int limit, Duration window) {
        SlidingWindowLimiter limiter = new SlidingWindowLimiter(limit, window, clock);
        limiters.add(limiter);
        return limiter;
    }

    @Scheduled(fixedDelay = 600_000)
    void evictIdle() {
        limiters.forEach(SlidingWindowLimiter::evictIdle);
    }
}
