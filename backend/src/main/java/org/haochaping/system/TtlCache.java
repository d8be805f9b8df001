package org.haochaping.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small read-through cache for reference data read on hot paths (campaigns, subjects): entries
 * live {@code timeToLive}, so changes made by another instance show within that time; changes made
 * here evict at once.
 */
public final class TtlCache<K, V> {

    private record Entry<V>(V value, Instant expires) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Duration timeToLive;
    private final Clock clock;

    public TtlCache(Duration timeToLive, Clock clock) {
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    public V get(K key, Function<K, V> load) {
        Instant now = clock.instant();
        Entry<V> entry = entries.get(key);
        if (entry == null || !entry.expires().isAfter(now)) {
            entry = new Entry<>(load.apply(key), now.plus(timeToLive));
            entries.put(key, entry);
        }
        return entry.value();
    }

    public void evict(K key) {
        entries.remove(key);
    }
}
