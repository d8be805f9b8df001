package org.haochaping.satisfaction;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.haochaping.rating.RatingSubmitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the rollups up to date with every submitted rating. Increments are summed in memory and
 * written in one bulk of {@code $inc} upserts per interval, so a burst of ratings costs one write
 * per touched slice, not one per rating per slice. Reads add what is still pending, so a rating
 * shows in this instance's figures at once. A clean stop writes everything; after a crash the
 * start-up check finds the gap and rebuilds ({@link RollupRebuild}).
 */
@Component
class RollupBuffer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RollupBuffer.class);

    private final Rollups rollups;
    private final Participants participants;
    private final Clock clock;
    private final long flushMillis;
    /** Off only to measure what the rollups cost the rating path (rating benchmark); dashboards need them. */
    private final boolean enabled;
    private final ReadWriteLock swap = new ReentrantReadWriteLock();
    private ConcurrentHashMap<RollupKey, Counters> pending = new ConcurrentHashMap<>();

    /** A slice's pending increments, added in place: a rating costs a few map updates, not copies. */
    private static final class Counters {
        private final Map<String, Long> fields = new HashMap<>();

        synchronized void add(Tally tally) {
            tally.forEachField((field, value) -> fields.merge(field, value, Long::sum));
        }

        synchronized Tally tally() {
            return Tally.fromFields(fields);
        }
    }
    private ScheduledExecutorService flusher;

    RollupBuffer(Rollups rollups, Participants participants, Clock clock,
            @Value("${haochaping.satisfaction.rollup-flush-interval:1s}") java.time.Duration flushInterval,
            @Value("${haochaping.satisfaction.rollups-enabled:true}") boolean enabled) {
        this.enabled = enabled;
        this.rollups = rollups;
        this.participants = participants;
        this.clock = clock;
        this.flushMillis = flushInterval.toMillis();
    }

    @EventListener
    void on(RatingSubmitted submitted) {
        if (!enabled) {
            return;
        }
        Tally tally = Tally.of(submitted.rating());
        participants.saw(submitted.rating());
        swap.readLock().lock();
        try {
            RollupKey.of(submitted.rating(), clock.getZone())
                    .forEach(key -> pending.computeIfAbsent(key, k -> new Counters()).add(tally));
        } finally {
            swap.readLock().unlock();
        }
    }

    /** The stored rollup plus what this instance has not written yet. */
    Tally read(RollupKey key) {
        Counters waiting = pending.get(key);
        Tally stored = rollups.find(key);
        return waiting == null ? stored : stored.plus(waiting.tally());
    }

    Map<RollupKey, Tally> readAll(java.util.Collection<RollupKey> keys) {
        Map<RollupKey, Tally> result = new HashMap<>(rollups.findAll(keys));
        keys.forEach(key -> {
            Counters waiting = pending.get(key);
            if (waiting != null) {
                result.merge(key, waiting.tally(), Tally::plus);
            }
        });
        return result;
    }

    /** Writes what is pending; on failure keeps it for the next attempt. */
    synchronized void flush() {
        Map<RollupKey, Tally> batch = new HashMap<>();
        swap.writeLock().lock();
        try {
            pending.forEach((key, counters) -> batch.put(key, counters.tally()));
            pending = new ConcurrentHashMap<>();
        } finally {
            swap.writeLock().unlock();
        }
        try {
            rollups.add(batch);
            participants.flush();
        } catch (RuntimeException e) {
            log.warn("Could not write {} rollups; will retry", batch.size(), e);
            swap.readLock().lock();
            try {
                batch.forEach((key, tally) -> pending.computeIfAbsent(key, k -> new Counters()).add(tally));
            } finally {
                swap.readLock().unlock();
            }
        }
    }

    boolean isIdle() {
        return pending.isEmpty();
    }

    @Override
    public void start() {
        flusher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("rollup-flush").daemon().factory());
        flusher.scheduleWithFixedDelay(this::flush, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (flusher != null) {
            flusher.shutdown();
            try {
                flusher.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            flush();
            flusher = null;
        }
    }

    @Override
    public boolean isRunning() {
        return flusher != null;
    }

    /** Stops after the web server (no more ratings come in), before the store closes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
