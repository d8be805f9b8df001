package org.haochaping.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.haochaping.system.MutableClock;
import org.junit.jupiter.api.Test;

class SlidingWindowLimiterTests {

    final MutableClock clock = new MutableClock();
    final SlidingWindowLimiter limiter = new SlidingWindowLimiter(3, Duration.ofHours(1), clock);

    @Test
    void the_event_over_the_limit_is_told_when_the_oldest_leaves_the_window() {
        acquireEveryTenMinutes("resident", 3);

        assertThat(limiter.tryAcquire("resident")).contains(Duration.ofMinutes(40));
    }

    @Test
    void an_event_is_allowed_again_the_moment_the_oldest_is_a_full_window_old() {
        acquireEveryTenMinutes("resident", 3);
        clock.advance(Duration.ofMinutes(39));
        assertThat(limiter.tryAcquire("resident")).contains(Duration.ofMinutes(1));

        clock.advance(Duration.ofMinutes(1));

        assertThat(limiter.tryAcquire("resident")).isEmpty();
        assertThat(limiter.tryAcquire("resident")).contains(Duration.ofMinutes(10));
    }

    @Test
    void a_refused_event_is_not_counted() {
        acquireEveryTenMinutes("resident", 3);
        limiter.tryAcquire("resident");
        limiter.tryAcquire("resident");

        clock.advance(Duration.ofMinutes(40));

        assertThat(limiter.tryAcquire("resident")).isEmpty();
    }

    @Test
    void each_key_has_a_limit_of_its_own() {
        acquireEveryTenMinutes("resident", 3);

        assertThat(limiter.tryAcquire("neighbour")).isEmpty();
        assertThat(limiter.trackedKeys()).isEqualTo(2);
    }

    @Test
    void a_key_is_forgotten_once_its_last_event_is_a_full_window_old() {
        limiter.tryAcquire("early");
        clock.advance(Duration.ofMinutes(1));
        limiter.tryAcquire("later");
        clock.advance(Duration.ofMinutes(59));

        limiter.evictIdle();

        assertThat(limiter.trackedKeys()).isEqualTo(1);
        assertThat(limiter.tryAcquire("later")).isEmpty();
        assertThat(limiter.trackedKeys()).isEqualTo(1);
    }

    /** {@code count} events for {@code key}, ten minutes apart; the clock stops at the last one. */
    private void acquireEveryTenMinutes(String key, int count) {
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                clock.advance(Duration.ofMinutes(10));
            }
            assertThat(limiter.tryAcquire(key)).isEmpty();
        }
    }
}
