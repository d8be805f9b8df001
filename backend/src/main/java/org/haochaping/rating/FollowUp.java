package org.haochaping.rating;

import java.time.Instant;

/**
 * 追评: a comment the resident adds later; appended to the rating, never edited into it.
 *
 * @param idempotencyKey the app's key for this follow-up, so a retry finds it instead of adding another
 *        (null on follow-ups stored before keys were required)
 */
public record FollowUp(String comment, Instant at, @org.jspecify.annotations.Nullable String idempotencyKey) {
}
