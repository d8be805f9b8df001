package org.haochaping.identity.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Slows down password guessing at the embedded provider, per account and per client address:
 * after {@link #FREE_FAILURES} failures each further one locks the key out for 1 s, doubling up
 * to 15 min; a success clears the account. Failures are remembered in bounded caches (at most
 * {@link #MAX_KEYS} keys each, forgotten an hour after the last failure), so a flood of made-up
 * names or addresses cannot fill the heap.
 */
final class SignInThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_LOCKOUT = Duration.ofSeconds(1);
    static final Duration MAX_LOCKOUT = Duration.ofMinutes(15);
    static final int MAX_KEYS = 100_000;

    /** Failures of one key and until when it is locked out. */
    private record Failures(int count, Instant lockedUntil) {
    }

    private final Clock clock;
    private final Cache<String, Failures> byAccount;
    private final Cache<String, Failures> byAddress;

    SignInThrottle(Clock clock) {
        this.clock = clock;
        this.byAccount = failures(clock);
        this.byAddress = failures(clock);
    }

    /** How long a sign-in for this account from this address must wait, if it must. */
    Optional<Duration> waitFor(String username, String address) {
        Instant now = clock.instant();
        Instant until = later(lockedUntil(byAccount, username), lockedUntil(byAddress, address));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    void failed(String username, String address) {
        byAccount.asMap().compute(username, (key, failures) -> next(failures));
        byAddress.asMap().compute(address, (key, failures) -> next(failures));
    }

    void succeeded(String username) {
        byAccount.invalidate(username);
    }

    long trackedKeys() {
        return byAccount.estimatedSize() + byAddress.estimatedSize();
    }

    private Failures next(Failures failures) {
        int count = failures == null ? 1 : failures.count() + 1;
        return new Failures(count, clock.instant().plus(lockout(count)));
    }

    /** No lockout for the first failures, then 1 s, 2 s, 4 s ... at most 15 min. */
    static Duration lockout(int failures) {
        int beyond = failures - FREE_FAILURES;
        if (beyond <= 0) {
            return Duration.ZERO;
        }
        Duration doubled = FIRST_LOCKOUT.multipliedBy(1L << Math.min(beyond - 1, 20));
        return doubled.compareTo(MAX_LOCKOUT) > 0 ? MAX_LOCKOUT : doubled;
    }

    private static Instant lockedUntil(Cache<String, Failures> failures, String key) {
        Failures found = failures.getIfPresent(key);
        return found == null ? Instant.MIN : found.lockedUntil();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Cache<String, Failures> failures(Clock clock) {
        return Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                .expireAfterWrite(Duration.ofHours(1))
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .build();
    }
}
