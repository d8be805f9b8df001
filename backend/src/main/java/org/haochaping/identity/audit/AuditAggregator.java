package org.haochaping.identity.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;

import jakarta.annotation.PreDestroy;

/**
 * Audits events a caller can repeat at will (refusals, throttled sign-ins) without letting them
 * flood the log: the first of a kind (same actor, action, target, details) within a window is
 * written at once; the repeats are only counted, and written as one {@code <action>_REPEATED}
 * entry with the count when the window closes. Windows are kept for at most
 * {@link #MAX_TRACKED} kinds; one pushed out early has its summary written then, so no count is lost.
 */
@Component
public class AuditAggregator {

    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int MAX_TRACKED = 10_000;

    private record Kind(String actor, Set<String> roles, String action, String target, @Nullable String details) {
    }

    private final AuditLog auditLog;
    private final Cache<Kind, AtomicInteger> windows;

    AuditAggregator(AuditLog auditLog, Clock clock) {
        this.auditLog = auditLog;
        this.windows = Caffeine.newBuilder()
                .maximumSize(MAX_TRACKED)
                .expireAfterWrite(WINDOW)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .<Kind, AtomicInteger>removalListener((kind, count, cause) -> summarise(kind, count, cause))
                .build();
    }

    public void record(String actor, Set<String> roles, String action, String target, @Nullable String details) {
        Kind kind = new Kind(actor, Set.copyOf(roles), action, target, details);
        if (windows.get(kind, k -> new AtomicInteger()).incrementAndGet() == 1) {
            auditLog.record(actor, roles, action, target, details);
        }
    }

    /** Closes the windows that are over, so their summaries are written even if the caller stopped. */
    @Scheduled(fixedDelay = 30_000)
    public void closeExpiredWindows() {
        windows.cleanUp();
    }

    /** At shutdown every open window is summarised. */
    @PreDestroy
    void closeAll() {
        windows.invalidateAll();
        windows.cleanUp();
    }

    long trackedKinds() {
        return windows.estimatedSize();
    }

    private void summarise(@Nullable Kind kind, @Nullable AtomicInteger count, RemovalCause cause) {
        if (kind == null || count == null || cause == RemovalCause.REPLACED) {
            return;
        }
        int repeats = count.get() - 1;
        if (repeats > 0) {
            auditLog.record(kind.actor(), kind.roles(), kind.action() + "_REPEATED", kind.target(),
                    "repeated " + repeats + " more times within " + WINDOW.toSeconds() + " s"
                            + (kind.details() == null ? "" : ": " + kind.details()));
        }
    }
}
