package org.haochaping.satisfaction.rollup;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link RollupWriter} once a second on its own thread; a failure is logged and the next
 * run resumes. A clean stop applies everything and gives the writer's slot back.
 */
@Component
class RollupFlusher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RollupFlusher.class);

    private final RollupWriter writer;
    private final RollupStore store;
    private final long intervalMillis;
    private @Nullable ScheduledExecutorService thread;
    private boolean failing;

    RollupFlusher(RollupWriter writer, MongoRollupStore store,
            @Value("${haochaping.satisfaction.rollup-flush-interval:1s}") Duration interval) {
        this.writer = writer;
        this.store = store;
        this.intervalMillis = interval.toMillis();
    }

    /** Never lets anything end the schedule: a throw from a scheduled task would cancel it for good. */
    void flushQuietly() {
        try {
            writer.flush();
            if (failing) {
                log.info("Rollups are being written again");
                failing = false;
            }
        } catch (Throwable e) {
            if (!failing) {
                log.error("Could not write the rollups; retrying every {} ms until it works", intervalMillis, e);
                failing = true;
            }
        }
    }

    @Override
    public void start() {
        thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("rollup-writer").daemon().factory());
        thread.scheduleWithFixedDelay(this::flushQuietly, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (thread == null) {
            return;
        }
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
            long appliedThrough = writer.drain();
            store.release(writer.writer(), appliedThrough, writer.countedBelow());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Could not write the last rollups at shutdown; the next start counts them from the ratings", e);
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** Stops after the web server (no more ratings come in), before the store closes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
