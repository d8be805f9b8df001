package org.haochaping.rating;

/** A rating was stored. Statistics follow it; nothing may make the submission fail afterwards. */
public record RatingSubmitted(Rating rating) {
}
