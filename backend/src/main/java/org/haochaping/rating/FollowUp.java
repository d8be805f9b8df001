package org.haochaping.rating;

import java.time.Instant;

/** 追评: a comment the resident adds later; appended to the rating, never edited into it. */
public record FollowUp(String comment, Instant at) {
}
