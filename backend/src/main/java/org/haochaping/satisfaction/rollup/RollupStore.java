package org.haochaping.satisfaction.rollup;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.haochaping.rating.Rating;
import org.haochaping.satisfaction.Tally;

/**
 * What the {@link RollupWriter} needs of the store. Every write is idempotent per batch, so a
 * writer may repeat any of them after a failure; MongoDB in production ({@link MongoRollupStore}),
 * an in-memory fake in the mechanism's tests.
 */
interface RollupStore {

    /** Takes a free writer slot, or one whose holder has not been seen for {@code staleAfter}. */
    WriterSlot claimSlot(Instant now, Duration staleAfter);

    /** Records the writer's progress; also says it is alive. */
    void checkpoint(String writer, long appliedThrough, long countedBelow, Instant now);

    /** Gives the slot back after a clean stop, with everything applied. */
    void release(String writer, long appliedThrough, long countedBelow);

    /** Writes the batch's rating ids to the journal before it is applied (again: nothing changes). */
    void journal(RollupBatch batch);

    /** The writer's batches still in the journal, in order. */
    List<JournaledBatch> journaled(String writer);

    /** Drops journal entries that are no longer needed to tell counted changes from uncounted ones. */
    void forget(Collection<String> batchIds);

    /**
     * Applies the batch's participant changes and says, per campaign, how many residents joined
     * (their first valid rating) minus how many left (their last one invalidated). With
     * {@code recount} the answer is read back from the documents the batch marked, for a retry
     * whose earlier attempt may have applied part of it.
     */
    Map<String, Long> applyParticipants(RollupBatch batch, boolean recount);

    /** Applies the increments, and the participant changes to the campaign totals, once. */
    void applyRollups(RollupBatch batch, Map<RollupKey, Tally> increments, Map<String, Long> participantChanges);

    /** The stored ratings with these ids. */
    List<Rating> ratings(Collection<String> ids);

    /** Stored ratings with a change marked by {@code writer} from {@code fromSeq} on. */
    List<Rating> markedFrom(String writer, long fromSeq);

    /** A journal entry: the batch and the changes it counts (rating id and mark). */
    record JournaledBatch(String id, long seq, Map<String, Set<Long>> marksByRating) {
    }

    /** Moves a participant's document to another id (its resident got a pseudonym); nothing when it has none. */
    void renameParticipant(String from, String to);
}
