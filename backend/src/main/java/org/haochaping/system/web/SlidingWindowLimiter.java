package org.haochaping.system.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} events per key in any {@code window}. Kept in this instance's memory: with
 * several instances behind a load balancer each enforces the limit on what it sees, which bounds
 * abuse by the number of instances and costs no write per request. Made by {@link RateLimits},
 * which evicts idle keys.
 */
public final class SlidingWindowLimiter {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Instant>> events = new ConcurrentHashMap<>();

    SlidingWindowLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts an event for {@code key}; if the limit is reached, how long until the next one is allowed. */
    public Optional<Duration> tryAcquire(String key) {
        Instant now = clock.instant();
        Instant horizon = now.minus(window);
        Deque<Instant> recent = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(horizon)) {
                recent.pollFirst();
            }
            if (recent.size() >= limit) {
                return Optional.of(Duration.between(now, recent.peekFirst().plus(window)));
            }
            recent.addLast(now);
            return Optional.empty();
        }
    }

    /** How many keys are remembered. */
    public int trackedKeys() {
        return events.size();
    }

    /** Forgets keys without recent events, so memory follows the active users, not all users ever. */
    void evictIdle() {
        Instant horizon = clock.instant().minus(window);
        events.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                return entry.getValue().isEmpty() || !entry.getValue().peekLast().isAfter(horizon);
            }
        });
    }
}
