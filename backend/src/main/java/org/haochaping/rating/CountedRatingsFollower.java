package org.haochaping.rating;

import java.util.Set;

/**
 * Work that must follow every stored rating, such as opening the case of a 差评. The counting
 * batches that count each new rating exactly once (see {@link RatingCounting}) tell followers of it
 * before they complete, and again after a crash until a batch completes: at least once, so a
 * follower must be idempotent, and a failure makes the batch try again.
 */
public interface CountedRatingsFollower {

    /** Ratings newly stored (not invalidations), by id. */
    void counted(Set<String> ratingIds);
}
