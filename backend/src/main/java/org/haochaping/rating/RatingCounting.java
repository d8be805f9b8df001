package org.haochaping.rating;

/**
 * Where the figures learn of stored ratings, so that each is counted exactly once whatever fails.
 * The rating feature says when it is about to write and how the write ended; the satisfaction
 * feature implements it (an interface here, because statistics depend on ratings, not the reverse).
 */
public interface RatingCounting {

    /** The mark to store with a change (a new rating, or an invalidation) about to be written. */
    CountMark markNext(String ratingId);

    /** The write with this mark is stored: count it (or subtract it, for an invalidation). */
    void stored(Rating rating, CountMark mark);

    /** The write failed in a way that may still have stored it: the counter checks the store itself. */
    void uncertain(String ratingId, CountMark mark);

    /** Nothing was stored under this mark. */
    void abandoned(CountMark mark);

    /**
     * The resident of a campaign's ratings is replaced by a pseudonym (an erasure): {@code rewrite}
     * rewrites the stored ratings, while nothing is counted, and the figures follow the ratings to
     * their new resident without counting any of them again. Returns what {@code rewrite} returns.
     */
    long replaceResident(String campaignCode, String resident, String pseudonym, java.util.function.LongSupplier rewrite);
}
