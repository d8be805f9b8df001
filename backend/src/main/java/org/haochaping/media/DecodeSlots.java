package org.haochaping.media;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.haochaping.system.problem.ServiceUnavailableException;

/**
 * At most one image decode per core at a time: a decoded photo takes tens of megabytes, and a
 * burst of uploads must not take the heap or starve ratings of CPU. A caller that gets no slot
 * within a short wait is told to come back: 503 with {@code Retry-After}, not 429, because the
 * server is busy, not the caller over its own quota (that one is 429, per caller).
 */
final class DecodeSlots {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final Semaphore slots;
    private final Duration maxWait;

    DecodeSlots(int slots, Duration maxWait) {
        this.slots = new Semaphore(slots, true);
        this.maxWait = maxWait;
    }

    static DecodeSlots perCore() {
        return new DecodeSlots(Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(2));
    }

    <T> T run(Supplier<T> decode) {
        if (!acquire()) {
            throw new ServiceUnavailableException("IMAGE_DECODER_BUSY", RETRY_AFTER);
        }
        try {
            return decode.get();
        } finally {
            slots.release();
        }
    }

    private boolean acquire() {
        try {
            return slots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
