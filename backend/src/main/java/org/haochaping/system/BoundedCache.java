package org.haochaping.system;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Read-through caches for reference data read on hot paths (campaigns, subjects). Entries live a
 * short time, so changes made by another instance show within it; and there are at most
 * {@code maximumSize} of them, so keys chosen by callers (unknown codes) cannot fill the heap.
 */
public final class BoundedCache {

    private BoundedCache() {
    }

    /** Expiry follows the injected clock; eviction runs on the caller's thread, so the bound holds at once. */
    public static <K, V> Cache<K, V> of(long maximumSize, Duration timeToLive, Clock clock) {
        return Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterWrite(timeToLive)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .build();
    }
}
