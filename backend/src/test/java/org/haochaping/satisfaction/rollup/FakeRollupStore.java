package org.haochaping.satisfaction.rollup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.haochaping.rating.CountMark;
import org.haochaping.rating.Rating;
import org.haochaping.satisfaction.Tally;

/**
 * The store as the writer needs it, in memory, with the same once-per-batch rule as MongoDB's
 * conditional updates; any write can be made to fail before or after it takes effect.
 */
final class FakeRollupStore implements RollupStore {

    /** A rollup or participant counter set, with the last batch of each writer it took. */
    static final class Counted {
        final Map<String, Long> fields = new TreeMap<>();
        final Map<String, Long> applied = new HashMap<>();

        boolean takes(RollupBatch batch) {
            if (applied.getOrDefault(batch.writer(), 0L) >= batch.seq()) {
                return false;
            }
            applied.put(batch.writer(), batch.seq());
            return true;
        }
    }

    private record Slot(String state, long appliedThrough, long countedBelow) {
    }

    final Map<String, Rating> ratings = new HashMap<>();
    final Map<String, Counted> rollups = new HashMap<>();
    final Map<String, Counted> participants = new HashMap<>();
    private final Map<String, Slot> slots = new HashMap<>();
    private final Map<String, JournaledBatch> journal = new TreeMap<>();
    private final Map<String, String> journalWriters = new HashMap<>();
    private final Map<String, Map<String, Long>> participantResults = new HashMap<>();
    private int writes;
    private int failAt = -1;
    private boolean failAfter;

    /** The {@code n}-th write from now fails: before it changes anything, or after (its answer lost). */
    void failWrite(int n, boolean after) {
        writes = 0;
        failAt = n;
        failAfter = after;
    }

    private void write(Runnable change) {
        writes++;
        if (writes == failAt && !failAfter) {
            throw new IllegalStateException("injected failure before the write");
        }
        change.run();
        if (writes == failAt) {
            throw new IllegalStateException("injected failure after the write");
        }
    }

    void put(Rating rating) {
        ratings.put(rating.id(), rating);
    }

    @Override
    public WriterSlot claimSlot(Instant now, Duration staleAfter) {
        for (Map.Entry<String, Slot> slot : slots.entrySet()) {
            if (!slot.getValue().state().equals("LIVE") || staleAfter.isZero()) {
                boolean crashed = slot.getValue().state().equals("LIVE");
                slots.put(slot.getKey(), new Slot("LIVE", slot.getValue().appliedThrough(), slot.getValue().countedBelow()));
                return new WriterSlot(slot.getKey(), slot.getValue().appliedThrough(), slot.getValue().countedBelow(), crashed);
            }
        }
        String id = "w" + (slots.size() + 1);
        slots.put(id, new Slot("LIVE", 0, 0));
        return new WriterSlot(id, 0, 0, false);
    }

    @Override
    public void checkpoint(String writer, long appliedThrough, long countedBelow, Instant now) {
        write(() -> slots.put(writer, new Slot("LIVE", appliedThrough, countedBelow)));
    }

    @Override
    public void release(String writer, long appliedThrough, long countedBelow) {
        write(() -> slots.put(writer, new Slot("FREE", appliedThrough, countedBelow)));
    }

    long countedBelow(String writer) {
        return slots.get(writer).countedBelow();
    }

    int journalSize() {
        return journal.size();
    }

    @Override
    public void journal(RollupBatch batch) {
        write(() -> {
            Map<String, Set<Long>> marks = new HashMap<>();
            batch.contributions().forEach(c -> marks.computeIfAbsent(c.ratingId(), id -> new HashSet<>()).add(c.mark().seq()));
            journal.putIfAbsent(batch.id(), new JournaledBatch(batch.id(), batch.seq(), marks));
            journalWriters.put(batch.id(), batch.writer());
        });
    }

    @Override
    public List<JournaledBatch> journaled(String writer) {
        return journal.values().stream().filter(entry -> journalWriters.get(entry.id()).equals(writer))
                .sorted(java.util.Comparator.comparingLong(JournaledBatch::seq)).toList();
    }

    @Override
    public void forget(Collection<String> batchIds) {
        write(() -> batchIds.forEach(journal::remove));
    }

    @Override
    public Map<String, Long> applyParticipants(RollupBatch batch, boolean recount) {
        write(() -> {
            Map<String, Long> result = new TreeMap<>();
            batch.participantChanges().forEach((id, change) -> {
                Counted participant = participants.computeIfAbsent(id, k -> new Counted());
                if (participant.takes(batch)) {
                    long before = participant.fields.getOrDefault("ratings", 0L);
                    long after = before + change;
                    participant.fields.put("ratings", after);
                    int joined = before <= 0 && after > 0 ? 1 : before > 0 && after <= 0 ? -1 : 0;
                    if (joined != 0) {
                        result.merge(Contribution.campaignOf(id), (long) joined, Long::sum);
                    }
                }
            });
            participantResults.putIfAbsent(batch.id(), result);
        });
        return participantResults.get(batch.id());
    }

    @Override
    public void applyRollups(RollupBatch batch, Map<RollupKey, Tally> increments, Map<String, Long> participantChanges) {
        write(() -> {
            Map<RollupKey, Tally> all = new HashMap<>(increments);
            participantChanges.keySet().forEach(campaign -> all.putIfAbsent(RollupKey.total(campaign), Tally.EMPTY));
            all.forEach((key, tally) -> {
                Counted rollup = rollups.computeIfAbsent(key.id(), k -> new Counted());
                if (rollup.takes(batch)) {
                    tally.forEachField((field, value) -> rollup.fields.merge(field, value, Long::sum));
                    if (key.dimension() == RollupKey.Dimension.TOTAL && participantChanges.containsKey(key.campaignCode())) {
                        rollup.fields.merge("participants", participantChanges.get(key.campaignCode()), Long::sum);
                    }
                }
            });
        });
    }

    @Override
    public List<Rating> ratings(Collection<String> ids) {
        return ids.stream().map(ratings::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public List<Rating> markedFrom(String writer, long fromSeq) {
        List<Rating> marked = new ArrayList<>();
        for (Rating rating : ratings.values()) {
            for (CountMark mark : new CountMark[] {rating.countMark(), rating.invalidationMark()}) {
                if (mark != null && mark.writer().equals(writer) && mark.seq() >= fromSeq) {
                    marked.add(rating);
                    break;
                }
            }
        }
        return marked;
    }

    /** The counters of a rollup, zeros left out. */
    Map<String, Long> rollup(RollupKey key) {
        Map<String, Long> fields = new TreeMap<>(rollups.getOrDefault(key.id(), new Counted()).fields);
        fields.values().removeIf(value -> value == 0);
        return fields;
    }

    @Override
    public void renameParticipant(String from, String to) {
        write(() -> {
            Counted participant = participants.remove(from);
            if (participant != null) {
                participants.put(to, participant);
            }
        });
    }
}
