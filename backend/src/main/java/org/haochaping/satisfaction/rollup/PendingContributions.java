package org.haochaping.satisfaction.rollup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.haochaping.satisfaction.Tally;
import org.jspecify.annotations.Nullable;

/**
 * Contributions stored but not yet taken into a batch, with their sums per rollup kept up to date
 * for reads (a rating shows in this instance's figures at once). Added to from request threads; a
 * few map updates per rating, no copies.
 */
final class PendingContributions {

    private final ConcurrentLinkedQueue<Contribution> contributions = new ConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<RollupKey, Counters> sums = new ConcurrentHashMap<>();
    private final AtomicLong lowestMark = new AtomicLong(Long.MAX_VALUE);

    /** A rollup's pending counters, added in place. */
    private static final class Counters {
        private final Map<String, Long> fields = new HashMap<>();

        synchronized void add(Tally tally) {
            tally.forEachField((field, value) -> fields.merge(field, value, Long::sum));
        }

        synchronized Tally tally() {
            return Tally.fromFields(fields);
        }
    }

    void add(Contribution contribution) {
        contribution.keys().forEach(key -> sums.computeIfAbsent(key, k -> new Counters()).add(contribution.tally()));
        lowestMark.accumulateAndGet(contribution.mark().seq(), Math::min);
        contributions.add(contribution);
    }

    @Nullable
    Tally sum(RollupKey key) {
        Counters counters = sums.get(key);
        return counters == null ? null : counters.tally();
    }

    List<Contribution> contributions() {
        return List.copyOf(contributions);
    }

    long lowestMark() {
        return lowestMark.get();
    }

    boolean isEmpty() {
        return contributions.isEmpty();
    }
}
