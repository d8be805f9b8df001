package org.haochaping.system.store;

import java.time.Duration;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the embedded store: callers that need their writes durable wait, one thread
 * commits and syncs the store file for all who waited, then wakes them. Under load a commit covers
 * many writes, so durability costs latency (a commit and an fsync) rather than throughput.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /**
     * The shortest time between two commits. Each commit writes out every page touched since the
     * last one (documents are serialised per page), so committing at most this often lets one
     * commit cover many writes; it adds at most this much latency.
     */
    private static final long MIN_INTERVAL_NANOS = Duration.ofMillis(4).toNanos();

    private final MVStore store;
    private final Object lock = new Object();
    private final Thread committer;
    private long requested;
    private long committed;
    private volatile boolean closed;

    GroupCommit(MVStore store) {
        this.store = store;
        this.committer = Thread.ofPlatform().name("embedded-store-group-commit").daemon().start(this::run);
    }

    /** Returns once every write this thread made before the call is committed and synced. */
    void awaitDurable() {
        synchronized (lock) {
            long ticket = ++requested;
            lock.notifyAll();
            while (committed < ticket && !closed) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the store to commit", e);
                }
            }
        }
    }

    private void run() {
        long lastCommit = 0;
        while (!closed) {
            long target;
            synchronized (lock) {
                while (requested == committed && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            long wait = lastCommit + MIN_INTERVAL_NANOS - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            synchronized (lock) {
                target = requested;
            }
            lastCommit = System.nanoTime();
            try {
                store.commit();
                store.sync();
            } catch (RuntimeException e) {
                log.error("The embedded store could not commit; writes are not acknowledged until it can", e);
                continue;
            }
            synchronized (lock) {
                committed = target;
                lock.notifyAll();
            }
        }
    }

    /**
     * Lets the committer finish its commit and stop. It is never interrupted: an interrupt during
     * a file sync closes the store's file channel.
     */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            committer.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
