package org.haochaping.rating;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.haochaping.identity.Actor;

/**
 * What happens to a resident's 差评 after it was given, as the ratings feature shows it: told by the
 * bad-review loop, which depends on ratings, so ratings ask through this interface (as the loop
 * follows counted ratings through {@link CountedRatingsFollower}). Only the rater has a view of it.
 */
public interface ReviewHandling {

    /** The resident's verdict on the fix: 满意, 基本满意, 不满意. */
    enum Verdict { SATISFIED, BASICALLY_SATISFIED, UNSATISFIED }

    /** The case of the resident's own rating; empty for a good rating (or one whose case is not open yet). */
    Optional<ReviewProgress> progressOf(Actor resident, Rating rating);

    /** The statuses of the resident's own ratings that have a case, by rating id (one read for a page). */
    Map<String, ReviewStatus> statusesOf(Actor resident, List<Rating> ratings);

    /**
     * Re-rates the fix of the resident's own 差评: only while it awaits re-rating (else a 409 problem),
     * idempotent by the key (a retry is no second verdict).
     */
    ReviewProgress.Rerated rerate(Actor resident, Rating rating, Verdict verdict, String idempotencyKey);
}
