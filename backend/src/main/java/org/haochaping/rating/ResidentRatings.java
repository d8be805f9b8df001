package org.haochaping.rating;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.haochaping.identity.Actor;
import org.haochaping.system.problem.InvalidCursorException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * A resident's own ratings: listed newest first, read one by one, and followed up (追评). Another
 * resident's rating does not exist for them, whatever id they try.
 */
@Service
public class ResidentRatings {

    /** At most this many follow-ups per rating, so a rating cannot become a chat. */
    static final int MAX_FOLLOW_UPS = 3;

    /** A page of ratings and the cursor of the next page (null on the last one). */
    public record Page(List<Rating> items, @Nullable String nextCursor) {
    }

    private final MongoTemplate mongo;
    private final Ratings ratings;
    private final Clock clock;

    ResidentRatings(MongoTemplate mongo, Ratings ratings, Clock clock) {
        this.mongo = mongo;
        this.ratings = ratings;
        this.clock = clock;
    }

    public Page newestFirst(Actor resident, @Nullable String cursor, int limit) {
        Criteria mine = Criteria.where("resident").is(resident.subject());
        if (cursor != null) {
            Position after = Position.decode(cursor);
            mine = mine.orOperator(Criteria.where("submittedAt").lt(after.submittedAt()),
                    Criteria.where("submittedAt").is(after.submittedAt()).and("_id").lt(after.id()));
        }
        Query query = Query.query(mine).with(Sort.by(Sort.Direction.DESC, "submittedAt", "_id")).limit(limit + 1);
        List<Rating> found = mongo.find(query, Rating.class);
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<Rating> page = found.subList(0, limit);
        Rating last = page.getLast();
        return new Page(List.copyOf(page), new Position(last.submittedAt(), last.id()).encode());
    }

    /**
     * Every rating of the resident, oldest first, read through a cursor in batches (for a copy of
     * their data): a resident with many ratings never has them all in memory at once here.
     */
    public void forEachOf(Actor resident, java.util.function.Consumer<Rating> each) {
        Query query = Query.query(Criteria.where("resident").is(resident.subject()))
                .with(Sort.by(Sort.Direction.ASC, "submittedAt", "_id"));
        query.cursorBatchSize(200);
        try (java.util.stream.Stream<Rating> mine = mongo.stream(query, Rating.class)) {
            mine.forEach(each);
        }
    }

    public Rating get(Actor resident, String id) {
        return ratings.findByIdAndResident(id, resident.subject()).orElseThrow(RatingNotFoundException::new);
    }

    /** A follow-up as stored, and whether this call added it or found it added by an earlier try. */
    public record FollowedUp(Rating rating, boolean replayed) {
    }

    /**
     * Appends a 追评; the rating itself stays as it was given. Idempotent by {@code idempotencyKey}: a retry
     * finds the follow-up its first try added (replayed) instead of adding a second of the three allowed;
     * the same key with another comment is a 422 {@code IDEMPOTENCY_KEY_REUSED}.
     */
    public FollowedUp followUp(Actor resident, String id, String comment, String idempotencyKey) {
        String text = comment.strip();
        Rating before = get(resident, id);
        Optional<FollowedUp> replay = replayOf(before, text, idempotencyKey);
        if (replay.isPresent()) {
            return replay.get();
        }
        Query mineWithRoomAndNew = Query.query(Criteria.where("_id").is(id).and("resident").is(resident.subject())
                .and("followUps." + (MAX_FOLLOW_UPS - 1)).exists(false)
                .and("followUps.idempotencyKey").ne(idempotencyKey));
        Rating updated = mongo.findAndModify(mineWithRoomAndNew,
                new Update().push("followUps", new FollowUp(text, clock.instant(), idempotencyKey)),
                FindAndModifyOptions.options().returnNew(true), Rating.class);
        if (updated != null) {
            return new FollowedUp(updated, false);
        }
        // Full, or a concurrent try with the same key got there first.
        return replayOf(get(resident, id), text, idempotencyKey)
                .orElseThrow(() -> new RatingConflictException("FOLLOW_UP_LIMIT", MAX_FOLLOW_UPS));
    }

    private static Optional<FollowedUp> replayOf(Rating rating, String comment, String idempotencyKey) {
        return rating.followUps().stream().filter(followUp -> idempotencyKey.equals(followUp.idempotencyKey())).findFirst()
                .map(earlier -> {
                    if (!earlier.comment().equals(comment)) {
                        throw new RatingRejectedException("IDEMPOTENCY_KEY_REUSED");
                    }
                    return new FollowedUp(rating, true);
                });
    }

    /** Where a page ends: the last rating's time and id, opaque to clients. */
    record Position(Instant submittedAt, String id) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((submittedAt.toEpochMilli() + "~" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("~", 2);
                return new Position(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1]);
            } catch (RuntimeException e) {
                throw new InvalidCursorException();
            }
        }
    }
}
