package org.haochaping.system.store;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the embedded store: callers that need their writes durable wait, one thread
 * commits and syncs the store file for all who waited, then wakes them. Under load a commit covers
 * many writes, so durability costs latency (a commit and an fsync) rather than throughput.
 */
final class GroupCommit implements WriteDurability, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

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

    @Override
    public void awaitDurable() {
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
        while (!closed) {
            long target;
            synchronized (lock) {
                while (requested == committed && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                target = requested;
            }
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

    @Override
    public void close() {
        closed = true;
        committer.interrupt();
        synchronized (lock) {
            lock.notifyAll();
        }
    }
}
