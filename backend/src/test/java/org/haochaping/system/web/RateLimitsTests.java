package org.haochaping.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.haochaping.system.MutableClock;
import org.junit.jupiter.api.Test;

class RateLimitsTests {

    final MutableClock clock = new MutableClock();
    final RateLimits limits = new RateLimits(clock);

    @Test
    void idle_callers_are_forgotten_by_every_limiter_so_memory_follows_active_callers() {
        SlidingWindowLimiter uploads = limits.perKey(60, Duration.ofHours(1));
        SlidingWindowLimiter ratings = limits.perKey(30, Duration.ofHours(1));
        for (int i = 0; i < 50_000; i++) {
            uploads.tryAcquire("uploader-" + i);
            ratings.tryAcquire("resident-" + i);
        }
        clock.advance(Duration.ofMinutes(61));
        uploads.tryAcquire("still-active");

        limits.evictIdle();

        assertThat(uploads.trackedKeys()).isEqualTo(1);
        assertThat(ratings.trackedKeys()).isZero();
    }

    @Test
    void a_caller_within_the_window_keeps_its_count_after_eviction() {
        SlidingWindowLimiter limiter = limits.perKey(2, Duration.ofHours(1));
        limiter.tryAcquire("busy");
        limiter.tryAcquire("busy");
        clock.advance(Duration.ofMinutes(30));

        limits.evictIdle();

        assertThat(limiter.tryAcquire("busy")).isPresent();
    }
}
