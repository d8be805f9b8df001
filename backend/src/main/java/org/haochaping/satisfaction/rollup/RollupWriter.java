package org.haochaping.satisfaction.rollup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.haochaping.rating.CountMark;
import org.haochaping.rating.CountedRatingsFollower;
import org.haochaping.rating.Rating;
import org.haochaping.rating.RatingCounting;
import org.haochaping.satisfaction.Tally;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts every stored change of a rating into the rollups exactly once, whatever fails.
 *
 * <p>Each change is marked before it is written ({@link #markNext}): the writer's id and a number
 * that grows. Stored changes collect in memory and are applied once a second as a numbered batch:
 * its rating ids go to a journal first, then every rollup and participant document takes the batch
 * only if it has not taken it yet (each records the last batch of each writer it took). So any step
 * can fail and be repeated. The writer checkpoints the number below which every change it marked is
 * applied; after a crash, its successor re-applies the journaled batches and counts the stored
 * changes from the checkpoint on that no journal entry covers ({@link #recover}).
 */
public final class RollupWriter implements RatingCounting {

    private static final Logger log = LoggerFactory.getLogger(RollupWriter.class);
    /** A writer says it is alive at least this often, even with nothing to write. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private final RollupStore store;
    private final ZoneId zone;
    private final Clock clock;
    private final String writer;
    private final AtomicLong nextMark;
    /** Told of each batch's new ratings before the batch completes (e.g. to open the case of a 差评). */
    private final List<CountedRatingsFollower> followers;
    /** Changes marked whose write has not ended yet. */
    private final ConcurrentSkipListMap<Long, String> inFlight = new ConcurrentSkipListMap<>();
    /** Changes whose write failed in a way that may have stored them: checked against the store. */
    private final ConcurrentSkipListMap<Long, String> uncertain = new ConcurrentSkipListMap<>();
    /** Swapping in a fresh pending set excludes adding to the old one. */
    private final ReadWriteLock swap = new ReentrantReadWriteLock();
    /** A rollup write and the end of its batch's pending sums are one step for readers. */
    private final ReadWriteLock visibility = new ReentrantReadWriteLock();
    private volatile PendingContributions pending = new PendingContributions();
    private volatile @Nullable BatchInProgress current;
    private final Deque<BatchInProgress> retained = new ArrayDeque<>();
    private long appliedThrough;
    private long checkpointedBelow = -1;
    private Instant lastCheckpoint = Instant.EPOCH;
    private volatile @Nullable Instant failingSince;

    RollupWriter(RollupStore store, WriterSlot slot, ZoneId zone, Clock clock) {
        this(store, slot, zone, clock, List.of());
    }

    RollupWriter(RollupStore store, WriterSlot slot, ZoneId zone, Clock clock, List<CountedRatingsFollower> followers) {
        this.followers = List.copyOf(followers);
        this.store = store;
        this.zone = zone;
        this.clock = clock;
        this.writer = slot.writer();
        this.appliedThrough = slot.appliedThrough();
        this.nextMark = new AtomicLong(slot.countedBelow());
    }

    String writer() {
        return writer;
    }

    @Override
    public CountMark markNext(String ratingId) {
        long seq = nextMark.getAndIncrement();
        inFlight.put(seq, ratingId);
        return new CountMark(writer, seq);
    }

    @Override
    public void stored(Rating rating, CountMark mark) {
        Contribution contribution = Contribution.of(rating, mark, zone);
        swap.readLock().lock();
        try {
            pending.add(contribution);
        } finally {
            swap.readLock().unlock();
        }
        inFlight.remove(mark.seq()); // only now: the checkpoint must never pass a change that is nowhere
    }

    @Override
    public void uncertain(String ratingId, CountMark mark) {
        uncertain.put(mark.seq(), ratingId);
        inFlight.remove(mark.seq());
    }

    @Override
    public void abandoned(CountMark mark) {
        inFlight.remove(mark.seq());
    }

    /**
     * With every change counted so far applied and none applied meanwhile, the participant document
     * moves to the pseudonym and the ratings are rewritten; a rebuild, which also runs paused, sees
     * both before or both after. Nothing is counted again: the rollups do not depend on the resident.
     */
    @Override
    public long replaceResident(String campaignCode, String resident, String pseudonym, LongSupplier rewrite) {
        return paused((appliedBelow, applied) -> {
            store.renameParticipant(Contribution.participant(campaignCode, resident), Contribution.participant(campaignCode, pseudonym));
            return rewrite.getAsLong();
        });
    }

    /**
     * Reads the store and adds what this writer has not applied yet (pending, or in the batch being
     * applied), with no batch moving in between: a rating is seen once, never twice or not at all.
     */
    Map<RollupKey, Tally> readWithUnapplied(Collection<RollupKey> keys,
            Function<Collection<RollupKey>, Map<RollupKey, Tally>> storeRead) {
        visibility.readLock().lock();
        try {
            Map<RollupKey, Tally> read = new HashMap<>(storeRead.apply(keys));
            BatchInProgress batch = current;
            for (RollupKey key : keys) {
                Tally waiting = pending.sum(key);
                if (waiting != null) {
                    read.merge(key, waiting, Tally::plus);
                }
                if (batch != null && batch.increments().containsKey(key)) {
                    read.merge(key, batch.increments().get(key), Tally::plus);
                }
            }
            return read;
        } finally {
            visibility.readLock().unlock();
        }
    }

    /** A read of the stored rollups that a swap of collections ({@link #unseen}) does not fall into. */
    <T> T seen(Supplier<T> read) {
        visibility.readLock().lock();
        try {
            return read.get();
        } finally {
            visibility.readLock().unlock();
        }
    }

    /** Runs {@code change} to the stored rollups with no read of them meanwhile (a swap of collections). */
    void unseen(Runnable change) {
        visibility.writeLock().lock();
        try {
            change.run();
        } finally {
            visibility.writeLock().unlock();
        }
    }

    /** Since when the writer has been failing to apply what it holds; null while it keeps up. */
    @Nullable
    Instant failingSince() {
        return failingSince;
    }

    boolean isIdle() {
        return current == null && pending.isEmpty() && uncertain.isEmpty();
    }

    /**
     * Applies what is pending as the next batch, or finishes the batch a failure interrupted. Throws
     * what the store throws; the next call picks up where this one stopped.
     */
    public synchronized void flush() {
        try {
            if (current == null) {
                takeNextBatch();
            }
            BatchInProgress batch = current;
            if (batch != null) {
                apply(batch);
            }
            checkpointIfDue();
            failingSince = null;
        } catch (RuntimeException | Error e) {
            if (failingSince == null) {
                failingSince = clock.instant();
            }
            throw e;
        }
    }

    /**
     * After a crash of this slot's previous holder: re-applies its journaled batches that were not
     * applied, then counts every stored change it marked from its checkpoint on that no journal
     * entry covers. Runs before the writer takes any change.
     */
    synchronized void recover(long countedBelow) {
        Map<String, Set<Long>> journaledMarks = new HashMap<>();
        for (RollupStore.JournaledBatch entry : store.journaled(writer)) {
            entry.marksByRating().forEach((id, marks) -> journaledMarks.computeIfAbsent(id, k -> new HashSet<>()).addAll(marks));
            if (entry.seq() > appliedThrough) {
                BatchInProgress batch = new BatchInProgress(new RollupBatch(writer, entry.seq(),
                        contributionsOf(entry.marksByRating())), true);
                batch.journaled = true;
                current = batch;
                apply(batch);
            } else {
                retained.add(BatchInProgress.appliedEarlier(new RollupBatch(writer, entry.seq(), List.of()), entry));
            }
        }
        List<Contribution> uncounted = new ArrayList<>();
        long highest = countedBelow - 1;
        for (Rating rating : store.markedFrom(writer, countedBelow)) {
            for (CountMark mark : marksOf(rating)) {
                highest = Math.max(highest, mark.seq());
                boolean journaled = journaledMarks.getOrDefault(rating.id(), Set.of()).contains(mark.seq());
                if (mark.seq() >= countedBelow && !journaled) {
                    uncounted.add(Contribution.of(rating, mark, zone));
                }
            }
        }
        for (Set<Long> marks : journaledMarks.values()) {
            highest = Math.max(highest, marks.stream().mapToLong(Long::longValue).max().orElse(highest));
        }
        nextMark.set(Math.max(nextMark.get(), highest + 1));
        if (!uncounted.isEmpty()) {
            log.warn("Counting {} stored rating changes that a crash left uncounted", uncounted.size());
            current = new BatchInProgress(new RollupBatch(writer, appliedThrough + 1, uncounted), false);
            apply(current);
        }
        checkpoint();
    }

    /** Everything applied; the checkpoint says so. For a clean stop. */
    synchronized long drain() {
        flush();
        if (!isIdle()) {
            flush();
        }
        checkpoint();
        return appliedThrough;
    }

    long countedBelow() {
        return checkpointedBelow;
    }

    /** Whether a change marked by this writer is applied to the rollups. */
    interface AppliedMarks {
        boolean isApplied(CountMark mark);
    }

    /**
     * Runs {@code action} with nothing applied meanwhile, after applying all it can. The action
     * learns which changes are applied from a view that it should ask last (after reading the
     * ratings), since changes keep being stored while it runs.
     */
    synchronized <T> T paused(BiFunction<Long, Supplier<AppliedMarks>, T> action) {
        flush();
        long appliedBelow = countedBelowNow();
        return action.apply(appliedBelow, () -> {
            Set<Long> unapplied = new HashSet<>(inFlight.keySet());
            unapplied.addAll(uncertain.keySet());
            pending.contributions().forEach(contribution -> unapplied.add(contribution.mark().seq()));
            BatchInProgress batch = current;
            if (batch != null) {
                batch.batch.contributions().forEach(contribution -> unapplied.add(contribution.mark().seq()));
            }
            return mark -> !mark.writer().equals(writer) || mark.seq() < appliedBelow || !unapplied.contains(mark.seq());
        });
    }

    long appliedThrough() {
        return appliedThrough;
    }

    /** Moves what is pending (and uncertain writes found stored) into the current batch, unseen by readers. */
    private void takeNextBatch() {
        List<Contribution> verified = verifyUncertain();
        visibility.writeLock().lock();
        swap.writeLock().lock();
        try {
            if (pending.isEmpty() && verified.isEmpty()) {
                return;
            }
            List<Contribution> contributions = new ArrayList<>(pending.contributions());
            contributions.addAll(verified);
            current = new BatchInProgress(new RollupBatch(writer, appliedThrough + 1, contributions), false);
            pending = new PendingContributions();
        } finally {
            swap.writeLock().unlock();
            visibility.writeLock().unlock();
        }
        verified.forEach(contribution -> uncertain.remove(contribution.mark().seq()));
    }

    /** Uncertain writes: those the store holds are counted, those it does not hold are dropped. */
    private List<Contribution> verifyUncertain() {
        if (uncertain.isEmpty()) {
            return List.of();
        }
        Map<Long, String> checking = Map.copyOf(uncertain);
        List<Rating> found = store.ratings(Set.copyOf(checking.values()));
        List<Contribution> verified = new ArrayList<>();
        checking.forEach((seq, id) -> {
            CountMark mark = new CountMark(writer, seq);
            found.stream().filter(rating -> rating.id().equals(id) && Contribution.isStoredIn(rating, mark)).findFirst()
                    .ifPresentOrElse(rating -> verified.add(Contribution.of(rating, mark, zone)),
                            () -> uncertain.remove(seq));
        });
        return verified;
    }

    /** Each step is idempotent; a step that failed is repeated on the next flush. */
    private void apply(BatchInProgress batch) {
        if (!batch.journaled) {
            store.journal(batch.batch);
            batch.journaled = true;
        }
        if (!batch.followed) {
            Set<String> added = batch.batch.contributions().stream().filter(c -> c.sign() > 0)
                    .map(Contribution::ratingId).collect(java.util.stream.Collectors.toSet());
            if (!added.isEmpty()) {
                followers.forEach(follower -> follower.counted(added));
            }
            batch.followed = true;
        }
        if (batch.participantChanges == null) {
            try {
                batch.participantChanges = store.applyParticipants(batch.batch, batch.recount);
            } catch (RuntimeException e) {
                batch.recount = true; // part may be applied: the next attempt reads back what the batch did
                throw e;
            }
        }
        visibility.writeLock().lock();
        try {
            store.applyRollups(batch.batch, batch.increments(), batch.participantChanges);
            appliedThrough = batch.batch.seq();
            retained.add(batch);
            current = null;
        } finally {
            visibility.writeLock().unlock();
        }
    }

    private void checkpointIfDue() {
        long below = countedBelowNow();
        if (below != checkpointedBelow || !clock.instant().isBefore(lastCheckpoint.plus(HEARTBEAT))) {
            checkpoint();
        }
    }

    /** Saves the checkpoint, then drops the journal entries it makes unnecessary (in that order: a crash between keeps them). */
    private void checkpoint() {
        long below = countedBelowNow();
        store.checkpoint(writer, appliedThrough, below, clock.instant());
        checkpointedBelow = below;
        lastCheckpoint = clock.instant();
        List<String> done = new ArrayList<>();
        while (!retained.isEmpty() && retained.peekFirst().highestMark < below) {
            done.add(retained.removeFirst().batch.id());
        }
        if (!done.isEmpty()) {
            store.forget(done);
        }
    }

    /**
     * The lowest mark not yet applied: in flight, uncertain, pending or in the current batch. Read
     * in that order, the order in which a change moves, so that none is missed while it moves.
     */
    private long countedBelowNow() {
        long below = nextMark.get();
        below = Math.min(below, lowestKey(inFlight));
        below = Math.min(below, lowestKey(uncertain));
        below = Math.min(below, pending.lowestMark());
        BatchInProgress batch = current;
        if (batch != null) {
            below = Math.min(below, batch.lowestMark);
        }
        return below;
    }

    private static long lowestKey(ConcurrentSkipListMap<Long, String> marks) {
        Map.Entry<Long, String> first = marks.firstEntry();
        return first == null ? Long.MAX_VALUE : first.getKey();
    }

    private List<Contribution> contributionsOf(Map<String, Set<Long>> marksByRating) {
        List<Contribution> contributions = new ArrayList<>();
        for (Rating rating : store.ratings(marksByRating.keySet())) {
            for (long seq : marksByRating.get(rating.id())) {
                CountMark mark = new CountMark(writer, seq);
                if (Contribution.isStoredIn(rating, mark)) {
                    contributions.add(Contribution.of(rating, mark, zone));
                }
            }
        }
        return contributions;
    }

    private List<CountMark> marksOf(Rating rating) {
        List<CountMark> marks = new ArrayList<>(2);
        for (CountMark mark : new CountMark[] {rating.countMark(), rating.invalidationMark()}) {
            if (mark != null && mark.writer().equals(writer)) {
                marks.add(mark);
            }
        }
        return marks;
    }

    /** A batch on its way into the store: which steps are done, and its sums for reads meanwhile. */
    private static final class BatchInProgress {
        final RollupBatch batch;
        final long lowestMark;
        final long highestMark;
        private @Nullable Map<RollupKey, Tally> increments;
        boolean journaled;
        boolean followed;
        boolean recount;
        @Nullable
        Map<String, Long> participantChanges;

        BatchInProgress(RollupBatch batch, boolean recount) {
            this(batch, batch.contributions().stream().mapToLong(c -> c.mark().seq()).min().orElse(Long.MAX_VALUE),
                    batch.highestMark(), recount);
        }

        private BatchInProgress(RollupBatch batch, long lowestMark, long highestMark, boolean recount) {
            this.batch = batch;
            this.lowestMark = lowestMark;
            this.highestMark = highestMark;
            this.recount = recount;
        }

        /** A journal entry of a batch applied before a crash: kept until the checkpoint passes it. */
        static BatchInProgress appliedEarlier(RollupBatch batch, RollupStore.JournaledBatch entry) {
            long highest = entry.marksByRating().values().stream().flatMap(Set::stream).mapToLong(Long::longValue)
                    .max().orElse(-1);
            return new BatchInProgress(batch, Long.MAX_VALUE, highest, false);
        }

        synchronized Map<RollupKey, Tally> increments() {
            if (increments == null) {
                increments = batch.increments();
            }
            return increments;
        }
    }
}
