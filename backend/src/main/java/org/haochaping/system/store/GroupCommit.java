package org.haochaping.system.store;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the embedded store: callers that need their writes durable wait, one thread
 * commits and syncs the store file for all who waited, then wakes them. Under load a commit covers
 * many writes, so durability costs latency (a commit and an fsync) rather than throughput.
 *
 * <p>A caller is acknowledged only when a commit that began after its call has succeeded. If none
 * does within {@code maxWait}, or the committer stops first, it gets {@link StoreUnavailableException}:
 * an error, never a false acknowledgement and never an endless wait.
 */
final class GroupCommit implements AutoCloseable {

    /** Commits and syncs everything written so far; may throw anything. */
    @FunctionalInterface
    interface CommitAction {
        void commitAndSync() throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /**
     * The shortest time between two commits. Each commit writes out every page touched since the
     * last one (documents are serialised per page), so committing at most this often lets one
     * commit cover many writes; it adds at most this much latency.
     */
    private static final long MIN_INTERVAL_NANOS = Duration.ofMillis(4).toNanos();
    /** After a failed commit: wait before retrying, so a broken disk is not hammered in a loop. */
    private static final long RETRY_PAUSE_NANOS = Duration.ofMillis(100).toNanos();
    /** Consecutive failed commits after which the store counts as unavailable (health DOWN). */
    static final int FAILURES_BEFORE_DOWN = 3;

    private final CommitAction action;
    private final long maxWaitNanos;
    private final Object lock = new Object();
    private final Thread committer;
    private long requested;
    private long committed;
    private int consecutiveFailures;
    private boolean closed;
    private boolean stopped;

    GroupCommit(CommitAction action, Duration maxWait) {
        this.action = action;
        this.maxWaitNanos = maxWait.toNanos();
        this.committer = Thread.ofPlatform().name("embedded-store-group-commit").daemon().start(this::run);
    }

    /**
     * Returns once every write this thread made before the call is committed and synced.
     *
     * @throws StoreUnavailableException if that does not happen within the maximum wait, or the store closes first
     */
    void awaitDurable() {
        long deadline = System.nanoTime() + maxWaitNanos;
        synchronized (lock) {
            if (closed) {
                throw new StoreUnavailableException();
            }
            long ticket = ++requested;
            lock.notifyAll();
            while (committed < ticket) {
                long remaining = deadline - System.nanoTime();
                if (stopped || remaining <= 0) {
                    throw new StoreUnavailableException();
                }
                waitOn(remaining);
            }
        }
    }

    /** Whether commits keep failing: health turns DOWN, and recovers with the next success. */
    boolean isFailing() {
        synchronized (lock) {
            return consecutiveFailures >= FAILURES_BEFORE_DOWN;
        }
    }

    private void waitOn(long nanos) {
        try {
            lock.wait(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException();
        }
    }

    private void run() {
        long lastCommit = 0;
        try {
            while (awaitWork()) {
                LockSupport.parkNanos(lastCommit + MIN_INTERVAL_NANOS - System.nanoTime());
                lastCommit = System.nanoTime();
                boolean succeeded = commitOnce();
                if (isClosed()) {
                    return;
                }
                if (!succeeded) {
                    LockSupport.parkNanos(RETRY_PAUSE_NANOS);
                }
            }
        } finally {
            synchronized (lock) {
                stopped = true;
                lock.notifyAll();
            }
        }
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** Waits for a caller; false once closed with nothing left to commit. */
    private boolean awaitWork() {
        synchronized (lock) {
            while (requested == committed && !closed) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    return false;
                }
            }
            return requested > committed;
        }
    }

    /** One commit for every caller that asked so far; any Throwable is survived, and reported. */
    private boolean commitOnce() {
        long target;
        synchronized (lock) {
            target = requested;
        }
        try {
            action.commitAndSync();
        } catch (Throwable failure) {
            recordFailure(failure);
            return false;
        }
        synchronized (lock) {
            if (consecutiveFailures > 0) {
                log.warn("The embedded store commits again after {} failed attempts", consecutiveFailures);
            }
            consecutiveFailures = 0;
            committed = target;
            lock.notifyAll();
        }
        return true;
    }

    private void recordFailure(Throwable failure) {
        int failures;
        synchronized (lock) {
            failures = ++consecutiveFailures;
        }
        if (failures == 1) {
            log.error("The embedded store could not commit; writes are not acknowledged until it can", failure);
        }
    }

    /**
     * Lets the committer commit what callers wait for (one attempt) and stop; callers still
     * waiting then get an error. It is never interrupted: an interrupt during a file sync closes
     * the store's file channel.
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
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
        }
    }
}
