package org.haochaping.satisfaction.rollup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.haochaping.satisfaction.Tally;

/**
 * The contributions one writer applies at once, numbered: a writer applies its batches in order,
 * and every rollup and participant document records the last batch of each writer applied to it,
 * so applying a batch again changes nothing. That makes every retry safe.
 */
record RollupBatch(String writer, long seq, List<Contribution> contributions) {

    RollupBatch {
        contributions = List.copyOf(contributions);
    }

    /** The batch's id in the journal. */
    String id() {
        return writer + ":" + seq;
    }

    boolean isEmpty() {
        return contributions.isEmpty();
    }

    /** The sum of the contributions per rollup. */
    Map<RollupKey, Tally> increments() {
        Map<RollupKey, Map<String, Long>> fields = new HashMap<>();
        contributions.forEach(contribution -> contribution.keys().forEach(key -> {
            Map<String, Long> sums = fields.computeIfAbsent(key, k -> new HashMap<>());
            contribution.tally().forEachField((field, value) -> sums.merge(field, value, Long::sum));
        }));
        Map<RollupKey, Tally> increments = new HashMap<>();
        fields.forEach((key, sums) -> increments.put(key, Tally.fromFields(sums)));
        return increments;
    }

    /** Net change of each participant's number of valid ratings; pairs that net out are left out. */
    Map<String, Integer> participantChanges() {
        Map<String, Integer> changes = new TreeMap<>();
        contributions.forEach(contribution -> changes.merge(contribution.participant(), contribution.sign(), Integer::sum));
        changes.values().removeIf(change -> change == 0);
        return changes;
    }

    /** The highest mark in the batch: once the writer has counted everything below it, the journal entry can go. */
    long highestMark() {
        return contributions.stream().mapToLong(contribution -> contribution.mark().seq()).max().orElse(-1);
    }
}
